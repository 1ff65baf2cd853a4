package dev.skiff.agent.registry;

import java.util.Arrays;
import java.util.List;

/**
 * What a {@code /v2/…} path addresses. Repository names have any number of components, so the
 * path is read from its end: {@code NAME/blobs/uploads/[ID]}, {@code NAME/blobs/DIGEST},
 * {@code NAME/manifests/REF}.
 *
 * @param name the repository ({@code acme/app}); empty for the API root
 * @param argument the digest, upload id or manifest reference; empty when the path has none
 */
record RegistryPath(Kind kind, String name, String argument) {
    enum Kind { ROOT, BLOB, UPLOADS, UPLOAD, MANIFEST }

    static RegistryPath parse(String path) {
        List<String> s = Arrays.stream(path.replaceFirst("^/v2/?", "").split("/")).filter(p -> !p.isEmpty()).toList();
        int n = s.size();
        if (n == 0) {
            return new RegistryPath(Kind.ROOT, "", "");
        }
        if (n >= 4 && s.get(n - 3).equals("blobs") && s.get(n - 2).equals("uploads")) {
            return of(Kind.UPLOAD, s, 3);
        }
        if (n >= 3 && s.get(n - 2).equals("blobs") && s.get(n - 1).equals("uploads")) {
            return new RegistryPath(Kind.UPLOADS, String.join("/", s.subList(0, n - 2)), "");
        }
        if (n >= 3 && s.get(n - 2).equals("blobs")) {
            return of(Kind.BLOB, s, 2);
        }
        if (n >= 3 && s.get(n - 2).equals("manifests")) {
            return of(Kind.MANIFEST, s, 2);
        }
        throw RegistryError.UNSUPPORTED.because("the device's registry serves pushes and pulls of blobs and manifests, not " + path);
    }

    /** The name is everything before the last {@code tail} segments; the argument is the last one. */
    private static RegistryPath of(Kind kind, List<String> s, int tail) {
        return new RegistryPath(kind, String.join("/", s.subList(0, s.size() - tail)), s.getLast());
    }
}
