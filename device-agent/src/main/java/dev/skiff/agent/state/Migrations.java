package dev.skiff.agent.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Numbered schema migrations, applied in order, each in its own transaction together with the
 * {@code schema_version} row that records it; a crash mid-migration leaves the previous version.
 * A migration, once released, is never edited: changes come as a new file appended here.
 */
final class Migrations {
    /** In order; version N is the N-th file. */
    static final List<String> FILES = List.of("0001-initial.sql", "0002-enrollment.sql");

    private Migrations() {}

    static void apply(StateDb db) {
        apply(db, Migrations.class, FILES);
    }

    /** Applies another schema's migrations: {@code files} in order, read from {@code migrations/} beside {@code owner}. */
    static void apply(StateDb db, Class<?> owner, List<String> files) {
        db.update("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, file TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        int current = version(db);
        if (current > files.size()) {
            throw new StateException("the state database has schema version " + current
                    + ", newer than this program knows (" + files.size() + "); run a newer version or restore a backup");
        }
        for (int v = current + 1; v <= files.size(); v++) {
            int version = v;
            String file = files.get(v - 1);
            List<String> statements = statements(read(owner, file));
            db.inTransaction(() -> {
                statements.forEach(db::update);
                db.update("INSERT INTO schema_version VALUES (?, ?, ?)", version, file, System.currentTimeMillis());
            });
        }
    }

    static int version(StateDb db) {
        return db.query("SELECT coalesce(max(version), 0) FROM schema_version", r -> r.getInt(1)).getFirst();
    }

    private static String read(Class<?> owner, String file) {
        try (InputStream in = owner.getResourceAsStream("migrations/" + file)) {
            if (in == null) {
                throw new StateException("migration " + file + " is missing from the jar of " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StateException("cannot read migration " + file + ": " + e.getMessage());
        }
    }

    /**
     * The statements of a migration: comment lines dropped, split at semicolons that end a line.
     * (The JDBC driver runs one statement per call; our migrations hold no triggers or strings
     * with such semicolons.)
     */
    static List<String> statements(String sql) {
        StringBuilder text = new StringBuilder();
        sql.lines().filter(l -> !l.strip().startsWith("--")).forEach(l -> text.append(l).append('\n'));
        return List.of(text.toString().split(";\\s*\n")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
