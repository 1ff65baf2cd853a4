package dev.skiff.agent.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.oci.Digest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDbTest {
    private static final Digest IMAGE = Digest.of(new byte[] {1});

    @Test
    void migrationsCreateTheSchemaOnAnEmptyDatabase(@TempDir Path dir) throws Exception {
        try (StateDb db = StateDb.open(dir.resolve("state.db"))) {
            assertEquals(Migrations.FILES.size(), Migrations.version(db));
            List<String> tables = db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", r -> r.getString(1));
            assertTrue(tables.containsAll(List.of("apps", "releases", "container_runs", "events", "schema_version")), tables.toString());
            assertEquals("wal", db.query("PRAGMA journal_mode", r -> r.getString(1)).getFirst());
            assertEquals(2, db.query("PRAGMA synchronous", r -> r.getInt(1)).getFirst()); // 2 = FULL
        }
    }

    @Test
    void reopeningAppliesNothingTwiceAndKeepsTheData(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.db");
        try (StateDb db = StateDb.open(file)) {
            new AppRepository(db).ensure("app");
            new ReleaseRepository(db).create("app", IMAGE, "{}", ReleaseState.DEPLOYING, null);
        }
        try (StateDb db = StateDb.open(file)) {
            assertEquals(Migrations.FILES.size(), Migrations.version(db));
            assertEquals(Migrations.FILES.size(), db.query("SELECT count(*) FROM schema_version", r -> r.getInt(1)).getFirst());
            assertEquals(1, new ReleaseRepository(db).ofApp("app").size());
        }
    }

    @Test
    void aFailingTransactionLeavesNothingBehind(@TempDir Path dir) throws Exception {
        try (StateDb db = StateDb.open(dir.resolve("state.db"))) {
            AppRepository apps = new AppRepository(db);
            try {
                db.inTransaction(() -> {
                    apps.ensure("half");
                    throw new IllegalStateException("crash");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertTrue(apps.find("half").isEmpty());
        }
    }

    @Test
    void removingAnAppTakesItsReleasesAndRunsWithIt(@TempDir Path dir) throws Exception {
        try (StateDb db = StateDb.open(dir.resolve("state.db"))) {
            AppRepository apps = new AppRepository(db);
            ReleaseRepository releases = new ReleaseRepository(db);
            apps.ensure("app");
            Release r = releases.create("app", IMAGE, "{}", ReleaseState.ACTIVE, null);
            apps.switchTo("app", r.id(), null);
            new RunRepository(db).started(r.id(), "app", 0, java.time.Instant.now());
            apps.delete("app");
            assertTrue(releases.ofApp("app").isEmpty());
            assertTrue(new RunRepository(db).ofRelease(r.id()).isEmpty());
        }
    }

    @Test
    void migrationStatementsSplitAtLineEndingSemicolonsWithoutComments() {
        assertEquals(List.of("CREATE TABLE a (x INTEGER)", "CREATE INDEX i ON a(x)"),
                Migrations.statements("-- a comment; with a semicolon\nCREATE TABLE a (x INTEGER);\n\nCREATE INDEX i ON a(x);\n"));
    }
}
