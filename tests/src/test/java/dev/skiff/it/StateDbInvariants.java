package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.image.oci.Digest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold of an agent's {@code state.db} after any crash, read straight from the file
 * (WAL lets it be read beside the running agent): SQLite's own checks pass, no release is stuck
 * deploying, and the app's current release is the active one with the expected image.
 */
final class StateDbInvariants {
    private StateDbInvariants() {}

    static void assertConsistent(Path data, String app, Digest runningImage, String when) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("state.db"))) {
            assertEquals(List.of("ok"), column(db, "PRAGMA integrity_check"), when + ": integrity check");
            assertEquals(List.of(), column(db, "PRAGMA foreign_key_check"), when + ": dangling references");
            assertEquals(List.of(), column(db, "SELECT id FROM releases WHERE state = 'DEPLOYING'"), when + ": releases stuck deploying");
            assertEquals(List.of(runningImage + " ACTIVE"),
                    column(db, "SELECT r.image_digest || ' ' || r.state FROM apps a JOIN releases r ON r.id = a.current_release WHERE a.name = ?", app),
                    when + ": the current release");
        }
    }

    private static List<String> column(Connection db, String sql, String... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        }
    }
}
