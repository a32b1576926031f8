package org.openevent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay renders with kustomize and every object in it, as well as the cluster-wide objects and the example
 * Secrets, parses into its typed model without a field the model does not know.
 */
class RenderingTests {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlayRendersIntoKnownObjectsWithoutUnknownFields(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        assertFalse(manifests.objects.isEmpty(), overlay + " rendered nothing");
        Set<String> seen = new HashSet<>();
        for (HasMetadata object : manifests.objects) {
            String id = object.getKind() + "/" + object.getMetadata().getName();
            assertTrue(seen.add(id), overlay + " renders " + id + " twice");
            assertEquals("openevent", object.getMetadata().getNamespace(), overlay + ": " + id + " namespace");
            assertEquals("openevent", object.getMetadata().getLabels().get("app.kubernetes.io/part-of"), id);
        }
        System.out.printf("%s: %d objects rendered and parsed strictly%n", overlay, manifests.objects.size());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noOverlayCarriesASecret(String overlay) {
        assertTrue(Manifests.of(overlay).all(Secret.class).isEmpty(),
                "Secrets are created by the operator (README), never committed in an overlay");
    }

    @Test
    void theClusterWideObjectsAndTheExampleSecretsParseStrictly() {
        List<Map<String, Object>> cluster = Manifests.file("deploy/kubernetes/cluster/gatewayclass.yaml");
        cluster.forEach(StrictModel::parse);
        List<Map<String, Object>> secrets = Manifests.file("deploy/kubernetes/examples/secrets.yaml");
        assertFalse(secrets.isEmpty());
        for (Map<String, Object> document : secrets) {
            Secret secret = (Secret) StrictModel.parse(document);
            secret.getStringData().values().forEach(value -> assertFalse(value.contains("PRIVATE KEY-----"),
                    secret.getMetadata().getName() + " holds a real key: examples carry placeholders only"));
        }
    }

    @Test
    void anUnknownFieldIsRejected() {
        Map<String, Object> deployment = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "x"),
                "spec", Map.of("template", Map.of("spec", Map.of("containers",
                        List.of(Map.of("name", "x", "image", "x", "readinessProbes", Map.of()))))));
        AssertionError error = assertThrows(AssertionError.class,
                () -> StrictModel.parse(deployment));
        assertTrue(error.getMessage().contains("readinessProbes"), error.getMessage());
        Map<String, Object> topic = Map.of("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaTopic",
                "metadata", Map.of("name", "x"), "spec", Map.of("partition", 3));
        assertTrue(assertThrows(AssertionError.class, () -> StrictModel.parse(topic))
                .getMessage().contains("partition"));
        Map<String, Object> database = Map.of("apiVersion", "postgresql.cnpg.io/v1", "kind", "Database",
                "metadata", Map.of("name", "x"), "spec", Map.of("name", "x", "owners", "y"));
        assertTrue(assertThrows(AssertionError.class,
                () -> StrictModel.parse(database)).getMessage().contains("owners"));
    }
}
