package org.conflictledger.platform.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.platform.config.LedgerConfig;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded H2 file from growing without bound. H2 writes every commit as a new chunk of its file and frees a
 * chunk only once none of its pages is live; rewriting the chunks that are mostly dead is the job of a background
 * thread that H2 starts only when commits may be written late ({@code WRITE_DELAY} above 0), which would lose
 * acknowledged writes when the process is killed. So the services commit with {@code WRITE_DELAY=0} and compact here,
 * on a schedule: without it, 100,000 imported events left a 13 GB file whose chunks were 7 % live
 * (docs/performance.md, run N).
 */
@ApplicationScoped
public class EmbeddedDatabaseCompaction {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseCompaction.class);
    /** The most a single compaction rewrites, so that one pass stays short. */
    private static final int MAX_BYTES_PER_PASS = 16 * 1024 * 1024;

    private final AgroalDataSource dataSource;
    private final LedgerConfig config;
    /** Failures in a row after which compaction stops, rather than logging every interval. */
    private static final int MAX_FAILURES_IN_A_ROW = 10;

    private ScheduledExecutorService compactor;
    private int failuresInARow;

    EmbeddedDatabaseCompaction(AgroalDataSource dataSource, LedgerConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        long every = config.embeddedDatabase().compactInterval().toMillis();
        if (every <= 0 || !isEmbeddedFile()) {
            return;
        }
        compactor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        compactor.scheduleWithFixedDelay(this::compactQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (compactor != null) {
            // Never interrupted: an interrupt closes H2's file channel under every other writer of the database.
            compactor.shutdown();
            if (!compactor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A compaction of the embedded database was still running at shutdown");
            }
        }
    }

    private boolean isEmbeddedFile() {
        try (Connection connection = dataSource.getConnection()) {
            return fileStoreOf(connection) != null;
        } catch (SQLException e) {
            LOG.warnf(e, "Could not tell whether the database is an embedded H2 file; it will not be compacted");
            return false;
        }
    }

    private void compactQuietly() {
        try (Connection connection = dataSource.getConnection()) {
            compact(connection, config.embeddedDatabase().compactFillRate());
            failuresInARow = 0;
        } catch (SQLException | RuntimeException e) {
            failuresInARow++;
            if (failuresInARow == 1) {
                LOG.warnf(e, "Compacting the embedded database failed; trying again every %s",
                        config.embeddedDatabase().compactInterval());
            } else if (failuresInARow == MAX_FAILURES_IN_A_ROW) {
                LOG.warnf(e, "Compacting the embedded database failed %d times in a row; no longer trying until restart",
                        failuresInARow);
                compactor.shutdown();
            }
        }
    }

    /**
     * Rewrites the live pages of the chunks less full than {@code fillRate} percent, up to 16 MB, so that those chunks
     * can be freed.
     *
     * @return false when the connection is not to an embedded H2 file (PostgreSQL, H2 over TCP, in memory)
     */
    public static boolean compact(Connection connection, int fillRate) throws SQLException {
        MVStore store = fileStoreOf(connection);
        if (store == null) {
            return false;
        }
        store.compact(fillRate, MAX_BYTES_PER_PASS);
        return true;
    }

    private static MVStore fileStoreOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null || store.getFileStore().getFileName() == null
                || store.getFileStore().getFileName().startsWith("memFS:") ? null : store;
    }
}
