package org.conflictledger.platform.export;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashedExportTest {
    private static final Instant AS_OF = Instant.parse("2020-11-10T00:00:00Z");

    @Test
    void theHeadersNameTheSha256OfExactlyTheBytesSentAndTheInstant() throws Exception {
        byte[] body = "id,name\r\n1,Shusha\r\n".getBytes(StandardCharsets.UTF_8);
        Response response = export(new ExportInstant(AS_OF, Instant.now()), out -> out.write(body));

        byte[] sent = sent(response);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(body);
        assertThat(sent).isEqualTo(body);
        assertThat(response.getHeaderString("Ledger-Content-Hash")).isEqualTo("sha256:" + HexFormat.of().formatHex(sha256));
        assertThat(response.getHeaderString("Repr-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":");
        assertThat(response.getHeaderString("Ledger-As-Of")).isEqualTo("2020-11-10T00:00:00Z");
        assertThat(response.getHeaderString("Ledger-Read-At")).isNull();
        assertThat(response.getHeaderString("Content-Length")).isEqualTo(String.valueOf(body.length));
        assertThat(response.getHeaderString("Content-Disposition")).isEqualTo("attachment; filename=\"events.csv\"");
    }

    @Test
    void anExportOfTheRecordNowNamesTheInstantItWasReadAt() {
        Instant readAt = Instant.parse("2026-12-07T12:00:00Z");
        Response response = export(new ExportInstant(null, readAt), out -> out.write('x'));
        assertThat(response.getHeaderString("Ledger-Read-At")).isEqualTo("2026-12-07T12:00:00Z");
        assertThat(response.getHeaderString("Ledger-As-Of")).isNull();
    }

    @Test
    void theTemporaryFileIsGoneOnceSentAndWhenWritingFails() throws Exception {
        List<Path> before = exportFiles();
        Response response = export(new ExportInstant(AS_OF, Instant.now()), out -> out.write('x'));
        assertThat(exportFiles()).hasSize(before.size() + 1);
        sent(response);
        assertThat(exportFiles()).containsExactlyInAnyOrderElementsOf(before);

        assertThatThrownBy(() -> export(new ExportInstant(AS_OF, Instant.now()), out -> {
            out.write('x');
            throw new IllegalStateException("the database went away");
        })).hasMessage("the database went away");
        assertThat(exportFiles()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aFileLeftBehindMoreThanAnHourAgoIsDeletedByTheNextExport() throws Exception {
        Path left = Files.createTempFile("ledger-export-", ".part");
        Path recent = Files.createTempFile("ledger-export-", ".part");
        Files.setLastModifiedTime(left, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(7200)));
        try {
            sent(export(new ExportInstant(AS_OF, Instant.now()),
                    out -> out.write('x')));
            assertThat(left).doesNotExist();
            assertThat(recent).exists();
        } finally {
            Files.deleteIfExists(left);
            Files.deleteIfExists(recent);
        }
    }

    @Test
    void anExportsFileNameNamesItsInstantToTheSecond() {
        assertThat(new ExportInstant(AS_OF, Instant.now()).fileName("conflict-events-ucdp-ged", "csv"))
                .isEqualTo("conflict-events-ucdp-ged-20201110T000000Z.csv");
        assertThat(new ExportInstant(null, Instant.parse("2026-12-07T19:05:34.123456Z")).fileName("pam-terms", "json"))
                .isEqualTo("pam-terms-20261207T190534Z.json");
    }

    @Test
    void csvRowsQuoteOnlyWhereNeededNeutraliseFormulasAndLeaveNumbersAlone() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvRows rows = new CsvRows(out, List.of("place", "notes", "longitude", "best"));
        rows.row(List.of("Shusha", "=HYPERLINK(\"x\")", -12.5, 34));
        rows.row(java.util.Arrays.asList("Lachin, corridor", null, null, 0));
        rows.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("place,notes,longitude,best\r\n"
                + "Shusha,\"'=HYPERLINK(\"\"x\"\")\",-12.5,34\r\n"
                + "\"Lachin, corridor\",,,0\r\n");
        assertThatThrownBy(() -> rows.row(List.of("too few"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Response export(ExportInstant instant, HashedExport.Body body) {
        return HashedExport.response("text/csv", "events.csv", instant, body);
    }

    private static byte[] sent(Response response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) response.getEntity()).write(out);
        return out.toByteArray();
    }

    private static List<Path> exportFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("ledger-export-")).toList();
        }
    }
}
