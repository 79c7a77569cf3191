package org.conflictledger.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.platform.audit.AuditTrail;
import org.conflictledger.platform.audit.HistoryEntry;
import org.conflictledger.platform.axon.RecordType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Pages through a record's history for the {@code GET …/{id}/history} endpoints of every service. */
@ApplicationScoped
public class HistoryPages {
    private final AuditTrail audit;

    HistoryPages(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * One page of a record's changes, oldest first.
     *
     * @param cursor    the previous page's {@code next}, or null for the first page
     * @param limitText the page size as given (1 to 500, default 50)
     */
    public Page<HistoryEntry> page(RecordType record, String id, String cursor, String limitText) {
        int limit = QueryParameters.limit(limitText);
        long after = afterSequence(Cursors.decode(cursor));
        List<HistoryEntry> found = audit.history(record, id, after, limit + 1);
        boolean more = found.size() > limit;
        List<HistoryEntry> items = found.stream().limit(limit).toList();
        String next = more ? Cursors.encode(Long.toString(items.get(items.size() - 1).sequence())) : null;
        return new Page<>(items, next);
    }

    private static long afterSequence(String position) {
        if (position == null) {
            return -1;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw new InvalidRequest("cursor", "is not a cursor this API returned");
        }
    }

    /** The shape of a page of history, for the OpenAPI document. */
    @Schema(name = "HistoryPage", description = "A page of a record's changes, oldest first")
    public record HistoryPage(
            @Schema(description = "The changes of this page") List<HistoryEntry> items,
            @Schema(description = "Opaque cursor of the next page, null on the last page") String next) {
    }
}
