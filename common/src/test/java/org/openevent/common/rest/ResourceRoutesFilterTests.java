package org.openevent.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;
import org.openevent.common.resource.ResourceRegistry;

/** The expansion of the kit's route templates, on a document built by hand. */
class ResourceRoutesFilterTests {

    private final ResourceRegistry registry = new ResourceRegistry(List.of(new ProbeItemRules()), List.of());

    @Test
    void relatedTemplateBecomesOneRoutePerRelationship() {
        Paths paths = paths("/v1/probe-items/{id}/{relationship}", HttpMethod.GET);
        ResourceRoutesFilter.expand(paths, registry);

        assertNull(paths.getPathItem("/v1/probe-items/{id}/{relationship}"));
        assertEquals(Set.of("/v1/probe-items/{id}/event", "/v1/probe-items/{id}/parent",
                "/v1/probe-items/{id}/children", "/v1/probe-items/{id}/creator", "/v1/probe-items/{id}/gifts"),
                paths.getPathItems().keySet());
        Operation gifts = paths.getPathItem("/v1/probe-items/{id}/gifts").getGET();
        assertTrue(gifts.getDescription().contains("Always empty: " + ProbeItemRules.GIFTS_WHY), gifts.getDescription());
        assertEquals(List.of("id"), pathParameters(gifts));
        assertTrue(queryParameters(gifts).containsAll(List.of("include", "filter", "page[size]", "fields[gift]")));
        assertFalse(queryParameters(paths.getPathItem("/v1/probe-items/{id}/parent").getGET()).contains("filter"),
                "a to-one relationship is no list");
    }

    @Test
    void linkageTemplateOffersWritesOnlyForWritableRelationships() {
        Paths paths = paths("/v1/probe-items/{id}/relationships/{relationship}", HttpMethod.GET, HttpMethod.PATCH,
                HttpMethod.POST, HttpMethod.DELETE);
        ResourceRoutesFilter.expand(paths, registry);

        assertEquals(Set.of(HttpMethod.GET, HttpMethod.PATCH, HttpMethod.DELETE),
                paths.getPathItem("/v1/probe-items/{id}/relationships/parent").getOperations().keySet(),
                "to-one: no POST");
        assertEquals(Set.of(HttpMethod.GET),
                paths.getPathItem("/v1/probe-items/{id}/relationships/children").getOperations().keySet());
        assertNotNull(paths.getPathItem("/v1/probe-items/{id}/relationships/parent").getPATCH().getRequestBody());
    }

    @Test
    void eventAndUserTemplatesBecomeTheirCollections() {
        Paths paths = paths("/v1/events/{ref}/{collection}", HttpMethod.GET);
        paths.addPathItem("/v1/events/{ref}/relationships/{collection}", item(HttpMethod.GET));
        paths.addPathItem("/v1/users/{userId}/{relationship}", item(HttpMethod.GET));
        ResourceRoutesFilter.expand(paths, registry);

        assertEquals(Set.of("/v1/events/{ref}/probe-items", "/v1/events/{ref}/relationships/probe-items",
                "/v1/users/{userId}/probe-items"), paths.getPathItems().keySet());
        Operation children = paths.getPathItem("/v1/events/{ref}/probe-items").getGET();
        assertEquals(List.of("ref"), pathParameters(children), "the class-level variable is documented");
        assertTrue(queryParameters(children).contains("get_trashed"));
        assertEquals(List.of("userId"), pathParameters(paths.getPathItem("/v1/users/{userId}/probe-items").getGET()));
    }

    @Test
    void explicitRoutesWinAndForeignTemplatesStay() {
        Paths paths = paths("/v1/probe-items/{id}/{relationship}", HttpMethod.GET);
        PathItem explicit = item(HttpMethod.GET);
        explicit.getGET().setSummary("Explicit");
        paths.addPathItem("/v1/probe-items/{id}/children", explicit);
        paths.addPathItem("/v1/others/{id}/{relationship}", item(HttpMethod.GET));
        ResourceRoutesFilter.expand(paths, registry);

        assertEquals("Explicit", paths.getPathItem("/v1/probe-items/{id}/children").getGET().getSummary());
        assertNotNull(paths.getPathItem("/v1/others/{id}/{relationship}"), "not a collection of this service");
    }

    @Test
    void kitListsReadsAndDeletesDocumentTheirQueryParameters() {
        Paths paths = paths("/v1/probe-items", HttpMethod.GET);
        paths.addPathItem("/v1/probe-items/{id}", item(HttpMethod.GET, HttpMethod.DELETE));
        ResourceRoutesFilter.expand(paths, registry);

        assertTrue(queryParameters(paths.getPathItem("/v1/probe-items").getGET())
                .containsAll(List.of("filter", "sort", "page[number]", "page[size]", "include", "get_trashed")));
        assertEquals(List.of("include", "fields[probe-item]", "get_trashed"),
                queryParameters(paths.getPathItem("/v1/probe-items/{id}").getGET()));
        assertEquals(List.of("permanent"), queryParameters(paths.getPathItem("/v1/probe-items/{id}").getDELETE()));
    }

    private static Paths paths(String path, HttpMethod... methods) {
        return OASFactory.createPaths().addPathItem(path, item(methods));
    }

    /** An item as the annotation scan writes it: every path variable a parameter, one answer. */
    private static PathItem item(HttpMethod... methods) {
        PathItem item = OASFactory.createPathItem();
        for (HttpMethod method : methods) {
            item.setOperation(method, OASFactory.createOperation().summary("Template")
                    .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH).required(true))
                    .addParameter(OASFactory.createParameter().name("relationship").in(Parameter.In.PATH).required(true))
                    .requestBody(method == HttpMethod.GET ? null : OASFactory.createRequestBody())
                    .responses(OASFactory.createAPIResponses()));
        }
        return item;
    }

    private static List<String> pathParameters(Operation operation) {
        return operation.getParameters().stream().filter(p -> p.getIn() == Parameter.In.PATH).map(Parameter::getName)
                .toList();
    }

    private static List<String> queryParameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.QUERY).map(Parameter::getName).toList();
    }
}
