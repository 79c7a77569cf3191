package org.conflictledger.platform.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The instant an export shows the record at: the {@code asOf} it was asked for, or, without one, the instant it was
 * read at. Either way it is read as of that instant, so that a record changed while the export runs is neither left
 * out nor written twice. Microseconds, as the databases keep them.
 *
 * @param asOf    the instant asked for (a release's instant, when one was named), null for the record now
 * @param readAt  when the export was read
 * @param release the release asked for ({@code release=NAME}), null when none was
 */
public record ExportInstant(Instant asOf, Instant readAt, String release) {
    private static final DateTimeFormatter FILE_NAME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public ExportInstant(Instant asOf, Instant readAt) {
        this(asOf, readAt, null);
    }

    /** The same instant, named as that of a release. */
    public ExportInstant ofRelease(String name) {
        return new ExportInstant(asOf, readAt, name);
    }

    /** The instant the rows are read as of. */
    public Instant at() {
        return asOf != null ? asOf : readAt;
    }

    /**
     * A file name for the export: {@code <name>-<instant, to the second>.<extension>}, or
     * {@code <name>-release-<release>.<extension>} for a release.
     */
    public String fileName(String name, String extension) {
        return name + "-" + (release != null ? "release-" + release : FILE_NAME.format(at())) + "." + extension;
    }
}
