package org.conflictledger.devstack.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every OpenAPI document the suite publishes must be, so that a client generated from it (OpenAPI Generator,
 * default settings) compiles and reads naturally: every operation summarised, tagged, saying how it refuses bad input,
 * and named for what it does ({@code listActors}, unique in the document); every schema named for what it is, never
 * after a Java type ({@code JsonNode}) or with a counter ({@code Page1}) or a service prefix ({@code agreements_…}).
 * One copy, used by each service's document test and by the test of the gateway's merged document.
 */
public final class OpenApiRules {
    /** lowerCamelCase, starting with a verb-like word: what generators turn into method names unchanged. */
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][a-zA-Z]*");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Z][A-Za-z]*");
    /** Java and Jackson types that leak into a document when a field is typed with them. */
    private static final Set<String> JAVA_TYPE_NAMES = Set.of("JsonNode", "ObjectNode", "ArrayNode", "JsonNodeType",
            "Object", "Map", "List", "Optional", "Response", "LocalDate", "LocalDateTime", "OffsetDateTime");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    private OpenApiRules() {
    }

    /** Every way {@code document} breaks the rules, one line each; empty when it keeps them. */
    public static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        for (var path = document.path("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            for (var operation = entry.getValue().fields(); operation.hasNext(); ) {
                var op = operation.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + entry.getKey();
                JsonNode body = op.getValue();
                if (body.path("summary").asText().isBlank()) {
                    problems.add(name + ": no summary");
                }
                if (body.path("tags").isEmpty()) {
                    problems.add(name + ": no tag");
                }
                // An operation that takes input (a body or parameters) says how it refuses bad input.
                boolean takesInput = body.has("requestBody") || !body.path("parameters").isEmpty();
                if (takesInput && !body.path("responses").has("400")) {
                    problems.add(name + ": 400 not documented");
                }
                String operationId = body.path("operationId").asText();
                if (operationId.isBlank()) {
                    problems.add(name + ": no operationId");
                } else if (!OPERATION_ID.matcher(operationId).matches()) {
                    problems.add(name + ": operationId " + operationId + " is not lowerCamelCase letters");
                } else if (operationIds.putIfAbsent(operationId, name) != null) {
                    problems.add(name + ": operationId " + operationId + " is also " + operationIds.get(operationId));
                }
            }
        }
        for (var schemas = document.path("components").path("schemas").fieldNames(); schemas.hasNext(); ) {
            String schema = schemas.next();
            if (!SCHEMA_NAME.matcher(schema).matches()) {
                problems.add("schema " + schema + ": not an UpperCamelCase name of letters (a counter or a prefix?)");
            } else if (JAVA_TYPE_NAMES.contains(schema)) {
                problems.add("schema " + schema + ": named after a Java type");
            }
        }
        return problems;
    }

    /** How many operations {@code document} has. */
    public static int operations(JsonNode document) {
        int operations = 0;
        for (JsonNode path : document.path("paths")) {
            for (var keys = path.fieldNames(); keys.hasNext(); ) {
                operations += METHODS.contains(keys.next()) ? 1 : 0;
            }
        }
        return operations;
    }
}
