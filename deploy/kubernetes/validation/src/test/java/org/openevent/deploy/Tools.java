package org.openevent.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The command-line tools the checks run: a kustomize (kubectl's or the stand-alone one) and python3. */
final class Tools {

    private Tools() {
    }

    /** The command rendering a kustomization; fails, never skips, when no kustomize is installed. */
    static List<String> kustomize(Path dir) {
        if (onPath("kubectl").isPresent()) {
            return List.of("kubectl", "kustomize", dir.toString());
        }
        if (onPath("kustomize").isPresent()) {
            return List.of("kustomize", "build", dir.toString());
        }
        throw new AssertionError("Neither kubectl nor kustomize is on PATH: the manifests cannot be rendered. "
                + "./dev check installs kubectl from the OS packages.");
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
    }
}
