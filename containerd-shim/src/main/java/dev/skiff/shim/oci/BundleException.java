package dev.skiff.shim.oci;

/** A bundle the shim cannot run, with what is wrong in it. */
public final class BundleException extends Exception {
    public BundleException(String message) {
        super(message);
    }
}
