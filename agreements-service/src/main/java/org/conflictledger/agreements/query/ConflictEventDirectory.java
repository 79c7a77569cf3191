package org.conflictledger.agreements.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks conflict events up in what this service has read of {@code ledger.events.v1}. */
@ApplicationScoped
@Transactional
public class ConflictEventDirectory {

    public Optional<ConflictEventLink> byId(UUID id) {
        return ConflictEventLink.findByIdOptional(id);
    }

    /** Stores what is now known of a conflict event (creating its link on first sight). */
    public void save(ConflictEventLink link) {
        ConflictEventLink stored = ConflictEventLink.findById(link.conflictEventId);
        if (stored == null) {
            link.persist();
            return;
        }
        stored.type = link.type;
        stored.status = link.status;
        stored.date = link.date;
        stored.agreementId = link.agreementId;
        stored.termReference = link.termReference;
        stored.lastSequence = link.lastSequence;
        stored.updatedAt = link.updatedAt;
    }

    public Map<UUID, ConflictEventLink> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return ConflictEventLink.<ConflictEventLink>list("conflictEventId in ?1", ids).stream()
                .collect(Collectors.toMap(l -> l.conflictEventId, Function.identity()));
    }
}
