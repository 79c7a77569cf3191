package org.conflictledger.platform.audit;

import org.conflictledger.platform.api.Page;
import org.conflictledger.platform.axon.RecordType;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The change log reads a real event store (H2 with the platform's own schema), newest first, filtered and paged. */
class ChangeLogTest {
    static final class Actor {
    }

    static final class Agreement {
    }

    private static final RecordType ACTOR = new RecordType("actor", Actor.class);
    private static final RecordType AGREEMENT = new RecordType("agreement", Agreement.class);
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00.000Z");

    private DataSource dataSource;
    private final List<String> writtenIds = new ArrayList<>();

    /** An empty database of its own for each test. */
    protected DataSource emptyDatabase() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:changes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @BeforeEach
    void freshStore() throws Exception {
        dataSource = emptyDatabase();
        try (InputStream in = getClass().getResourceAsStream("/db/platform/V1__axon_event_store.sql");
             Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    @Test
    void listsEveryRecordsChangesNewestFirstWithTheirAuditMetadata() throws Exception {
        String actor = UUID.randomUUID().toString();
        String agreement = UUID.randomUUID().toString();
        store(Actor.class, actor, 0, "org.x.ActorRegistered", T0, "a@example.org", "first seen");
        store(Agreement.class, agreement, 0, "org.x.AgreementSigned", T0.plusSeconds(1), "b@example.org", null);
        store(Actor.class, actor, 1, "org.x.ActorRenamed", T0.plusSeconds(2), "b@example.org", "official name");

        Page<Change> page = log(500, 20_000).page(query(null, null, null, List.of(), null, 10));

        assertThat(page.next()).isNull();
        assertThat(page.items()).extracting(Change::type)
                .containsExactly("ledger.actor.renamed.v1", "ledger.agreement.signed.v1", "ledger.actor.registered.v1");
        Change renamed = page.items().get(0);
        assertThat(renamed.recordType()).isEqualTo("actor");
        assertThat(renamed.recordId()).isEqualTo(actor);
        assertThat(renamed.sequence()).isEqualTo(1);
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(renamed.recordedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(renamed.principal()).isEqualTo("b@example.org");
        assertThat(renamed.reason()).isEqualTo("official name");
        assertThat(renamed.correlationId()).isEqualTo("corr-" + actor + "-1");
        assertThat(renamed.causationId()).isEqualTo("cause-" + actor + "-1");
        assertThat(renamed.eventId()).isEqualTo(writtenIds.get(2));
        assertThat(page.items().get(1).recordType()).isEqualTo("agreement");
    }

    @Test
    void aPrincipalIsMatchedExactlyAcrossBatchesAndPagedWithoutGapsOrDuplicates() throws Exception {
        for (int i = 0; i < 30; i++) {
            store(Actor.class, "actor-" + i, 0, "org.x.ActorRegistered", T0.plusSeconds(i),
                    i % 3 == 0 ? "a@example.org" : i % 3 == 1 ? "A@example.org" : "a@example.org.evil", null);
        }
        ChangeLog log = log(4, 20_000);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Change> page = log.page(query("a@example.org", null, null, List.of(), before(cursor), 3));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            page.items().forEach(change -> seen.add(change.recordId()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        List<String> expected = new ArrayList<>();
        for (int i = 27; i >= 0; i -= 3) {
            expected.add("actor-" + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void aRequestReadsAtMostItsScanLimitAndThenAnswersAShorterPageThatGoesOn() throws Exception {
        for (int i = 0; i < 12; i++) {
            store(Actor.class, "actor-" + i, 0, "org.x.ActorRegistered", T0.plusSeconds(i),
                    i < 2 ? "rare@example.org" : "busy@example.org", null);
        }
        ChangeLog log = log(2, 5);
        Page<Change> first = log.page(query("rare@example.org", null, null, List.of(), null, 50));
        assertThat(first.items()).isEmpty();
        assertThat(first.next()).isNotNull();

        List<String> seen = new ArrayList<>();
        String cursor = first.next();
        int requests = 1;
        while (cursor != null) {
            Page<Change> page = log.page(query("rare@example.org", null, null, List.of(), before(cursor), 50));
            page.items().forEach(change -> seen.add(change.recordId()));
            cursor = page.next();
            requests++;
        }
        assertThat(seen).containsExactly("actor-1", "actor-0");
        assertThat(requests).isEqualTo(3);
    }

    @Test
    void fromIsInclusiveAndToExclusiveDownToTheNanosecond() throws Exception {
        for (int i = 0; i < 4; i++) {
            store(Actor.class, "actor-" + i, 0, "org.x.ActorRegistered", T0.plusMillis(i), "a@example.org", null);
        }
        ChangeLog log = log(500, 20_000);
        assertThat(ids(log.page(query(null, T0.plusMillis(1), T0.plusMillis(3), List.of(), null, 10))))
                .containsExactly("actor-2", "actor-1");
        assertThat(ids(log.page(query(null, T0.plusNanos(500_000), T0.plusNanos(2_500_000), List.of(), null, 10))))
                .containsExactly("actor-2", "actor-1");
        assertThat(ids(log.page(query(null, T0.plusMillis(3), null, List.of(), null, 10)))).containsExactly("actor-3");
        assertThat(ids(log.page(query(null, null, T0.plusMillis(1), List.of(), null, 10)))).containsExactly("actor-0");
        assertThat(ids(log.page(query(null, Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("+12000-01-01T00:00:00Z"),
                List.of(), null, 10)))).hasSize(4);
    }

    @Test
    void recordTypeKeepsOnlyThatRecordsChanges() throws Exception {
        store(Actor.class, "actor-1", 0, "org.x.ActorRegistered", T0, "a@example.org", null);
        store(Agreement.class, "agreement-1", 0, "org.x.AgreementSigned", T0.plusSeconds(1), "a@example.org", null);
        ChangeLog log = log(500, 20_000);
        assertThat(ids(log.page(query(null, null, null, List.of(ACTOR), null, 10)))).containsExactly("actor-1");
        assertThat(ids(log.page(query(null, null, null, List.of(AGREEMENT), null, 10)))).containsExactly("agreement-1");
    }

    @Test
    void theSqlBoundsAreTheStoredTextCutDownOrRoundedUpToTheMillisecond() {
        assertThat(ChangeLog.sqlLowerBound(Instant.parse("2026-11-25T09:00:00.000900Z"))).isEqualTo("2026-11-25T09:00:00.000Z");
        assertThat(ChangeLog.sqlUpperBound(Instant.parse("2026-11-25T09:00:00.000100Z"))).isEqualTo("2026-11-25T09:00:00.001Z");
        assertThat(ChangeLog.sqlUpperBound(Instant.parse("2026-11-25T09:00:00Z"))).isEqualTo("2026-11-25T09:00:00.000Z");
        assertThat(ChangeLog.sqlUpperBound(Instant.parse("+12000-01-01T00:00:00Z"))).isNull();
    }

    private ChangeLog log(int batch, int scanLimit) {
        return new ChangeLog(dataSource, List.of(ACTOR, AGREEMENT), batch, scanLimit);
    }

    private static ChangeQuery query(String principal, Instant from, Instant to, List<RecordType> records, Long before,
                                     int limit) {
        return new ChangeQuery(principal, from, to, records, before, limit);
    }

    private static Long before(String cursor) {
        return cursor == null ? null
                : Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    }

    private static List<String> ids(Page<Change> page) {
        return page.items().stream().map(Change::recordId).toList();
    }

    private void store(Class<?> aggregate, String id, long sequence, String payloadType, Instant at, String principal,
                       String reason) throws SQLException, IOException {
        String eventId = UUID.randomUUID().toString();
        writtenIds.add(eventId);
        String meta = "{\"principal\":\"" + principal + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
                + ",\"correlationId\":\"corr-" + id + "-" + sequence + "\",\"causationId\":\"cause-" + id + "-" + sequence + "\"}";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (event_identifier,"
                     + " aggregate_identifier, sequence_number, aggregate_type, time_stamp, payload_type, payload_revision,"
                     + " payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, id);
            insert.setLong(3, sequence);
            insert.setString(4, aggregate.getSimpleName());
            insert.setString(5, org.axonframework.common.DateTimeUtils.formatInstant(at));
            insert.setString(6, payloadType);
            insert.setString(7, "1");
            insert.setBytes(8, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(9, meta.getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}
