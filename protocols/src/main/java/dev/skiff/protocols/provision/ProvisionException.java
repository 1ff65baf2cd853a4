package dev.skiff.protocols.provision;

import java.io.IOException;

/** Provisioning over the line failed: no answer after every retry, a refusal, or a message out of place. */
public final class ProvisionException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProvisionException(String message) {
        super(message);
    }
}
