package org.conflictledger.events.api.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.platform.api.ExternalIdentifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ledger_external_ids} column: an event's ids in other datasets besides ACLED's ({@code event_id_cnty}) and
 * UCDP GED's ({@code ledger_ucdp_ged_id}), as a compact JSON array of {@code {scheme, value}}; empty when there are
 * none.
 */
final class ExternalIdsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExternalIdsJson() {
    }

    /** The ids other than ACLED's and UCDP GED's, or {@code null} when there are none. */
    static String write(List<ExternalIdentifier> ids) {
        ArrayNode array = MAPPER.createArrayNode();
        if (ids != null) {
            ids.stream()
                    .filter(id -> !ExternalIds.ACLED.equals(id.scheme()) && !ExternalIds.UCDP_GED.equals(id.scheme()))
                    .forEach(id -> array.addObject().put("scheme", id.scheme()).put("value", id.value()));
        }
        if (array.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write external ids as JSON", e);
        }
    }

    /** The ids of {@code json}; throws {@link IllegalArgumentException} with a readable message. */
    static List<ExternalId> read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("must be a JSON array of {scheme, value}");
        }
        List<ExternalId> ids = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            if (!node.isObject() || !node.path("scheme").isTextual() || !node.path("value").isTextual()) {
                throw new IllegalArgumentException("entry " + (i + 1) + " is not a {scheme, value} object of texts");
            }
            ExternalId id = new ExternalId(node.get("scheme").asText(), node.get("value").asText());
            String where = "entry " + (i + 1);
            ExternalIds.problem(id).ifPresent(problem -> {
                throw new IllegalArgumentException(where + " (" + id + ") is not valid: " + problem);
            });
            ids.add(id);
        }
        return ids;
    }
}
