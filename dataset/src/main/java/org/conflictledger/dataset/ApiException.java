package org.conflictledger.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * A 4xx or 5xx answer from the API. The message carries the status and what the RFC 9457 problem
 * document says ({@code title}, {@code detail}, {@code errors[]}), or the start of the body when it is
 * not one.
 */
public class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiException of(int status, String body, ObjectMapper json) {
        StringBuilder message = new StringBuilder("HTTP ").append(status);
        JsonNode problem = null;
        try {
            problem = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (Exception notJson) {
            // fall through: show the raw body
        }
        if (problem != null && problem.isObject() && (problem.hasNonNull("detail") || problem.hasNonNull("title"))) {
            if (problem.hasNonNull("title")) {
                message.append(' ').append(problem.get("title").asText());
            }
            if (problem.hasNonNull("detail")) {
                message.append(": ").append(problem.get("detail").asText());
            }
            List<String> fields = new ArrayList<>();
            for (JsonNode error : problem.path("errors")) {
                fields.add(error.path("field").asText("?") + " " + error.path("message").asText(""));
            }
            if (!fields.isEmpty()) {
                message.append(" [").append(String.join("; ", fields)).append(']');
            }
        } else if (body != null && !body.isBlank()) {
            String text = body.strip().replaceAll("\\s+", " ");
            message.append(": ").append(text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
        return new ApiException(status, message.toString());
    }
}
