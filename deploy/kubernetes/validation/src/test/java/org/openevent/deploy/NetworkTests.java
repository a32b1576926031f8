package org.openevent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NetworkPolicies, evaluated as Kubernetes does (policies add up; a pod selected by a policy of a type only gets
 * what some such policy allows): services are closed by default, reach their database, Kafka and exactly the
 * services they call, each call allowed at both ends on the callee's real port, and take requests from the gateway.
 */
class NetworkTests {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    /** What a service pod may reach besides other services, as seen from the pod's own namespace. */
    record Peer(Map<String, String> podLabels, String namespace) {
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesCallExactlyTheServicesTheyNeedWithBothEndsAgreeing(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
        Map<String, Integer> ports = Repository.servicePorts();
        List<String> problems = new ArrayList<>();
        for (String caller : ports.keySet()) {
            for (String callee : ports.keySet()) {
                if (caller.equals(callee)) {
                    continue;
                }
                boolean out = allowed(policies, "Egress", labels(manifests, caller), labels(manifests, callee),
                        null, ports.get(callee), manifests);
                boolean in = allowed(policies, "Ingress", labels(manifests, callee), labels(manifests, caller),
                        null, ports.get(callee), manifests);
                if (out != in) {
                    problems.add(caller + " -> " + callee + ": egress " + (out ? "allowed" : "denied") + " but ingress "
                            + (in ? "allowed" : "denied"));
                }
                if (requiredCalls(caller).contains(callee) && !(out && in)) {
                    problems.add(caller + " must reach " + callee + " (it calls it) on port " + ports.get(callee));
                }
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    /**
     * The services a service calls: event-service and user-service are asked by every other one (event and account
     * snapshots, common's EventOwnerClient and UserOwnerClient), and each module's own REST clients name theirs
     * ({@code @RegisterRestClient(configKey)}).
     */
    static List<String> requiredCalls(String service) {
        List<String> callees = new ArrayList<>();
        for (String owner : List.of("event-service", "user-service")) {
            if (!service.equals(owner)) {
                callees.add(owner);
            }
        }
        Pattern client = Pattern.compile("@RegisterRestClient\\(configKey = \"([a-z-]+)\"\\)");
        try (Stream<Path> files = Files.walk(Repository.ROOT.resolve(service + "/src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                try {
                    Matcher m = client.matcher(Files.readString(file));
                    while (m.find()) {
                        callees.add(m.group(1));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return callees;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesAreClosedByDefaultAndReachTheirDatabaseKafkaAndDnsAndTakeTheGatewaysRequests(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
        String database = manifests.all(GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals("Cluster")).findFirst().orElseThrow().getMetadata().getName();
        Kafka kafka = manifests.all(Kafka.class).get(0);
        GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls()).findFirst().orElseThrow();
        Gateway gateway = manifests.all(Gateway.class).get(0);
        Map<String, String> gatewayProxy = Map.of("gateway.envoyproxy.io/owning-gateway-name",
                gateway.getMetadata().getName());
        for (Map.Entry<String, Integer> service : Repository.servicePorts().entrySet()) {
            Map<String, String> pod = labels(manifests, service.getKey());
            String name = overlay + " " + service.getKey();
            assertTrue(policies.stream().anyMatch(p -> selects(p.getSpec().getPodSelector(), pod)
                            && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))),
                    name + " is not closed by default (no policy of both types selects it)");
            assertTrue(allowed(policies, "Egress", pod, Map.of("cnpg.io/cluster", database, "role", "primary"), null,
                    5432, manifests), name + " cannot reach PostgreSQL");
            assertTrue(allowed(policies, "Egress", pod, Map.of("strimzi.io/cluster", kafka.getMetadata().getName(),
                    "strimzi.io/kind", "Kafka"), null, listener.getPort(), manifests), name + " cannot reach Kafka");
            assertTrue(allowed(policies, "Egress", pod, Map.of("k8s-app", "kube-dns"), "kube-system", 53, manifests),
                    name + " cannot resolve names");
            assertTrue(listener.getNetworkPolicyPeers().stream().anyMatch(peer -> selects(peer.getPodSelector(), pod)),
                    name + " is not among the Kafka listener's networkPolicyPeers");
            boolean routed = manifests.all(HTTPRoute.class).stream().flatMap(r -> r.getSpec().getRules().stream())
                    .flatMap(r -> r.getBackendRefs().stream()).anyMatch(ref -> ref.getName().equals(service.getKey()));
            if (routed) {
                assertTrue(allowed(policies, "Ingress", pod, gatewayProxy, "envoy-gateway-system", service.getValue(),
                        manifests), name + " is routed by the gateway but its proxies may not reach it");
            }
        }
    }

    private static Map<String, String> labels(Manifests manifests, String service) {
        return manifests.one(Deployment.class, service).getSpec().getTemplate().getMetadata().getLabels();
    }

    /**
     * Whether traffic between a pod of this namespace ({@code subject}, the one the policies select) and a peer (in
     * {@code peerNamespace}, null for this one) on a port is allowed in the direction {@code type}.
     */
    static boolean allowed(List<NetworkPolicy> policies, String type, Map<String, String> subject,
                           Map<String, String> peer, String peerNamespace, int port, Manifests manifests) {
        List<NetworkPolicy> applying = policies.stream().filter(p -> p.getSpec().getPolicyTypes().contains(type))
                .filter(p -> selects(p.getSpec().getPodSelector(), subject)).toList();
        if (applying.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : applying) {
            boolean ingress = type.equals("Ingress");
            var rules = ingress ? policy.getSpec().getIngress().stream()
                    .map(r -> Map.entry(r.getFrom(), r.getPorts())).toList()
                    : policy.getSpec().getEgress().stream().map(r -> Map.entry(r.getTo(), r.getPorts())).toList();
            for (var rule : rules) {
                boolean peerMatches = rule.getKey() == null || rule.getKey().isEmpty()
                        || rule.getKey().stream().anyMatch(p -> peerMatches(p, peer, peerNamespace));
                Map<String, String> portOwner = ingress ? subject : peer;
                boolean portMatches = rule.getValue() == null || rule.getValue().isEmpty()
                        || rule.getValue().stream().anyMatch(p -> portMatches(p, port, portOwner, manifests));
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean peerMatches(NetworkPolicyPeer peer, Map<String, String> labels, String namespace) {
        if (peer.getIpBlock() != null) {
            return false;
        }
        if (peer.getNamespaceSelector() == null) {
            return namespace == null && selects(peer.getPodSelector(), labels);
        }
        Map<String, String> wanted = Optional.ofNullable(peer.getNamespaceSelector().getMatchLabels()).orElse(Map.of());
        boolean inNamespace = namespace != null
                && wanted.getOrDefault("kubernetes.io/metadata.name", namespace).equals(namespace);
        return inNamespace && (peer.getPodSelector() == null || selects(peer.getPodSelector(), labels));
    }

    /** A numbered port, or a named one resolved on the receiving pod (a service's "http"). */
    private static boolean portMatches(NetworkPolicyPort rule, int port, Map<String, String> receiver,
                                       Manifests manifests) {
        IntOrString value = rule.getPort();
        if (value == null) {
            return true;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal() == port;
        }
        return manifests.all(Deployment.class).stream()
                .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                        .containsAll(receiver.entrySet()))
                .flatMap(d -> Pods.container(d).getPorts().stream())
                .anyMatch(p -> value.getStrVal().equals(p.getName()) && p.getContainerPort() == port);
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        assertEquals(null, selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()
                ? null : selector.getMatchExpressions(), "teach NetworkTests matchExpressions");
        return labels.entrySet().containsAll(Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).entrySet());
    }
}
