package org.openevent.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One kustomize overlay rendered offline ({@code kubectl kustomize}, or {@code kustomize build}) and parsed: each
 * document as a plain map and, through {@link StrictModel}, as a typed object.
 */
final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    final String overlay;
    final List<Map<String, Object>> documents;
    final List<HasMetadata> objects;

    private Manifests(String overlay, List<Map<String, Object>> documents) {
        this.overlay = overlay;
        this.documents = documents;
        this.objects = documents.stream().map(StrictModel::parse).toList();
    }

    /** The overlays under deploy/kubernetes/overlays. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(Repository.KUBERNETES.resolve("overlays"))) {
            List<String> names = dirs.filter(dir -> Files.exists(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) {
                throw new AssertionError("deploy/kubernetes/overlays holds no overlay");
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The overlay, rendered once per test run. */
    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> new Manifests(name, parse(render(name))));
    }

    /** A YAML file of the checkout (not rendered), e.g. the example Secrets. */
    static List<Map<String, Object>> file(String relative) {
        return parse(Repository.read(relative));
    }

    private static String render(String overlay) {
        Path dir = Repository.KUBERNETES.resolve("overlays").resolve(overlay);
        List<String> command = Tools.kustomize(dir);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n"
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<Map<String, Object>> parse(String yaml) {
        try (var parser = YAML.getFactory().createParser(yaml)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (var it = YAML.readValues(parser, new TypeReference<Map<String, Object>>() {
            }); it.hasNext(); ) {
                Map<String, Object> document = it.next();
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The typed objects of one class. */
    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The typed object of one class and name, or a failure naming what is missing. */
    <T extends HasMetadata> T one(Class<T> type, String name) {
        return all(type).stream().filter(o -> Objects.equals(o.getMetadata().getName(), name)).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + type.getSimpleName() + " named " + name));
    }

    /** The plain documents of one kind. */
    List<Map<String, Object>> documents(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }
}
