package dev.skiff.image.oci;

import java.util.Set;

/** Media types of DESIGN.md §3.2, exactly as other tools expect them. */
public final class MediaTypes {
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER_TAR_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String OCI_LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER_TAR_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    public static final String WASM_CONFIG = "application/vnd.wasm.config.v0+json";
    public static final String WASM_LAYER = "application/wasm";
    public static final String SKIFF_PRECOMPILED = "application/vnd.skiff.precompiled.v1+jar";
    public static final String COSIGN_SIMPLE_SIGNING = "application/vnd.dev.cosign.simplesigning.v1+json";

    public static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);
    public static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);
    public static final Set<String> TAR_LAYERS = Set.of(OCI_LAYER_TAR_GZIP, OCI_LAYER_TAR, DOCKER_LAYER_TAR_GZIP);

    /** What registries are asked for when a manifest or index is fetched. */
    public static final String ACCEPT_ANY_MANIFEST = String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST);

    private MediaTypes() {}
}
