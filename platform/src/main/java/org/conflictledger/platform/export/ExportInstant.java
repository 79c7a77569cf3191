package org.conflictledger.platform.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The instant an export shows the record at: the {@code asOf} it was asked for, or, without one, the instant it was
 * read at. Either way it is read as of that instant, so that a record changed while the export runs is neither left
 * out nor written twice. Microseconds, as the databases keep them.
 *
 * @param asOf   the instant asked for, null for the record now
 * @param readAt when the export was read
 */
public record ExportInstant(Instant asOf, Instant readAt) {
    private static final DateTimeFormatter FILE_NAME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The instant the rows are read as of. */
    public Instant at() {
        return asOf != null ? asOf : readAt;
    }

    /** A file name for the export: {@code <name>-<instant, to the second>.<extension>}. */
    public String fileName(String name, String extension) {
        return name + "-" + FILE_NAME.format(at()) + "." + extension;
    }
}
