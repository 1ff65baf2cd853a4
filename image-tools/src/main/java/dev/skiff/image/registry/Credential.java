package dev.skiff.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** A user name and password (or access token) for a registry. */
public record Credential(String username, String password) {
    public Credential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || username.contains(":")) {
            // Basic auth joins the two with ':', so a colon in the name would shift it into the password.
            throw new IllegalArgumentException("a registry user name must be non-empty and free of ':'");
        }
    }

    /** Decodes docker's {@code auth} field: base64 of {@code user:password}. */
    static Credential decode(String auth) {
        String text;
        try {
            text = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"auth\" is not base64");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("\"auth\" is not base64 of user:password");
        }
        return new Credential(text.substring(0, colon), text.substring(colon + 1));
    }

    /** Docker's {@code auth} field for these credentials. */
    String encode() {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String basicAuthorization() {
        return "Basic " + encode();
    }

    /** Never prints the password: records end up in logs and exception messages. */
    @Override
    public String toString() {
        return "Credential[username=" + username + ", password=***]";
    }
}
