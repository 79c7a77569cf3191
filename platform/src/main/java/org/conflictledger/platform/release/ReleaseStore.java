package org.conflictledger.platform.release;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The service's parts of releases, in {@code ledger_release}: inserted once, never changed. */
@ApplicationScoped
public class ReleaseStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "name, collection, freezes_at, note, cut_by, cut_at, content_hash, records";

    private final DataSource dataSource;

    ReleaseStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The part of the release of that name, if this service has it. */
    public Optional<StoredRelease> find(String name, String collection) {
        List<StoredRelease> found = query("SELECT " + COLUMNS + " FROM ledger_release WHERE name = ? AND collection = ?",
                name, collection);
        return found.stream().findFirst();
    }

    /** Every part of this collection, newest instant first (then by name). */
    public List<StoredRelease> all(String collection) {
        return query("SELECT " + COLUMNS + " FROM ledger_release WHERE collection = ? ORDER BY freezes_at DESC, name",
                collection);
    }

    /** Stores a new part; false when a part of that name was stored meanwhile (a concurrent cut). */
    public boolean insert(StoredRelease release) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO ledger_release (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, release.name());
            insert.setString(2, release.collection());
            insert.setObject(3, utc(release.freezesAt()));
            insert.setString(4, release.note());
            insert.setString(5, release.cutBy());
            insert.setObject(6, utc(release.cutAt()));
            insert.setString(7, release.contentHash());
            insert.setLong(8, release.records());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("could not store release " + release.name(), e);
        }
    }

    private List<StoredRelease> query(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<StoredRelease> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new StoredRelease(rows.getString(1), rows.getString(2),
                            rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getString(4), rows.getString(5),
                            rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getString(7), rows.getLong(8)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read releases", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A row of {@code ledger_release}. */
    public record StoredRelease(String name, String collection, Instant freezesAt, String note, String cutBy,
                                Instant cutAt, String contentHash, long records) {
    }
}
