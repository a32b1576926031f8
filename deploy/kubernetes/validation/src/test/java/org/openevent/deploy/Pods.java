package org.openevent.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a service's pod gets: its container, and the environment it sees with where each variable comes from. */
final class Pods {

    /** The example Secrets (examples/secrets.yaml) by name. */
    static final Map<String, Secret> EXAMPLE_SECRETS = exampleSecrets();

    private Pods() {
    }

    static PodSpec pod(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    static Container container(Deployment deployment) {
        List<Container> containers = pod(deployment).getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " must run exactly one container");
        }
        return containers.get(0);
    }

    /**
     * Every environment variable of the service's container, with its value where the manifests fix it (literal,
     * ConfigMap) or a description of its source (Secret key).
     */
    static Map<String, String> environment(Manifests manifests, Deployment deployment) {
        Map<String, String> environment = new LinkedHashMap<>();
        Container container = container(deployment);
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (source.getConfigMapRef() != null) {
                manifests.one(ConfigMap.class, source.getConfigMapRef().getName()).getData().forEach(environment::put);
            }
            if (source.getSecretRef() != null) {
                Secret secret = exampleSecret(source.getSecretRef().getName());
                secret.getStringData().keySet().forEach(key -> environment.put(key,
                        "<secret " + secret.getMetadata().getName() + "/" + key + ">"));
            }
        }
        for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            String value = variable.getValue();
            if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = variable.getValueFrom().getConfigMapKeyRef();
                value = manifests.one(ConfigMap.class, ref.getName()).getData().get(ref.getKey());
                if (value == null) {
                    throw new AssertionError(deployment.getMetadata().getName() + ": ConfigMap " + ref.getName()
                            + " has no key " + ref.getKey());
                }
            } else if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                value = "<secret " + ref.getName() + "/" + ref.getKey() + ">";
            }
            environment.put(variable.getName(), value);
        }
        return environment;
    }

    /** An example Secret, or a failure naming the missing one. */
    static Secret exampleSecret(String name) {
        Secret secret = EXAMPLE_SECRETS.get(name);
        if (secret == null) {
            throw new AssertionError("Secret " + name + " is referenced but not in deploy/kubernetes/examples/"
                    + "secrets.yaml (README tells operators which Secrets to create)");
        }
        return secret;
    }

    /** Fails unless the example Secret has the key. */
    static void requireSecretKey(String name, String key, String referencedBy) {
        if (!exampleSecret(name).getStringData().containsKey(key)) {
            throw new AssertionError(referencedBy + " reads key " + key + " of Secret " + name
                    + ", which examples/secrets.yaml does not have");
        }
    }

    private static Map<String, Secret> exampleSecrets() {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (Map<String, Object> document : Manifests.file("deploy/kubernetes/examples/secrets.yaml")) {
            Secret secret = (Secret) StrictModel.parse(document);
            secrets.put(secret.getMetadata().getName(), secret);
        }
        return secrets;
    }
}
