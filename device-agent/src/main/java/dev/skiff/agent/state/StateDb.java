package dev.skiff.agent.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's state: one SQLite file in WAL mode with {@code synchronous=FULL}, so a committed
 * transaction survives power loss. One connection serves the whole agent; callers take turns on
 * its monitor, which also makes a {@link #transaction} the ambient one for every repository call
 * the same thread makes inside it.
 */
public final class StateDb implements AutoCloseable {
    private final Connection connection;

    private StateDb(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the agent's database and brings its schema up to date. */
    public static StateDb open(Path file) throws IOException {
        return open(file, db -> Migrations.apply(db));
    }

    /**
     * Opens (creating if needed) another program's database in the same way (the operator's
     * fleet state): its numbered migrations, {@code migrations/FILE} beside {@code owner}, are applied in order.
     */
    public static StateDb open(Path file, Class<?> owner, List<String> migrationFiles) throws IOException {
        return open(file, db -> Migrations.apply(db, owner, migrationFiles));
    }

    private static StateDb open(Path file, java.util.function.Consumer<StateDb> migrate) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
            }
            StateDb db = new StateDb(connection);
            migrate.accept(db);
            return db;
        } catch (SQLException e) {
            throw new IOException("cannot open the state database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Work against the connection; SQL errors surface as {@link StateException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The rows of a query with positional parameters. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return run(c -> {
            try (PreparedStatement p = prepare(c, sql, params); ResultSet r = p.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(mapper.map(r));
                }
                return rows;
            }
        });
    }

    /** Runs an INSERT and returns the new row's id. */
    public long insert(String sql, Object... params) {
        return run(c -> {
            try (PreparedStatement p = prepare(c, sql, params)) {
                p.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT last_insert_rowid()")) {
                return r.getLong(1);
            }
        });
    }

    /** Runs an UPDATE or DELETE; returns how many rows it changed. */
    public int update(String sql, Object... params) {
        return run(c -> {
            try (PreparedStatement p = prepare(c, sql, params)) {
                return p.executeUpdate();
            }
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            p.setObject(i + 1, params[i]);
        }
        return p;
    }

    /** Runs {@code work} alone on the connection; inside a {@link #transaction}, as part of it. */
    public synchronized <T> T run(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StateException(e);
        }
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or (on any exception) none.
     * Nested calls join the outer transaction.
     */
    public synchronized <T> T transaction(java.util.function.Supplier<T> work) {
        try {
            if (!connection.getAutoCommit()) {
                return work.get();
            }
            connection.setAutoCommit(false);
            try {
                T result = work.get();
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StateException(e);
        }
    }

    /** Runs {@code work} in one transaction; for work with no result. */
    public void inTransaction(Runnable work) {
        transaction(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StateException(e);
        }
    }
}
