package org.conflictledger.platform.export;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.conflictledger.contracts.ExportHeaders;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * An export answered with the SHA-256 of exactly the bytes it sends, named in headers before the body, so that a
 * citation can name the hash and a reader can check a download against it. The body is written to a temporary file
 * while it is hashed (memory stays constant however many rows), then streamed from that file, which is deleted once
 * sent or when writing fails.
 *
 * <p>Headers ({@link ExportHeaders}): {@code Repr-Digest} (RFC 9530), {@code Ledger-Content-Hash}
 * ({@code sha256:<hex>}, the form a citation names), {@code Ledger-As-Of} when the export was asked as of an instant,
 * else {@code Ledger-Read-At} (the instant it was read at), {@code Ledger-Release} when it was asked for a named
 * release (whose instant is then {@code Ledger-As-Of}), and {@code Content-Disposition} with a file name.
 */
public final class HashedExport {
    private static final String PREFIX = "ledger-export-";
    private static final String SUFFIX = ".part";
    private static final Path TEMPORARY_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"));
    private static final Duration STALE_AFTER = Duration.ofHours(1);
    /** Writes an export's bytes. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private HashedExport() {
    }

    /** The export as a response; {@code instant} is named in its headers. */
    public static Response response(String mediaType, String fileName, ExportInstant instant, Body body) {
        deleteStale();
        Path file = temporaryFile();
        MessageDigest sha256 = ContentHash.sha256();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha256)) {
            body.writeTo(out);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            delete(file);
            throw e;
        }
        byte[] digest = sha256.digest();
        StreamingOutput stream = out -> {
            try {
                Files.copy(file, out);
            } finally {
                delete(file);
            }
        };
        Response.ResponseBuilder response = Response.ok(stream, mediaType)
                .header(ExportHeaders.REPR_DIGEST, "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":")
                .header(ExportHeaders.CONTENT_HASH, ContentHash.named(digest))
                .header(ExportHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header("Content-Length", size(file));
        if (instant.release() != null) {
            response.header(ExportHeaders.RELEASE, instant.release());
        }
        return (instant.asOf() != null ? response.header(ExportHeaders.AS_OF, instant.asOf().toString())
                : response.header(ExportHeaders.READ_AT, instant.readAt().toString())).build();
    }

    /**
     * Deletes export files left behind more than an hour ago: a response whose body was never written (a HEAD
     * request, a client gone before the first byte) does not delete its file.
     */
    private static void deleteStale() {
        Instant before = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(TEMPORARY_DIRECTORY, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    delete(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the sweep is best effort; the export itself goes on
        }
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile(PREFIX, SUFFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary file for an export", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is removed with the container's /tmp
        }
    }
}
