package dev.skiff.agent.state;

import java.util.Optional;

/** The {@code enrollment} table's one row. */
public final class EnrollmentRepository {
    private final StateDb db;

    public EnrollmentRepository(StateDb db) {
        this.db = db;
    }

    /** The pending token, or the name the device was enrolled as; empty before the first start made a token. */
    public Optional<EnrollmentRecord> find() {
        return db.query("SELECT token, name FROM enrollment WHERE id = 1",
                r -> new EnrollmentRecord(Optional.ofNullable(r.getString("token")), Optional.ofNullable(r.getString("name")))).stream()
                .findFirst();
    }

    public void createToken(String token) {
        db.update("INSERT INTO enrollment (id, token, created_at) VALUES (1, ?, ?)", token, System.currentTimeMillis());
    }

    /** Burns the token: from now on the device is enrolled as {@code name}. */
    public void markEnrolled(String name) {
        db.update("UPDATE enrollment SET token = NULL, name = ?, used_at = ? WHERE id = 1", name, System.currentTimeMillis());
    }
}
