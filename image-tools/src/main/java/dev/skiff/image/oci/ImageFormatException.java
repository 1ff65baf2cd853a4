package dev.skiff.image.oci;

/** Image content that Skiff refuses: malformed JSON, wrong digest, unsafe tar entry, oversized blob. */
public class ImageFormatException extends Exception {
    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
