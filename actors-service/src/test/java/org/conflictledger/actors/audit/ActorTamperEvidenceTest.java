package org.conflictledger.actors.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.transparency.HashChain;
import org.conflictledger.transparency.LogEntry;
import org.conflictledger.transparency.SigningKeys;
import org.conflictledger.transparency.cli.LedgerVerify;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The insider-tamper matrix of docs/security.md: an actor is written, a checkpoint is saved outside the service, then
 * one stored thing is changed behind the service's back. Each case says which checks must catch it: the record's
 * {@code verify}, the whole log's {@code log/verify}, and the outside verifier ({@code ./ledger verify record} and
 * {@code log}) against the checkpoint saved before the edit. After the edit is undone, every check passes again.
 */
@QuarkusTest
@TestProfile(ActorTamperEvidenceTest.SigningKeyOutsideTheDatabase.class)
@WithTestResource(KafkaBrokerTestResource.class)
class ActorTamperEvidenceTest {
    private static final int EVENTS = 8;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @TempDir
    Path folder;

    /** The signing key in a file, as production should have it, so that an insider cannot sign a new checkpoint. */
    public static class SigningKeyOutsideTheDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                KeyPair keys = SigningKeys.generate();
                Path file = Files.createTempFile("checkpoint-key", ".pem");
                Files.writeString(file, SigningKeys.pem(keys.getPrivate()) + SigningKeys.pem(keys.getPublic()));
                file.toFile().deleteOnExit();
                return Map.of("ledger.transparency.signing-key", file.toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What an insider with write access to the database changes, and which checks must notice. */
    enum Tamper {
        PAYLOAD(true, true, true, true),
        META_DATA(true, true, true, true),
        TIME_STAMP(true, true, true, true),
        EVENT_IDENTIFIER(true, true, true, true),
        PAYLOAD_TYPE(true, true, true, true),
        PAYLOAD_REVISION(true, true, true, true),
        AGGREGATE_TYPE(true, true, true, true),
        AGGREGATE_IDENTIFIER(true, true, true, true),
        SEQUENCE_NUMBER(true, true, true, true),
        GLOBAL_INDEX(true, true, true, true),
        DELETE_ROW(true, true, true, true),
        TRUNCATE_TAIL(true, true, true, true),
        /** Rewrites who and why of the first change, every later link and the record's leaves alike. */
        REWRITE_RECORD_WITH_CHAIN_AND_LEAVES(false, true, true, true),
        SNAPSHOT(true, false, false, false),
        READ_MODEL(true, false, true, false);

        final boolean recordVerify;
        final boolean logVerify;
        final boolean outsideRecord;
        final boolean outsideLog;

        Tamper(boolean recordVerify, boolean logVerify, boolean outsideRecord, boolean outsideLog) {
            this.recordVerify = recordVerify;
            this.logVerify = logVerify;
            this.outsideRecord = outsideRecord;
            this.outsideLog = outsideLog;
        }
    }

    @ParameterizedTest
    @EnumSource(Tamper.class)
    void eachEditIsCaughtByTheChecksItsRowNames(Tamper tamper) throws Exception {
        String id = actorWithHistory(tamper.name());
        Path checkpoint = folder.resolve("checkpoint.json");
        outside("checkpoint", "--out", checkpoint.toString()).exits(0, "saving the checkpoint");
        assertAllChecksPass(id, checkpoint, "before the edit");

        List<Row> before = rowsOf(id);
        apply(tamper, id);

        assertThat(recordValid(id)).as("record verify after %s", tamper).isEqualTo(!tamper.recordVerify);
        assertThat(logValid()).as("log/verify after %s", tamper).isEqualTo(!tamper.logVerify);
        outside("record", "--id", id, "--checkpoint", checkpoint.toString())
                .exits(tamper.outsideRecord ? 1 : 0, "./ledger verify record after " + tamper);
        outside("log", "--checkpoint", checkpoint.toString())
                .exits(tamper.outsideLog ? 1 : 0, "./ledger verify log after " + tamper);

        restore(id, before);
        assertAllChecksPass(id, checkpoint, "after the edit was undone");
    }

    private void assertAllChecksPass(String id, Path checkpoint, String when) {
        assertThat(recordValid(id)).as("record verify %s", when).isTrue();
        assertThat(logValid()).as("log/verify %s", when).isTrue();
        outside("record", "--id", id, "--checkpoint", checkpoint.toString()).exits(0, "./ledger verify record " + when);
        outside("log", "--checkpoint", checkpoint.toString()).exits(0, "./ledger verify log " + when);
        outside("consistency", "--checkpoint", checkpoint.toString()).exits(0, "./ledger verify consistency " + when);
    }

    private void apply(Tamper tamper, String id) throws SQLException {
        String event1 = " WHERE aggregate_identifier = '" + id + "' AND sequence_number = 1";
        String last = " WHERE aggregate_identifier = '" + id + "' AND sequence_number = " + (EVENTS - 1);
        switch (tamper) {
            case PAYLOAD -> replaceIn("payload", event1, "Name 1", "Forged name");
            case META_DATA -> replaceIn("meta_data", event1, "{", "{\"principal-was\":\"someone else\",");
            case TIME_STAMP -> update("UPDATE domain_event_entry SET time_stamp = '2019-01-01T00:00:00.000Z'" + event1);
            case EVENT_IDENTIFIER -> update("UPDATE domain_event_entry SET event_identifier = '"
                    + UUID.randomUUID() + "'" + event1);
            case PAYLOAD_TYPE -> update("UPDATE domain_event_entry SET payload_type = "
                    + "'org.conflictledger.actors.domain.ActorRetracted'" + event1);
            case PAYLOAD_REVISION -> update("UPDATE domain_event_entry SET payload_revision = '0'" + event1);
            case AGGREGATE_TYPE -> update("UPDATE domain_event_entry SET aggregate_type = 'ConflictEvent'" + event1);
            case AGGREGATE_IDENTIFIER -> update("UPDATE domain_event_entry SET aggregate_identifier = '"
                    + UUID.randomUUID() + "'" + last);
            case SEQUENCE_NUMBER -> update("UPDATE domain_event_entry SET sequence_number = 70" + last);
            // below every processor's position: a higher one would be delivered again as a new event
            case GLOBAL_INDEX -> update("UPDATE domain_event_entry SET global_index = -global_index" + event1);
            case DELETE_ROW -> update("DELETE FROM domain_event_entry" + event1);
            case TRUNCATE_TAIL -> update("DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + id
                    + "' AND sequence_number >= " + (EVENTS - 2));
            case REWRITE_RECORD_WITH_CHAIN_AND_LEAVES -> rewriteRecord(id);
            case SNAPSHOT -> replaceInSnapshot(id);
            case READ_MODEL -> update("UPDATE actor_view SET name = 'Forged name' WHERE id = '" + id + "'");
        }
    }

    /** An insider who knows the chain: the first change's reason rewritten, every link and leaf recomputed. */
    private void rewriteRecord(String id) throws SQLException {
        replaceIn("meta_data", " WHERE aggregate_identifier = '" + id + "' AND sequence_number = 0",
                "{", "{\"reason-was\":\"rewritten\",");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT global_index, sequence_number, payload,"
                     + " meta_data, event_identifier, aggregate_type, time_stamp, payload_type, payload_revision"
                     + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, id);
            String previous = HashChain.GENESIS;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long sequence = rows.getLong(2);
                    String meta = new String(rows.getBytes(4), StandardCharsets.UTF_8);
                    String link = HashChain.link(previous, id, sequence, rows.getString(8), rows.getBytes(3),
                            rows.getBytes(4));
                    String relinked = meta.replace(HashChain.recordedHash(rows.getBytes(4)), link);
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?")) {
                        update.setBytes(1, relinked.getBytes(StandardCharsets.UTF_8));
                        update.setLong(2, rows.getLong(1));
                        update.executeUpdate();
                    }
                    String leaf = new LogEntry(rows.getString(6), id, sequence, rows.getString(5), rows.getString(7),
                            rows.getString(8), rows.getString(9), link).leafHashHex();
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE log_leaf SET leaf_hash = ? WHERE global_index = ?")) {
                        update.setString(1, leaf);
                        update.setLong(2, rows.getLong(1));
                        update.executeUpdate();
                    }
                    previous = link;
                }
            }
        }
    }

    private void replaceIn(String column, String where, String from, String to) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT global_index, " + column
                     + " FROM domain_event_entry" + where)) {
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                String text = new String(rows.getBytes(2), StandardCharsets.UTF_8);
                assertThat(text).contains(from);
                try (PreparedStatement update = connection.prepareStatement("UPDATE domain_event_entry SET " + column
                        + " = ? WHERE global_index = ?")) {
                    update.setBytes(1, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
                    update.setLong(2, rows.getLong(1));
                    assertThat(update.executeUpdate()).isOne();
                }
            }
        }
    }

    private void replaceInSnapshot(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT sequence_number, payload FROM snapshot_event_entry WHERE aggregate_identifier = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as("the actor has a snapshot").isTrue();
                String payload = new String(rows.getBytes(2), StandardCharsets.UTF_8);
                String forged = payload.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"Forged name\"");
                assertThat(forged).isNotEqualTo(payload);
                try (PreparedStatement update = connection.prepareStatement("UPDATE snapshot_event_entry SET payload = ?"
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?")) {
                    update.setBytes(1, forged.getBytes(StandardCharsets.UTF_8));
                    update.setString(2, id);
                    update.setLong(3, rows.getLong(1));
                    assertThat(update.executeUpdate()).isOne();
                }
            }
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            assertThat(statement.executeUpdate()).as(sql).isPositive();
        }
    }

    private String actorWithHistory(String label) {
        String key = "TMP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = given().contentType(ContentType.JSON)
                .body("{\"key\": \"" + key + "\", \"name\": \"Tamper " + label + "\", \"kind\": \"ARMED_GROUP\"}")
                .post("/api/v1/actors").then().statusCode(201).extract().path("id");
        for (int i = 1; i < EVENTS; i++) {
            given().contentType(ContentType.JSON).body("{\"name\": \"Name " + i + "\"}")
                    .post("/api/v1/actors/" + id + "/rename").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/v1/actors/log/entries?record=" + id)
                .then().statusCode(200).extract().jsonPath().getList("items").size() == EVENTS);
        return id;
    }

    private boolean recordValid(String id) {
        return given().get("/api/v1/actors/" + id + "/verify").then().statusCode(200).extract().path("valid");
    }

    private boolean logValid() {
        return given().get("/api/v1/actors/log/verify").then().statusCode(200).extract().path("valid");
    }

    /** What the outside verifier answered: its exit status and everything it printed. */
    private record Verdict(int status, String output) {
        void exits(int expected, String what) {
            assertThat(status).as("%s, which printed:%n%s", what, output).isEqualTo(expected);
        }
    }

    private Verdict outside(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--log", "actors", "--url", base.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LedgerVerify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.println("./ledger verify " + String.join(" ", command) + " → " + status + "\n" + out);
        return new Verdict(status, out.toString(StandardCharsets.UTF_8));
    }

    /** A stored row, column by column, to put back after the edit. */
    private record Row(String table, Map<String, Object> columns) {
    }

    private List<Row> rowsOf(String id) throws SQLException {
        List<Row> rows = new ArrayList<>();
        rows.addAll(rows("domain_event_entry", "aggregate_identifier = '" + id + "'"));
        rows.addAll(rows("log_leaf", "aggregate_identifier = '" + id + "'"));
        rows.addAll(rows("snapshot_event_entry", "aggregate_identifier = '" + id + "'"));
        return rows;
    }

    private List<Row> rows(String table, String where) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table + " WHERE " + where);
             ResultSet result = select.executeQuery()) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> columns = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.put(meta.getColumnName(i), result.getObject(i));
                }
                rows.add(new Row(table, columns));
            }
        }
        return rows;
    }

    /** Puts the record's rows back as they were, and its read model's name. */
    private void restore(String id, List<Row> before) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (Row row : before) {
                try (PreparedStatement delete = connection.prepareStatement(row.table().equals("log_leaf")
                        ? "DELETE FROM log_leaf WHERE log_position = ?"
                        : row.table().equals("domain_event_entry")
                        ? "DELETE FROM domain_event_entry WHERE event_identifier = ? OR global_index = ?"
                        : "DELETE FROM snapshot_event_entry WHERE event_identifier = ?")) {
                    if (row.table().equals("log_leaf")) {
                        delete.setObject(1, column(row, "log_position"));
                    } else {
                        delete.setObject(1, column(row, "event_identifier"));
                        if (row.table().equals("domain_event_entry")) {
                            delete.setObject(2, column(row, "global_index"));
                        }
                    }
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM domain_event_entry WHERE aggregate_identifier = ? OR global_index < 0")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            for (Row row : before) {
                List<String> names = new ArrayList<>(row.columns().keySet());
                String sql = "INSERT INTO " + row.table() + " (" + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", names.stream().map(name -> "?").toList()) + ")";
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    for (int i = 0; i < names.size(); i++) {
                        insert.setObject(i + 1, row.columns().get(names.get(i)));
                    }
                    insert.executeUpdate();
                }
            }
        }
        given().post("/api/v1/actors/admin/read-model/rebuild").then().statusCode(200);
    }

    private static Object column(Row row, String name) {
        return row.columns().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }
}
