package org.conflictledger.platform.release;

import org.conflictledger.platform.export.JsonLines;

import java.io.IOException;
import java.time.Instant;

/**
 * A service's canonical export: every record of its collection as it stood at an instant, whatever its status, in
 * a fixed order, one JSON object per line (the representation its list answers with). A release's content hash is
 * the SHA-256 of these bytes, and {@code GET <collection>/exports/canonical?release=NAME} sends the same bytes, so
 * a reader can check a download against a citation. Each service declares one, as an {@code @ApplicationScoped}
 * bean.
 */
public interface CanonicalExport {

    /** The collection, as its path names it: {@code actors}, {@code events}, {@code agreements}. */
    String collection();

    /**
     * Writes every record as it stood at {@code at} (already floored to microseconds, with the read models caught
     * up), in the export's fixed order.
     */
    void write(Instant at, JsonLines out) throws IOException;
}
