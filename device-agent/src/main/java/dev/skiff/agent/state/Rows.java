package dev.skiff.agent.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Column conversions shared by the repositories: times are stored as epoch milliseconds. */
final class Rows {
    private Rows() {}

    static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }
}
