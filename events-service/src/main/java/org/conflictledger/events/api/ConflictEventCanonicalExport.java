package org.conflictledger.events.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.events.query.ConflictEventFilter;
import org.conflictledger.events.query.ConflictEventQueries;
import org.conflictledger.events.query.ConflictEventView;
import org.conflictledger.platform.export.JsonLines;
import org.conflictledger.platform.release.CanonicalExport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Every conflict event as it stood at an instant, retracted ones too, oldest first (date, then id), as the list
 * shows an event but with its actors by id only (see {@link ConflictEventMapping#canonicalRepresentations}); read in
 * batches of {@code events.export.batch-size}, so memory stays flat.
 */
@ApplicationScoped
public class ConflictEventCanonicalExport implements CanonicalExport {
    private static final ConflictEventFilter EVERY_EVENT = new ConflictEventFilter(null, null, null, null, null, null,
            null, null, null, null, null, null, false, null);

    private final ConflictEventQueries queries;
    private final ConflictEventMapping mapping;
    private final int batchSize;

    ConflictEventCanonicalExport(ConflictEventQueries queries, ConflictEventMapping mapping,
                                 @ConfigProperty(name = "events.export.batch-size", defaultValue = "500") int batchSize) {
        this.queries = queries;
        this.mapping = mapping;
        this.batchSize = batchSize;
    }

    @Override
    public String collection() {
        return "events";
    }

    @Override
    public void write(Instant at, JsonLines out) throws IOException {
        ConflictEventFilter filter = EVERY_EVENT;
        List<ConflictEventView> batch;
        do {
            batch = queries.listAsOf(filter, at, batchSize);
            for (ConflictEventRepresentation event : mapping.canonicalRepresentations(batch, at)) {
                out.write(event);
            }
            if (!batch.isEmpty()) {
                ConflictEventView last = batch.get(batch.size() - 1);
                filter = filter.after(new ConflictEventFilter.Position(last.date, last.id));
            }
        } while (batch.size() == batchSize);
    }
}
