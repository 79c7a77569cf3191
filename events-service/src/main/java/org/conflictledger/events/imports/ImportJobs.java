package org.conflictledger.events.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.events.api.formats.ParsedRow;
import org.conflictledger.platform.api.AuditContext;
import org.conflictledger.platform.axon.LedgerObjectMapper;
import org.conflictledger.platform.domain.RuleViolation;
import org.conflictledger.platform.idempotency.IdempotencyKeys;
import org.conflictledger.platform.idempotency.IdempotentRequest;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs large CSV imports in the background, one at a time, and keeps each job's state in the service's database, so
 * that any replica answers for it. A job that stops making progress (the service stopped) reads as INTERRUPTED; sent
 * again, the file records only what was not recorded yet ({@link ImportedRowIdentity}).
 * <p>
 * An import sent with an {@code Idempotency-Key} is a job under that key whether it runs in the background or while
 * the client waits: a retry with the same key and file finds the first request's job (its report once done) instead
 * of importing again, and takes the job over only when it FAILED or was INTERRUPTED. A key is the caller's own and
 * expires as a create's does ({@link IdempotencyKeys}).
 */
@ApplicationScoped
public class ImportJobs {
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    /** A running job records its progress at least this often while rows take their usual time. */
    private static final int PROGRESS_EVERY_ROWS = 25;
    private static final String UNIQUE_VIOLATION = "23505";
    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(2);

    private final AgroalDataSource dataSource;
    private final CsvImport csvImport;
    private final ObjectMapper json = LedgerObjectMapper.create();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "csv-import");
        thread.setDaemon(true);
        return thread;
    });

    private final IdempotencyKeys idempotencyKeys;

    ImportJobs(AgroalDataSource dataSource, CsvImport csvImport, IdempotencyKeys idempotencyKeys) {
        this.dataSource = dataSource;
        this.csvImport = csvImport;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** Records a new RUNNING job for the rows and starts it; returns it as recorded. */
    public ImportJob start(List<ParsedRow> rows, String reason, AuditContext writer) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        update("INSERT INTO import_job (id, state, principal, total_rows, processed_rows, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, 0, ?, ?)", id, ImportJob.State.RUNNING.name(), writer.principal(), rows.size(),
                Timestamp.from(now), Timestamp.from(now));
        return runInBackground(id, rows, reason, writer);
    }

    /**
     * Claims the request's Idempotency-Key for a new RUNNING job, or finds the job a request with that key made
     * before (taking it over if it FAILED or was INTERRUPTED). A key used before for another file, theater or reason
     * is a 409 ({@code idempotency-key-reused}).
     *
     * @param synchronous the client waits for the report (200), rather than for a job (202)
     */
    public ImportClaim claim(IdempotentRequest request, int rows, boolean synchronous, AuditContext writer) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        try {
            insertClaimed(id, request, rows, synchronous, writer, now);
            return new ImportClaim(find(id).orElseThrow(), synchronous, true);
        } catch (KeyTaken taken) {
            ImportClaim earlier = earlier(request, synchronous);
            if (earlier != null) {
                return earlier;
            }
            // the earlier job's key had expired and is cleared: the key is this request's now (or a racing one's)
            return claim(request, rows, synchronous, writer);
        }
    }

    /** What the earlier request with the caller's key made; null when that key has expired (it is cleared then). */
    private ImportClaim earlier(IdempotentRequest request, boolean synchronous) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, request_hash, synchronous, created_at"
                     + " FROM import_job WHERE idempotency_scope = ? AND idempotency_key = ?")) {
            select.setString(1, request.scope());
            select.setString(2, request.key());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                if (idempotencyKeys.expired(row.getTimestamp("created_at").toInstant())) {
                    update("UPDATE import_job SET idempotency_key = NULL WHERE id = ?", row.getObject("id", UUID.class));
                    return null;
                }
                if (!row.getString("request_hash").equals(request.requestHash())) {
                    throw new RuleViolation("idempotency-key-reused", "The Idempotency-Key " + request.key()
                            + " was used for another import (another file, theater or reason)");
                }
                UUID id = row.getObject("id", UUID.class);
                if (takeOver(id, synchronous)) {
                    LOG.infof("CSV import %s (Idempotency-Key %s) taken over by a retry", id, request.key());
                    return new ImportClaim(find(id).orElseThrow(), synchronous, true);
                }
                return new ImportClaim(find(id).orElseThrow(), row.getBoolean("synchronous"), false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the import under an Idempotency-Key", e);
        }
    }

    /** A FAILED or INTERRUPTED job becomes RUNNING again for the retry that takes it over; true if this one did. */
    private boolean takeOver(UUID id, boolean synchronous) {
        Instant now = Instant.now();
        return update("UPDATE import_job SET state = ?, processed_rows = 0, error = NULL, report = NULL, synchronous = ?,"
                        + " updated_at = ? WHERE id = ? AND (state = ? OR (state = ? AND updated_at < ?))",
                ImportJob.State.RUNNING.name(), synchronous, Timestamp.from(now), id, ImportJob.State.FAILED.name(),
                ImportJob.State.RUNNING.name(), Timestamp.from(now.minus(INTERRUPTED_AFTER))) == 1;
    }

    private void insertClaimed(UUID id, IdempotentRequest request, int rows, boolean synchronous, AuditContext writer,
                               Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO import_job (id, state, principal,"
                     + " total_rows, processed_rows, created_at, updated_at, idempotency_key, request_hash, synchronous,"
                     + " idempotency_scope) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, ImportJob.State.RUNNING.name());
            insert.setString(3, writer.principal());
            insert.setInt(4, rows);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setString(7, request.key());
            insert.setString(8, request.requestHash());
            insert.setBoolean(9, synchronous);
            insert.setString(10, request.scope());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new KeyTaken();
            }
            throw new IllegalStateException("Could not record an import job", e);
        }
    }

    /** Runs a recorded RUNNING job in the background; returns it as recorded. */
    public ImportJob runInBackground(UUID id, List<ParsedRow> rows, String reason, AuditContext writer) {
        LOG.infof("CSV import %s started by %s: %d rows", id, writer.principal(), rows.size());
        executor.execute(() -> {
            try {
                run(id, rows, reason, writer);
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "CSV import %s failed", id);
            }
        });
        return find(id).orElseThrow();
    }

    /** Runs a recorded RUNNING job while the caller waits, and answers its report; a failure is recorded, then thrown. */
    public ImportReport runHere(UUID id, List<ParsedRow> rows, String reason, AuditContext writer) {
        try {
            return run(id, rows, reason, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ImportJob> find(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT state, principal, total_rows,"
                     + " processed_rows, report, error, created_at, updated_at FROM import_job WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                ImportJob.State state = ImportJob.State.valueOf(row.getString("state"));
                Instant updatedAt = row.getTimestamp("updated_at").toInstant();
                if (state == ImportJob.State.RUNNING && updatedAt.plus(INTERRUPTED_AFTER).isBefore(Instant.now())) {
                    state = ImportJob.State.INTERRUPTED;
                }
                byte[] report = row.getBytes("report");
                return Optional.of(new ImportJob(id, state, row.getInt("total_rows"), row.getInt("processed_rows"),
                        row.getString("principal"), row.getTimestamp("created_at").toInstant(), updatedAt,
                        report == null ? null : json.readValue(report, ImportReport.class), row.getString("error")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read import job " + id, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Import job " + id + " has a report that is not JSON", e);
        }
    }

    private ImportReport run(UUID id, List<ParsedRow> rows, String reason, AuditContext writer) throws IOException {
        try {
            ImportReport report = csvImport.run(rows, reason, writer, done -> {
                if (done % PROGRESS_EVERY_ROWS == 0) {
                    update("UPDATE import_job SET processed_rows = ?, updated_at = ? WHERE id = ?", done,
                            Timestamp.from(Instant.now()), id);
                }
            });
            update("UPDATE import_job SET state = ?, processed_rows = ?, report = ?, updated_at = ? WHERE id = ?",
                    ImportJob.State.DONE.name(), rows.size(), json.writeValueAsBytes(report),
                    Timestamp.from(Instant.now()), id);
            LOG.infof("CSV import %s done: %d accepted, %d present, %d rejected", id, report.accepted(),
                    report.present(), report.rejected().size());
            return report;
        } catch (IOException | RuntimeException e) {
            update("UPDATE import_job SET state = ?, error = ?, updated_at = ? WHERE id = ?",
                    ImportJob.State.FAILED.name(), truncate(e.toString()), Timestamp.from(Instant.now()), id);
            throw e;
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record an import job's state", e);
        }
    }

    private static String truncate(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    /** The Idempotency-Key is already held by another job. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
