package org.conflictledger.events.api.formats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.conflictledger.events.domain.Citation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code ledger_sources} column: citations as a compact JSON array of {@code {title, publisher, url, date}}. */
final class CitationsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CitationsJson() {
    }

    static String write(List<Citation> citations) {
        ArrayNode array = MAPPER.createArrayNode();
        if (citations != null) {
            for (Citation citation : citations) {
                if (citation == null) {
                    continue;
                }
                ObjectNode node = array.addObject();
                putIfPresent(node, "title", citation.title());
                putIfPresent(node, "publisher", citation.publisher());
                putIfPresent(node, "url", citation.url());
                if (citation.date() != null) {
                    node.put("date", citation.date().toString());
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write citations as JSON", e);
        }
    }

    /** The citations of {@code json}; throws {@link IllegalArgumentException} with a readable message. */
    static List<Citation> read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("must be a JSON array of {title, publisher, url, date}");
        }
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            String where = "source " + (i + 1);
            if (!node.isObject()) {
                throw new IllegalArgumentException(where + " is not a JSON object");
            }
            String title = text(node, "title", where);
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException(where + " has no title");
            }
            String date = text(node, "date", where);
            LocalDate parsedDate = null;
            if (date != null && !date.isBlank()) {
                try {
                    parsedDate = LocalDate.parse(date.strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where + " has a date that is not yyyy-MM-dd: \"" + date + "\"");
                }
            }
            citations.add(new Citation(title, text(node, "publisher", where), text(node, "url", where), parsedDate));
        }
        return citations;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + " has a " + field + " that is not a string");
        }
        return value.asText();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
