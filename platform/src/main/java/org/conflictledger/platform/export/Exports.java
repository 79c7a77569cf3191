package org.conflictledger.platform.export;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.platform.api.ReadModelsBehind;
import org.conflictledger.platform.axon.ReadModels;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Where an export starts: the instant it shows, once the read models hold every event stored by then. */
@ApplicationScoped
public class Exports {
    private final ReadModels readModels;

    Exports(ReadModels readModels) {
        this.readModels = readModels;
    }

    /**
     * The export's instant for an {@code asOf} already checked (not in the future; null for now), floored to
     * microseconds, after waiting for the read models to process every event stored so far: an export read from a
     * read model still behind would miss events, and its hash would not be that of the same export later.
     *
     * @throws ReadModelsBehind when they do not catch up within the configured wait
     */
    public ExportInstant instant(Instant asOf) {
        Instant readAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!readModels.awaitCaughtUp()) {
            throw new ReadModelsBehind("The read models have not processed every stored event yet (a rebuild or heavy"
                    + " writes): an export now would miss some. Retry in a few seconds.");
        }
        return new ExportInstant(asOf == null ? null : asOf.truncatedTo(ChronoUnit.MICROS), readAt);
    }
}
