package org.openevent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kafka and PostgreSQL as the services use them: every topic a service consumes (and every topic of common's
 * contract, with its dead-letter twin) is a KafkaTopic of the cluster, replicated no wider than its brokers, and
 * export-service never scales beyond its request topic's partitions; every service has its database, owned by the
 * role it logs in as, with the Secret both sides read, and pg_hba admitting that role to that database only.
 */
class PlatformTests {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    /** The topic names of common's contract (org.openevent.common.contract.Topics). */
    static Set<String> contractTopics() {
        Matcher constant = Pattern.compile("public static final String \\w+ = \"([^\"]+)\";")
                .matcher(Repository.read("common/src/main/java/org/openevent/common/contract/Topics.java"));
        Set<String> topics = new LinkedHashSet<>();
        while (constant.find()) {
            topics.add(constant.group(1));
        }
        assertFalse(topics.isEmpty(), "no topic constants found in common's Topics");
        return topics;
    }

    static Map<String, KafkaTopic> topicsByName(Manifests manifests) {
        Map<String, KafkaTopic> topics = new HashMap<>();
        for (KafkaTopic topic : manifests.all(KafkaTopic.class)) {
            String name = topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName()
                    : topic.getMetadata().getName();
            assertTrue(topics.put(name, topic) == null, "two KafkaTopics for " + name);
        }
        return topics;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheServicesUseIsDeclaredWithItsDeadLetterTwin(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, KafkaTopic> topics = topicsByName(manifests);
        for (String topic : contractTopics()) {
            assertTrue(topics.containsKey(topic), overlay + ": common's Topics has " + topic + " but no KafkaTopic");
            assertTrue(topics.containsKey(topic + ".dlq"), overlay + ": " + topic + " has no dead-letter twin");
        }
        for (String service : Repository.servicePorts().keySet()) {
            for (String topic : ServiceConfig.of(service).consumedTopics()) {
                assertTrue(topics.containsKey(topic), overlay + ": " + service + " consumes " + topic
                        + " (application.properties) but no KafkaTopic declares it");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void topicsBelongToTheClusterAndAreReplicatedNoWiderThanItsBrokers(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Kafka kafka = manifests.all(Kafka.class).get(0);
        String cluster = kafka.getMetadata().getName();
        int brokers = manifests.all(KafkaNodePool.class).stream()
                .filter(pool -> cluster.equals(pool.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        assertTrue(brokers > 0, overlay + ": the Kafka cluster has no broker node pool");
        assertTrue(manifests.all(KafkaNodePool.class).stream().anyMatch(pool ->
                pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER)), overlay + ": no KRaft controllers");
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        int defaultInSync = ((Number) config.get("min.insync.replicas")).intValue();
        for (KafkaTopic topic : manifests.all(KafkaTopic.class)) {
            String name = topic.getSpec().getTopicName();
            assertEquals(cluster, topic.getMetadata().getLabels().get("strimzi.io/cluster"), overlay + ": " + name);
            int replicas = topic.getSpec().getReplicas();
            assertTrue(replicas <= brokers, overlay + ": " + name + " wants " + replicas + " replicas of " + brokers);
            Object inSync = topic.getSpec().getConfig().get("min.insync.replicas");
            int minInSync = inSync == null ? defaultInSync : Integer.parseInt(String.valueOf(inSync));
            assertTrue(minInSync <= Math.max(1, replicas - 1), overlay + ": " + name + " with min.insync.replicas "
                    + minInSync + " of " + replicas + " stops taking writes when one broker is down");
            assertTrue(topic.getSpec().getPartitions() >= 1);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void exportServiceScalesWithinTheRequestTopicsPartitions(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        int partitions = topicsByName(manifests).get("openevent.export-requests").getSpec().getPartitions();
        for (HorizontalPodAutoscaler autoscaler : manifests.all(HorizontalPodAutoscaler.class)) {
            if (autoscaler.getSpec().getScaleTargetRef().getName().equals("export-service")) {
                assertTrue(autoscaler.getSpec().getMaxReplicas() <= partitions, overlay + ": export-service may "
                        + "scale to " + autoscaler.getSpec().getMaxReplicas() + " replicas, but "
                        + "openevent.export-requests has " + partitions + " partitions");
            }
        }
        Deployment export = manifests.one(Deployment.class, "export-service");
        if (export.getSpec().getReplicas() != null) {
            assertTrue(export.getSpec().getReplicas() <= partitions);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasItsOwnDatabaseOwnedByTheRoleItLogsInAs(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        GenericKubernetesResource cluster = manifests.all(GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals("Cluster")).findFirst().orElseThrow();
        String clusterName = cluster.getMetadata().getName();
        Map<String, String> owners = manifests.all(GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals("Database"))
                .peek(db -> assertEquals(clusterName, ((Map<?, ?>) spec(db).get("cluster")).get("name"),
                        overlay + ": Database " + db.getMetadata().getName() + " belongs to another cluster"))
                .collect(Collectors.toMap(db -> (String) spec(db).get("name"), db -> (String) spec(db).get("owner")));
        Map<String, String> rolePasswords = new HashMap<>();
        for (Object role : (List<?>) ((Map<?, ?>) spec(cluster).get("managed")).get("roles")) {
            Map<?, ?> r = (Map<?, ?>) role;
            rolePasswords.put((String) r.get("name"), (String) ((Map<?, ?>) r.get("passwordSecret")).get("name"));
        }
        List<?> hba = (List<?>) ((Map<?, ?>) spec(cluster).get("postgresql")).get("pg_hba");

        for (Map.Entry<String, String> entry : Repository.serviceDatabases().entrySet()) {
            String service = entry.getKey();
            ServiceConfig config = ServiceConfig.of(service);
            Deployment deployment = manifests.one(Deployment.class, service);
            Map<String, String> environment = Pods.environment(manifests, deployment);
            String database = environment.get(config.variableOf("openevent.db.name"));
            assertEquals("openevent_" + entry.getValue(), database, overlay + ": " + service + "'s database");
            String owner = owners.get(database);
            assertNotNull(owner, overlay + ": no CloudNativePG Database " + database + " for " + service);
            String userRef = environment.get(config.variableOf("openevent.db.user"));
            String passwordRef = environment.get(config.variableOf("openevent.db.password"));
            String secretName = rolePasswords.get(owner);
            assertNotNull(secretName, overlay + ": the owner " + owner + " of " + database + " is no managed role");
            assertEquals("<secret " + secretName + "/username>", userRef, service + " logs in as the role's Secret");
            assertEquals("<secret " + secretName + "/password>", passwordRef, service + " uses the role's password");
            Secret example = Pods.exampleSecret(secretName);
            assertEquals("kubernetes.io/basic-auth", example.getType(), secretName + ": CloudNativePG's secret type");
            assertEquals(owner, example.getStringData().get("username"), secretName + "'s username is the role");
            int admits = indexOf(hba, "host " + database + " " + owner + " all scram-sha-256");
            int rejects = indexOf(hba, "host all all all reject");
            assertTrue(admits >= 0 && (rejects < 0 || admits < rejects),
                    overlay + ": pg_hba does not admit " + owner + " to " + database + " before rejecting the rest");
        }
        assertTrue(indexOf(hba, "host all all all reject") >= 0,
                overlay + ": pg_hba must reject what it does not admit (a role opening another service's database)");
    }

    private static int indexOf(List<?> hba, String line) {
        for (int i = 0; i < hba.size(); i++) {
            if (String.valueOf(hba.get(i)).trim().replaceAll("\\s+", " ").equals(line)) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }
}
