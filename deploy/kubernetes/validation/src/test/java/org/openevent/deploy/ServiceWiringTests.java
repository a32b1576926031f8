package org.openevent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's Deployment and Service agree with the service's real configuration (application.properties over
 * common's microprofile-config.properties) and image (Dockerfile.jvm): port, health endpoints, the environment
 * variables it reads, where they point, and the Secrets they come from.
 */
class ServiceWiringTests {

    /** Variables without which a service runs but misbehaves in a cluster, though their defaults are harmless here. */
    static final Map<String, String> REQUIRED = Map.of(
            "OPENEVENT_INTERNAL_SECRET", "the /internal routes' shared secret; empty means every internal call fails",
            "OPENEVENT_EXPORT_DOWNLOAD_SIGNING_KEY", "without it each replica signs download links with its own key",
            "EXPORT_API_BASE_URL", "download links and feed URLs are absolute on it; the developer default names localhost");
    /** Variables with a developer default that is never used while they are unset. */
    static final Map<String, String> OPTIONAL = Map.of(
            "OPENEVENT_OTLP_ENDPOINT", "unset, spans are not exported at all (common's TraceExport)");
    /** The outbox relay's drain-timeout default (common's MessagingConfig). */
    static final Duration RELAY_DRAIN = Duration.ofSeconds(10);
    /** Measured under ./dev up: export-service's five consumers left their group in 14.5 s after SIGTERM. */
    static final Duration CONSUMERS_LEAVING = Duration.ofSeconds(15);
    /** Read by the image's entrypoint (Dockerfile.jvm), not by the application. */
    static final Set<String> READ_BY_IMAGE = Set.of("JAVA_OPTS_APPEND");

    static Stream<Arguments> services() {
        return Manifests.overlays().stream().flatMap(overlay -> Repository.servicePorts().keySet().stream()
                .map(service -> Arguments.of(overlay, service)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void theServiceListensWhereItsConfigurationAndImageSayAndIsProbedOnItsHealthEndpoints(String overlay,
                                                                                       String service) {
        Manifests manifests = Manifests.of(overlay);
        ServiceConfig config = ServiceConfig.of(service);
        int port = Repository.servicePorts().get(service);
        assertEquals(port, config.defaultPort(), service + ": topology.tsv and application.properties disagree");

        Deployment deployment = manifests.one(Deployment.class, service);
        Container container = Pods.container(deployment);
        assertEquals(service, container.getName());
        ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(service + " declares no port named http"));
        assertEquals(port, http.getContainerPort(), service + " container port");
        String portSetting = Pods.environment(manifests, deployment).get(config.portVariable());
        if (portSetting != null) {
            assertEquals(String.valueOf(port), portSetting, service + ": " + config.portVariable());
        }

        assertProbe(service, "startup", container.getStartupProbe(), config.healthPath("started"), port);
        assertProbe(service, "readiness", container.getReadinessProbe(), config.healthPath("ready"), port);
        assertProbe(service, "liveness", container.getLivenessProbe(), config.healthPath("live"), port);

        Service svc = manifests.one(Service.class, service);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(svc.getSpec().getSelector().entrySet()),
                service + ": the Service's selector " + svc.getSpec().getSelector() + " misses the pods " + podLabels);
        ServicePort servicePort = svc.getSpec().getPorts().get(0);
        assertEquals(port, servicePort.getPort(), service + ": the Service's port is the topology's");
        assertTrue(servicePort.getTargetPort().getIntVal() != null ? servicePort.getTargetPort().getIntVal() == port
                : "http".equals(servicePort.getTargetPort().getStrVal()), service + " targetPort");

        String dockerfile = Repository.read(service + "/src/main/docker/Dockerfile.jvm");
        assertTrue(dockerfile.contains("\nEXPOSE " + port + "\n"), service + ": Dockerfile.jvm must EXPOSE " + port);
        Matcher user = Pattern.compile("\nUSER (\\d+)\n").matcher(dockerfile);
        assertTrue(user.find(), service + ": Dockerfile.jvm must name a numeric USER");
        assertEquals(Long.parseLong(user.group(1)), Pods.pod(deployment).getSecurityContext().getRunAsUser(),
                service + ": the pod runs as the image's user");
    }

    private static void assertProbe(String service, String kind, Probe probe, String path, int port) {
        assertNotNull(probe, service + " has no " + kind + " probe");
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, service + ": the " + kind + " probe is not an HTTP GET");
        assertEquals(path, get.getPath(), service + ": " + kind + " probe path");
        assertTrue(get.getPort().getIntVal() != null ? get.getPort().getIntVal() == port
                : "http".equals(get.getPort().getStrVal()), service + ": " + kind + " probe port");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void everyVariableTheServiceGetsIsOneItReadsAndNoneItNeedsIsMissing(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        ServiceConfig config = ServiceConfig.of(service);
        Deployment deployment = manifests.one(Deployment.class, service);
        Map<String, String> environment = Pods.environment(manifests, deployment);
        String dockerfile = Repository.read(service + "/src/main/docker/Dockerfile.jvm");

        for (String variable : environment.keySet()) {
            boolean read = config.environment.containsKey(variable)
                    || READ_BY_IMAGE.contains(variable) && dockerfile.contains("$" + variable);
            assertTrue(read, service + " gets " + variable + ", which neither its application.properties nor "
                    + "common's microprofile-config.properties reads (a typo, or a setting that went away)");
        }
        List<String> missing = new ArrayList<>();
        config.environment.forEach((variable, defaultValue) -> {
            boolean required = ServiceConfig.pointsAtLocalhost(defaultValue)
                    || defaultValue != null && defaultValue.startsWith(".keys/")
                    || REQUIRED.containsKey(variable) || isDatabaseSetting(config, variable);
            if (required && !OPTIONAL.containsKey(variable) && !environment.containsKey(variable)) {
                missing.add(variable + " (default " + defaultValue + ")");
            }
        });
        assertTrue(missing.isEmpty(), service + " would fall back to developer defaults in a cluster: " + missing);
    }

    private static boolean isDatabaseSetting(ServiceConfig config, String variable) {
        return Stream.of("openevent.db.host", "openevent.db.port", "openevent.db.name", "openevent.db.user",
                "openevent.db.password").anyMatch(property -> variable.equals(config.variableOf(property)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void theAddressesAndFilesTheServiceIsGivenExist(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        Deployment deployment = manifests.one(Deployment.class, service);
        Map<String, String> environment = Pods.environment(manifests, deployment);
        Repository.servicePorts().forEach((other, port) -> {
            String variable = other.toUpperCase().replace('-', '_') + "_URL";
            if (environment.containsKey(variable)) {
                assertEquals("http://" + other + ":" + port, environment.get(variable), service + ": " + variable);
                assertEquals(port, manifests.one(Service.class, other).getSpec().getPorts().get(0).getPort());
            }
        });
        String cluster = manifests.documents("Cluster").get(0).get("metadata") instanceof Map<?, ?> m
                ? (String) m.get("name") : null;
        assertEquals(cluster + "-rw", environment.get("PGHOST"), service + ": PGHOST is CloudNativePG's primary");
        Kafka kafka = manifests.all(Kafka.class).get(0);
        int listener = kafka.getSpec().getKafka().getListeners().stream().filter(l -> !l.isTls()).findFirst()
                .orElseThrow().getPort();
        assertEquals(kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener,
                environment.get("KAFKA_BOOTSTRAP_SERVERS"), service + ": Strimzi's bootstrap service");

        PodSpec pod = Pods.pod(deployment);
        Container container = Pods.container(deployment);
        for (String variable : List.of("OPENEVENT_JWT_PUBLIC_KEY", "SMALLRYE_JWT_SIGN_KEY_LOCATION")) {
            String file = environment.get(variable);
            if (file != null) {
                assertTrue(mountedSecretFile(pod, container, file),
                        service + ": " + variable + "=" + file + " is no file of a mounted Secret");
            }
        }
    }

    /** True when the path is an item of a Secret volume mounted in the container, and the Secret has that key. */
    private static boolean mountedSecretFile(PodSpec pod, Container container, String path) {
        for (VolumeMount mount : container.getVolumeMounts()) {
            if (!path.startsWith(mount.getMountPath() + "/")) {
                continue;
            }
            String file = path.substring(mount.getMountPath().length() + 1);
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("mount of an undeclared volume " + mount.getName()));
            if (volume.getSecret() != null && volume.getSecret().getItems() != null) {
                return volume.getSecret().getItems().stream().anyMatch(item -> item.getPath().equals(file));
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void everySecretAndConfigMapTheServiceReadsExistsWithTheKeysItReads(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        Deployment deployment = manifests.one(Deployment.class, service);
        Container container = Pods.container(deployment);
        String who = overlay + " " + service;
        Optional.ofNullable(container.getEnv()).orElse(List.of()).forEach(variable -> {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                Pods.requireSecretKey(ref.getName(), ref.getKey(), who + " (" + variable.getName() + ")");
            }
        });
        Optional.ofNullable(container.getEnvFrom()).orElse(List.of()).forEach(source -> {
            if (source.getSecretRef() != null) {
                Pods.exampleSecret(source.getSecretRef().getName());
            }
            if (source.getConfigMapRef() != null) {
                manifests.one(ConfigMap.class, source.getConfigMapRef().getName());
            }
        });
        for (Volume volume : Pods.pod(deployment).getVolumes()) {
            if (volume.getSecret() != null) {
                Pods.exampleSecret(volume.getSecret().getSecretName());
                Optional.ofNullable(volume.getSecret().getItems()).orElse(List.of()).forEach(item ->
                        Pods.requireSecretKey(volume.getSecret().getSecretName(), item.getKey(), who));
            }
        }
        // Resolving the environment fails on a configMapKeyRef whose ConfigMap or key does not exist.
        Pods.environment(manifests, deployment);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void thePodRunsAsNonRootOnAReadOnlyRootAndShutsDownWithinItsGracePeriod(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        Deployment deployment = manifests.one(Deployment.class, service);
        PodSpec pod = Pods.pod(deployment);
        Container container = Pods.container(deployment);
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), service + " runAsNonRoot");
        assertTrue(pod.getSecurityContext().getRunAsUser() > 0, service + " runAsUser");
        assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem(), service);
        assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation(), service);
        assertTrue(container.getSecurityContext().getCapabilities().getDrop().contains("ALL"), service);
        VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow(() -> new AssertionError(service + ": no writable /tmp"));
        assertNotNull(pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                .orElseThrow().getEmptyDir(), service + ": /tmp is an emptyDir");
        assertEquals(Boolean.FALSE, pod.getEnableServiceLinks(),
                service + ": service links would set " + ServiceConfig.of(service).portVariable() + "=tcp://...");

        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertNotNull(requests.get("cpu"), service + " requests CPU (the autoscaler measures against it)");
        assertEquals(requests.get("memory"), limits.get("memory"), service + ": memory request equals its limit");

        Map<String, String> environment = Pods.environment(manifests, deployment);
        Duration shutdown = duration(environment.getOrDefault("OPENEVENT_SHUTDOWN_DELAY", "0s"))
                .plus(duration(environment.getOrDefault("OPENEVENT_SHUTDOWN_TIMEOUT", "10s")))
                .plus(RELAY_DRAIN).plus(CONSUMERS_LEAVING);
        assertTrue(pod.getTerminationGracePeriodSeconds() >= shutdown.toSeconds() + 5, service + ": "
                + "terminationGracePeriodSeconds must cover the shutdown delay and timeout, the relay's drain and the "
                + "consumers leaving their groups: " + shutdown);
    }

    private static Duration duration(String value) {
        Matcher seconds = Pattern.compile("(\\d+)s").matcher(value);
        if (!seconds.matches()) {
            throw new AssertionError("Durations in the manifests are whole seconds like 15s: " + value);
        }
        return Duration.ofSeconds(Long.parseLong(seconds.group(1)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void disruptionBudgetsAndAutoscalersSelectTheService(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        Deployment deployment = manifests.one(Deployment.class, service);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()),
                service + ": the Deployment's selector misses its own pods");
        PodDisruptionBudget budget = manifests.one(PodDisruptionBudget.class, service);
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(),
                budget.getSpec().getSelector().getMatchLabels(), service + ": the budget selects the service's pods");
        for (HorizontalPodAutoscaler autoscaler : manifests.all(HorizontalPodAutoscaler.class)) {
            var target = autoscaler.getSpec().getScaleTargetRef();
            manifests.one(Deployment.class, target.getName());
            assertTrue(autoscaler.getSpec().getMinReplicas() <= autoscaler.getSpec().getMaxReplicas());
            if (target.getName().equals(service)) {
                assertEquals(null, deployment.getSpec().getReplicas(),
                        service + ": an autoscaled Deployment leaves replicas to its autoscaler");
            }
        }
        assertFalse(manifests.all(Deployment.class).isEmpty());
    }
}
