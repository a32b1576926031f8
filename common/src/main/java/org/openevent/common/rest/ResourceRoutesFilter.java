package org.openevent.common.rest;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.openevent.common.resource.Relationship;
import org.openevent.common.resource.ResourceRegistry;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;

/**
 * Makes {@code /q/openapi} name every route the kit really serves. The annotation scan sees the kit's generic
 * routes as templates ({@code /v1/tracks/{id}/{relationship}}, {@code /v1/events/{ref}/{collection}},
 * {@code /v1/users/{userId}/{relationship}}); this filter replaces each with one concrete path per relationship,
 * event child collection or user relation declared in the {@link ResourceRegistry}, described from the
 * declaration, and documents the query parameters the kit's reads accept.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class ResourceRoutesFilter implements OASFilter {

    private static final Pattern RELATED = Pattern.compile("/v1/([a-z0-9-]+)/\\{id}/\\{relationship}");
    private static final Pattern LINKAGE = Pattern.compile("/v1/([a-z0-9-]+)/\\{id}/relationships/\\{relationship}");
    private static final Pattern EVENT_CHILDREN = Pattern.compile("/v1/events/\\{ref}/\\{collection}");
    private static final Pattern EVENT_CHILDREN_LINKAGE = Pattern.compile("/v1/events/\\{ref}/relationships/\\{collection}");
    private static final Pattern USER_CHILDREN = Pattern.compile("/v1/users/\\{userId}/\\{relationship}");
    private static final Pattern COLLECTION = Pattern.compile("/v1/([a-z0-9-]+)");
    private static final Pattern SINGLE = Pattern.compile("/v1/([a-z0-9-]+)/\\{id}");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        try (InstanceHandle<ResourceRegistry> registry = Arc.container().instance(ResourceRegistry.class)) {
            if (registry.isAvailable()) {
                expand(openAPI.getPaths(), registry.get());
            }
        }
    }

    /** Replaces the kit's templates in {@code paths} by the concrete routes of {@code registry}'s declarations. */
    public static void expand(Paths paths, ResourceRegistry registry) {
        Map<String, PathItem> concrete = new LinkedHashMap<>();
        for (Map.Entry<String, PathItem> entry : new LinkedHashMap<>(paths.getPathItems()).entrySet()) {
            String path = entry.getKey();
            PathItem item = entry.getValue();
            List<Route> routes = routesOf(path, item, registry);
            if (routes == null) {
                documentQueries(path, item, registry);
                continue;
            }
            paths.removePathItem(path);
            for (Route route : routes) {
                PathItem target = concrete.computeIfAbsent(route.path(), ignored -> OASFactory.createPathItem());
                target.setOperation(route.method(), route.operation());
            }
        }
        concrete.forEach((path, item) -> {
            PathItem explicit = paths.getPathItem(path);
            if (explicit == null) {
                paths.addPathItem(path, item);
            } else {
                // A route a service declares itself wins over the generic one at the same path and method.
                item.getOperations().forEach((method, operation) -> {
                    if (!explicit.getOperations().containsKey(method)) {
                        explicit.setOperation(method, operation);
                    }
                });
            }
        });
    }

    /** The concrete routes a template path stands for, or null when {@code path} is no kit template. */
    private static List<Route> routesOf(String path, PathItem item, ResourceRegistry registry) {
        Matcher related = RELATED.matcher(path);
        if (related.matches() && registry.byCollection(related.group(1)).isPresent()) {
            return related(path, item, registry.byCollection(related.group(1)).orElseThrow().type());
        }
        Matcher linkage = LINKAGE.matcher(path);
        if (linkage.matches() && registry.byCollection(linkage.group(1)).isPresent()) {
            return linkage(path, item, registry.byCollection(linkage.group(1)).orElseThrow().type());
        }
        if (EVENT_CHILDREN.matcher(path).matches()) {
            return eventChildren(path, item, registry, false);
        }
        if (EVENT_CHILDREN_LINKAGE.matcher(path).matches()) {
            return eventChildren(path, item, registry, true);
        }
        if (USER_CHILDREN.matcher(path).matches()) {
            return userChildren(path, item, registry);
        }
        return null;
    }

    private static List<Route> related(String path, PathItem item, ResourceType<?> type) {
        List<Route> routes = new ArrayList<>();
        Operation template = item.getGET();
        if (template == null) {
            return routes;
        }
        for (Relationship<?> relationship : type.relationships()) {
            if (relationship.source() == Relationship.Source.ELSEWHERE) {
                continue; // its routes are documented by the service that serves them
            }
            String name = relationship.name();
            Operation operation = copy(path, template, "relationship", name, "Related " + name,
                    "The " + type.type() + "'s `" + name + "`: " + shape(relationship) + "." + about(relationship));
            documentRead(operation, relationship.targetType(), relationship.toMany(), false);
            routes.add(new Route(path.replace("{relationship}", name), HttpMethod.GET, operation));
        }
        return routes;
    }

    private static List<Route> linkage(String path, PathItem item, ResourceType<?> type) {
        List<Route> routes = new ArrayList<>();
        for (Relationship<?> relationship : type.relationships()) {
            if (relationship.source() == Relationship.Source.ELSEWHERE) {
                continue; // its routes are documented by the service that serves them
            }
            String name = relationship.name();
            String concrete = path.replace("{relationship}", name);
            String linkageOf = "linkage of the " + type.type() + "'s `" + name + "` (" + shape(relationship) + ")";
            add(routes, concrete, HttpMethod.GET, item, path, name, "Linkage of " + name,
                    "The " + linkageOf + "." + about(relationship));
            if (relationship.writable()) {
                add(routes, concrete, HttpMethod.PATCH, item, path, name, "Replace linkage of " + name,
                        "Replaces the " + linkageOf + "; If-Match is checked against the " + type.type() + ".");
                add(routes, concrete, HttpMethod.DELETE, item, path, name, "Remove from linkage of " + name,
                        relationship.toMany() ? "Removes the given members from the " + linkageOf + "."
                                : "Clears the " + linkageOf + ".");
                if (relationship.toMany()) {
                    add(routes, concrete, HttpMethod.POST, item, path, name, "Add to linkage of " + name,
                            "Adds the given members to the " + linkageOf + ".");
                }
            }
        }
        return routes;
    }

    private static List<Route> eventChildren(String path, PathItem item, ResourceRegistry registry, boolean linkage) {
        List<Route> routes = new ArrayList<>();
        Operation template = item.getGET();
        if (template == null) {
            return routes;
        }
        for (ResourceRules<?> rules : registry.all()) {
            ResourceType<?> type = rules.type();
            if (!type.eventChild()) {
                continue;
            }
            String collection = type.collection();
            String description = linkage
                    ? "Linkage of the event's " + collection + " (`" + type.type() + "`) the caller may see."
                    : "The event's " + collection + " (`" + type.type() + "`) the caller may see; the event is named"
                    + " by its id or identifier.";
            Operation operation = copy(path, template, "collection", collection,
                    (linkage ? "Linkage of event " : "Event ") + collection, description);
            if (!linkage) {
                documentRead(operation, type.type(), true, type.softDelete());
            }
            routes.add(new Route(path.replace("{collection}", collection), HttpMethod.GET, operation));
        }
        return routes;
    }

    private static List<Route> userChildren(String path, PathItem item, ResourceRegistry registry) {
        List<Route> routes = new ArrayList<>();
        Operation template = item.getGET();
        if (template == null) {
            return routes;
        }
        for (ResourceRules<?> rules : registry.all()) {
            ResourceType<?> type = rules.type();
            for (String name : type.userRelations().keySet()) {
                Operation operation = copy(path, template, "relationship", name, "User " + name,
                        "The user's " + name + " (`" + type.type() + "`); only the user and admins may read them.");
                documentRead(operation, type.type(), true, false);
                routes.add(new Route(path.replace("{relationship}", name), HttpMethod.GET, operation));
            }
        }
        return routes;
    }

    /** The query parameters of the kit's own list, read and delete routes, which read them from the URI. */
    private static void documentQueries(String path, PathItem item, ResourceRegistry registry) {
        Matcher collection = COLLECTION.matcher(path);
        Matcher single = SINGLE.matcher(path);
        if (collection.matches()) {
            registry.byCollection(collection.group(1)).ifPresent(rules -> {
                if (item.getGET() != null) {
                    documentRead(item.getGET(), rules.type().type(), true, rules.type().softDelete());
                }
            });
        } else if (single.matches()) {
            registry.byCollection(single.group(1)).ifPresent(rules -> {
                ResourceType<?> type = rules.type();
                if (item.getGET() != null) {
                    documentRead(item.getGET(), type.type(), false, type.softDelete());
                }
                if (item.getDELETE() != null && type.permanentDelete()) {
                    addQuery(item.getDELETE(), "permanent", "boolean",
                            "Admins only: remove the " + type.type() + " for good instead of soft-deleting it.");
                }
            });
        }
    }

    private static void documentRead(Operation operation, String type, boolean list, boolean trashed) {
        addQuery(operation, "include", "string", "Comma-separated relationship paths to include, e.g. `a,b.c`.");
        addQuery(operation, "fields[" + type + "]", "string", "Sparse fieldset: the attributes and relationships"
                + " of `" + type + "` to serve.");
        if (list) {
            addQuery(operation, "filter", "string", "A JSON array of conditions (`name`, `op`, `val`, `and`/`or`/`not`).");
            addQuery(operation, "sort", "string", "Comma-separated fields, `-` for descending.");
            addQuery(operation, "page[number]", "integer", "The page, from 1.");
            addQuery(operation, "page[size]", "integer", "Rows per page; 0 for all.");
        }
        if (trashed) {
            addQuery(operation, "get_trashed", "boolean", "Admins only: include soft-deleted rows.");
        }
    }

    private static void addQuery(Operation operation, String name, String schemaType, String description) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        if (parameters.stream().anyMatch(p -> name.equals(p.getName()) && p.getIn() == Parameter.In.QUERY)) {
            return;
        }
        parameters.add(OASFactory.createParameter().name(name).in(Parameter.In.QUERY).required(false)
                .description(description).schema(schema(schemaType)));
        operation.setParameters(parameters);
    }

    private static void add(List<Route> routes, String concrete, HttpMethod method, PathItem item, String path,
                            String name, String summary, String description) {
        Operation template = item.getOperations().get(method);
        if (template != null) {
            routes.add(new Route(concrete, method, copy(path, template, "relationship", name, summary, description)));
        }
    }

    /**
     * The template's operation for one concrete value of {@code variable}: the same body and answers, the
     * variable's parameter gone, and every other path variable documented (class-level ones are not scanned).
     */
    private static Operation copy(String path, Operation template, String variable, String value, String summary,
                                  String description) {
        List<Parameter> parameters = new ArrayList<>();
        Matcher names = TEMPLATE_VARIABLE.matcher(path);
        List<Parameter> given = template.getParameters() == null ? List.of() : template.getParameters();
        while (names.find()) {
            String name = names.group(1);
            if (name.equals(variable)) {
                continue;
            }
            parameters.add(given.stream().filter(p -> name.equals(p.getName()) && p.getIn() == Parameter.In.PATH)
                    .findFirst().orElseGet(() -> OASFactory.createParameter().name(name).in(Parameter.In.PATH)
                            .required(true).schema(schema("string"))));
        }
        given.stream().filter(p -> p.getIn() != Parameter.In.PATH).forEach(parameters::add);
        return OASFactory.createOperation()
                .operationId(template.getOperationId() == null ? null : template.getOperationId() + "_" + value)
                .summary(summary)
                .description(description)
                .tags(template.getTags())
                .parameters(parameters)
                .requestBody(template.getRequestBody())
                .responses(template.getResponses())
                .security(template.getSecurity())
                .deprecated(template.getDeprecated());
    }

    private static String shape(Relationship<?> relationship) {
        return relationship.toMany() ? "a list of `" + relationship.targetType() + "`"
                : "one `" + relationship.targetType() + "` or null";
    }

    private static String about(Relationship<?> relationship) {
        return switch (relationship.source()) {
            case EMPTY -> " Always " + (relationship.toMany() ? "empty" : "null") + ": "
                    + Objects.requireNonNullElse(relationship.description(), "not offered.");
            case REMOTE -> " Loaded from the service that owns `" + relationship.targetType() + "`.";
            case LOCAL -> relationship.writable() ? " Writable." : "";
            case ELSEWHERE -> " Served by the service that lists them for their owner.";
        };
    }

    private static Schema schema(String type) {
        return OASFactory.createSchema().addType(Schema.SchemaType.valueOf(type.toUpperCase(java.util.Locale.ROOT)));
    }

    /** One concrete route: its path, method and operation. */
    private record Route(String path, HttpMethod method, Operation operation) {
    }
}
