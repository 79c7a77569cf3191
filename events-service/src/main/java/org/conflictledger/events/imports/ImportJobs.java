package org.conflictledger.events.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.events.api.formats.ParsedRow;
import org.conflictledger.platform.api.AuditContext;
import org.conflictledger.platform.axon.LedgerObjectMapper;
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
 */
@ApplicationScoped
public class ImportJobs {
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    /** A running job records its progress at least this often while rows take their usual time. */
    private static final int PROGRESS_EVERY_ROWS = 25;
    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(2);

    private final AgroalDataSource dataSource;
    private final CsvImport csvImport;
    private final ObjectMapper json = LedgerObjectMapper.create();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "csv-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobs(AgroalDataSource dataSource, CsvImport csvImport) {
        this.dataSource = dataSource;
        this.csvImport = csvImport;
    }

    /** Records a new RUNNING job for the rows and starts it; returns it as recorded. */
    public ImportJob start(List<ParsedRow> rows, String reason, AuditContext writer) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        update("INSERT INTO import_job (id, state, principal, total_rows, processed_rows, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, 0, ?, ?)", id, ImportJob.State.RUNNING.name(), writer.principal(), rows.size(),
                Timestamp.from(now), Timestamp.from(now));
        LOG.infof("CSV import %s started by %s: %d rows", id, writer.principal(), rows.size());
        executor.execute(() -> run(id, rows, reason, writer));
        return find(id).orElseThrow();
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

    private void run(UUID id, List<ParsedRow> rows, String reason, AuditContext writer) {
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
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "CSV import %s failed", id);
            update("UPDATE import_job SET state = ?, error = ?, updated_at = ? WHERE id = ?",
                    ImportJob.State.FAILED.name(), truncate(e.toString()), Timestamp.from(Instant.now()), id);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record an import job's state", e);
        }
    }

    private static String truncate(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
