package dev.skiff.agent.registry;

/** The distribution API's error codes the device's registry answers with, each with its HTTP status. */
enum RegistryError {
    BLOB_UNKNOWN(404),
    BLOB_UPLOAD_UNKNOWN(404),
    BLOB_UPLOAD_INVALID(416),
    DIGEST_INVALID(400),
    MANIFEST_INVALID(400),
    MANIFEST_BLOB_UNKNOWN(400),
    MANIFEST_UNKNOWN(404),
    NAME_INVALID(400),
    NAME_UNKNOWN(404),
    SIZE_INVALID(400),
    TOOMANYREQUESTS(429),
    UNAUTHORIZED(401),
    UNSUPPORTED(405),
    /** What distribution answers when the fault is the registry's own. */
    UNKNOWN(500);

    private final int status;

    RegistryError(int status) {
        this.status = status;
    }

    int status() {
        return status;
    }

    RegistryException because(String message) {
        return new RegistryException(this, message);
    }
}
