package org.conflictledger.events.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.conflictledger.platform.axon.LedgerObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id an imported row's event gets: a name-based UUID of the row's ACLED event id, or, for a row without one, of
 * everything it says. The same row imported again (a client retrying after a timeout, the same file twice) names
 * the same event, which the store already has, so it is recorded once.
 */
final class ImportedRowIdentity {
    private static final ObjectMapper JSON = LedgerObjectMapper.create();

    private ImportedRowIdentity() {
    }

    static UUID of(ConflictEventDetails details) {
        String name;
        if (details.acledEventId() != null) {
            name = "acled:" + details.acledEventId();
        } else {
            try {
                ObjectNode written = JSON.valueToTree(details);
                // Details written before externalIds existed had no such property: a row without any names the event
                // it named then, so that a file imported before an upgrade and again after it is recorded once.
                if (details.externalIds().isEmpty()) {
                    written.remove("externalIds");
                }
                name = "row:" + JSON.writeValueAsString(written);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("An imported row that cannot be written as JSON", e);
            }
        }
        return UUID.nameUUIDFromBytes(("conflict-ledger:import:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
