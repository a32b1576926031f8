package org.openevent.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a rendered document into its typed model and rejects any field the model does not know. Kubernetes and
 * Gateway API objects use the fabric8 model, Strimzi's its own published API model (io.strimzi:api); both keep
 * unknown fields aside instead of failing, so every object is walked for them. CloudNativePG publishes no Java model
 * and its CRD schema is not available offline: its objects are checked against {@link #CNPG}, the subset of its API
 * (postgresql.cnpg.io/v1, reference of release 1.27) that these manifests may use.
 */
final class StrictModel {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("gateway.networking.k8s.io/v1/Gateway", Gateway.class),
            Map.entry("gateway.networking.k8s.io/v1/GatewayClass", GatewayClass.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class));

    // Schema subset: "string", "int", "bool", "resources" (Kubernetes ResourceRequirements), "strings" (map of
    // strings), a nested Map (an object with exactly these fields allowed), a List of one schema (an array), or a
    // Set of allowed string values.
    private static final Map<String, Object> ROLE = Map.ofEntries(Map.entry("name", "string"),
            Map.entry("ensure", Set.of("present", "absent")), Map.entry("comment", "string"),
            Map.entry("login", "bool"), Map.entry("superuser", "bool"), Map.entry("createdb", "bool"),
            Map.entry("createrole", "bool"), Map.entry("inherit", "bool"), Map.entry("replication", "bool"),
            Map.entry("bypassrls", "bool"), Map.entry("connectionLimit", "int"), Map.entry("validUntil", "string"),
            Map.entry("inRoles", List.of("string")), Map.entry("disablePassword", "bool"),
            Map.entry("passwordSecret", Map.of("name", "string")));
    static final Map<String, Map<String, Object>> CNPG = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Map.ofEntries(
                    Map.entry("instances", "int"), Map.entry("imageName", "string"),
                    Map.entry("storage", Map.of("size", "string", "storageClass", "string")),
                    Map.entry("walStorage", Map.of("size", "string", "storageClass", "string")),
                    Map.entry("resources", "resources"), Map.entry("enableSuperuserAccess", "bool"),
                    Map.entry("primaryUpdateStrategy", Set.of("unsupervised", "supervised")),
                    Map.entry("postgresql", Map.of("parameters", "strings", "pg_hba", List.of("string"),
                            "pg_ident", List.of("string"), "shared_preload_libraries", List.of("string"))),
                    Map.entry("managed", Map.of("roles", List.of(ROLE))),
                    Map.entry("monitoring", Map.of("enablePodMonitor", "bool"))),
            "postgresql.cnpg.io/v1/Database", Map.ofEntries(
                    Map.entry("name", "string"), Map.entry("owner", "string"),
                    Map.entry("cluster", Map.of("name", "string")), Map.entry("ensure", Set.of("present", "absent")),
                    Map.entry("databaseReclaimPolicy", Set.of("retain", "delete")), Map.entry("encoding", "string"),
                    Map.entry("template", "string")));
    private static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations");

    private StrictModel() {
    }

    /** The typed object of a document, failing on an unknown kind or any unknown field. */
    static HasMetadata parse(Map<String, Object> document) {
        String type = document.get("apiVersion") + "/" + document.get("kind");
        String name = type + " " + ((Map<?, ?>) document.getOrDefault("metadata", Map.of())).get("name");
        Map<String, Object> schema = CNPG.get(type);
        if (schema != null) {
            check(name, "metadata", document.get("metadata"), Map.of("name", "string", "namespace", "string",
                    "labels", "strings", "annotations", "strings"));
            check(name, "spec", document.get("spec"), schema);
            List<String> extra = new ArrayList<>(document.keySet());
            extra.removeAll(List.of("apiVersion", "kind", "metadata", "spec"));
            if (!extra.isEmpty()) {
                throw new AssertionError(name + ": unknown fields " + extra);
            }
            return SERIALIZATION.convertValue(document, GenericKubernetesResource.class);
        }
        Class<? extends HasMetadata> model = TYPES.get(type);
        if (model == null) {
            throw new AssertionError(name + ": no typed model for " + type + " (StrictModel lists the known kinds)");
        }
        HasMetadata object = SERIALIZATION.convertValue(document, model);
        List<String> unknown = new ArrayList<>();
        unknownFields(object, type, unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError(name + ": fields the model does not know: " + unknown);
        }
        if (!METADATA.containsAll(((Map<?, ?>) document.get("metadata")).keySet())) {
            throw new AssertionError(name + ": metadata may only hold " + METADATA);
        }
        return object;
    }

    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, unknown));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else if (child != value) {
                unknownFields(child, path + "." + property(getter.getName()), unknown);
            }
        }
    }

    private static String property(String getter) {
        String name = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    @SuppressWarnings("unchecked")
    private static void check(String object, String path, Object value, Object schema) {
        String where = object + " " + path;
        if (value == null) {
            throw new AssertionError(where + " is missing");
        }
        if (schema instanceof Map<?, ?> fields) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new AssertionError(where + " must be an object");
            }
            for (Map.Entry<?, ?> field : map.entrySet()) {
                if (!fields.containsKey(field.getKey())) {
                    throw new AssertionError(where + ": unknown field " + field.getKey() + " (known: "
                            + fields.keySet() + ")");
                }
                check(object, path + "." + field.getKey(), field.getValue(), fields.get(field.getKey()));
            }
        } else if (schema instanceof List<?> items) {
            if (!(value instanceof List<?> list)) {
                throw new AssertionError(where + " must be an array");
            }
            for (int i = 0; i < list.size(); i++) {
                check(object, path + "[" + i + "]", list.get(i), items.get(0));
            }
        } else if (schema instanceof Set<?> allowed) {
            if (!allowed.contains(value)) {
                throw new AssertionError(where + " must be one of " + allowed + ", not " + value);
            }
        } else {
            boolean fits = switch ((String) schema) {
                case "string" -> value instanceof String;
                case "int" -> value instanceof Integer || value instanceof Long;
                case "bool" -> value instanceof Boolean;
                case "strings" -> value instanceof Map<?, ?> map
                        && map.values().stream().allMatch(String.class::isInstance);
                case "resources" -> {
                    ResourceRequirements resources = SERIALIZATION.convertValue(value, ResourceRequirements.class);
                    List<String> unknown = new ArrayList<>();
                    unknownFields(resources, path, unknown);
                    yield unknown.isEmpty();
                }
                default -> throw new IllegalStateException("schema type " + schema);
            };
            if (!fits) {
                throw new AssertionError(where + " must be " + schema + ", not " + value);
            }
        }
    }
}
