package org.conflictledger.agreements.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.devstack.openapi.OpenApiRules;
import org.conflictledger.devstack.openapi.ServiceOpenApiChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the published OpenAPI document says what it does and which errors it answers
 * (CONTRIBUTING.md, "The REST API": every operation has an operationId, a summary, a description, a tag and
 * the error responses it can return).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class OpenApiDocumentTest extends ServiceOpenApiChecks {

    @Override
    protected String service() {
        return "agreements";
    }
    private static final String PROBLEM = "application/problem+json";

    /** Every operation the agreement API publishes (method and path template). */
    private static final Set<String> OPERATIONS = Set.of(
            "POST /api/v1/agreements",
            "GET /api/v1/agreements",
            "GET /api/v1/agreements/{id}",
            "POST /api/v1/agreements/{id}/corrections",
            "POST /api/v1/agreements/{id}/status",
            "GET /api/v1/agreements/{id}/schedule",
            "GET /api/v1/agreements/{id}/history",
            "GET /api/v1/agreements/{id}/verify",
            "POST /api/v1/agreements/admin/read-model/rebuild",
            "POST /api/v1/agreements/admin/topic/republish",
            "GET /api/v1/agreements/admin/parked",
            "POST /api/v1/agreements/admin/parked/{id}/replay",
            "DELETE /api/v1/agreements/admin/parked/{id}",
            "POST /api/v1/agreements/{id}/terms",
            "GET /api/v1/agreements/{id}/terms",
            "GET /api/v1/agreements/{id}/terms/{termId}",
            "POST /api/v1/agreements/{id}/terms/{termId}/corrections",
            "POST /api/v1/agreements/{id}/terms/{termId}/compliance",
            "POST /api/v1/agreements/{id}/terms/{termId}/renewal-objections",
            "GET /api/v1/agreements/exports/pam/terms",
            "GET /api/v1/agreements/exports/pam/agreements");

    private JsonNode document;

    @BeforeEach
    void theDocument() throws Exception {
        document = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/openapi").then().statusCode(200).extract().asString());
    }

    @Test
    void theDocumentListsEveryOperationOfTheAgreementApi() {
        Set<String> published = new HashSet<>();
        forEachOperation((name, op) -> published.add(name));
        assertThat(published).containsAll(OPERATIONS);
    }

    /** Summaries, tags and 400s are OpenApiRules' (ServiceOpenApiChecks); this API also describes each operation. */
    @Test
    void everyOperationHasADescription() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, op) -> {
            if (op.path("description").asText().isBlank()) {
                problems.add(name + ": no description");
            }
        });
        assertThat(OpenApiRules.operations(document)).isGreaterThanOrEqualTo(OPERATIONS.size());
        assertThat(problems).isEmpty();
    }

    @Test
    void operationsAreTaggedByRecordTypeWithDeclaredTags() {
        Set<String> declared = new HashSet<>();
        List<String> problems = new ArrayList<>();
        document.path("tags").forEach(tag -> {
            declared.add(tag.path("name").asText());
            if (tag.path("description").asText().isBlank()) {
                problems.add("tag " + tag.path("name").asText() + ": no description");
            }
        });
        forEachOperation((name, op) -> {
            op.path("tags").forEach(tag -> {
                if (!declared.contains(tag.asText())) {
                    problems.add(name + ": tag " + tag.asText() + " is not declared");
                }
            });
            String expected = name.contains("/terms") ? "Agreement terms" : "Agreements";
            if (!containsText(op.path("tags"), expected)) {
                problems.add(name + ": not tagged " + expected);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyErrorResponseIsAProblemDocument() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, op) -> op.path("responses").fields().forEachRemaining(response -> {
            String status = response.getKey();
            if (!status.startsWith("4") && !status.startsWith("5")) {
                return;
            }
            JsonNode content = response.getValue().path("content");
            if (response.getValue().path("description").asText().isBlank()) {
                problems.add(name + " " + status + ": no description");
            }
            if (!content.has(PROBLEM) || content.size() != 1) {
                problems.add(name + " " + status + ": not documented as " + PROBLEM);
            } else if (!content.path(PROBLEM).path("schema").path("$ref").asText().endsWith("/Problem")) {
                problems.add(name + " " + status + ": not the Problem schema");
            }
        }));
        assertThat(problems).isEmpty();
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        for (String member : List.of("type", "title", "status", "detail", "instance", "rule", "errors")) {
            assertThat(problem.has(member)).as("Problem has " + member).isTrue();
        }
    }

    @Test
    void everyWriteDocumentsItsRequestBodyAndEveryOperationItsSuccess() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, op) -> {
            boolean success = false;
            for (var status = op.path("responses").fieldNames(); status.hasNext(); ) {
                success |= status.next().startsWith("2");
            }
            if (!success) {
                problems.add(name + ": no 2xx response");
            }
            if (name.startsWith("POST ") && !name.contains("/admin/") && !op.has("requestBody")) {
                problems.add(name + ": no request body");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyParameterOfTheAgreementListAndTermListIsDescribed() {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("GET /api/v1/agreements", "GET /api/v1/agreements/{id}/terms")) {
            JsonNode op = operation(name);
            op.path("parameters").forEach(parameter -> {
                if (parameter.path("description").asText().isBlank()) {
                    problems.add(name + ": parameter " + parameter.path("name").asText() + " has no description");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    // The three tests below state what CONTRIBUTING.md asks of the document and what the current
    // resources do not yet document; each is disabled with the exact gap (see the report).

    @Test
    void everyOperationOnOneRecordDocumentsItsNotFound() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, op) -> {
            if (name.contains("{id}") && !op.path("responses").has("404")) {
                problems.add(name + ": 404 not documented");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyWriteDocumentsItsRuleAndStaleVersionAnswers() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, op) -> {
            boolean takesIfMatch = false;
            for (JsonNode parameter : op.path("parameters")) {
                takesIfMatch |= "If-Match".equalsIgnoreCase(parameter.path("name").asText())
                        && "header".equals(parameter.path("in").asText());
            }
            if (takesIfMatch && !op.path("responses").has("412")) {
                problems.add(name + ": takes If-Match, 412 not documented");
            }
            if (name.startsWith("POST ") && !name.contains("/admin/") && !op.path("responses").has("409")) {
                problems.add(name + ": 409 not documented");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void bodiesAndSuccessfulAnswersHaveTheirSchemas() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, op) -> {
            JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
            String ref = body.path("$ref").asText();
            if (op.has("requestBody") && (ref.endsWith("/ObjectNode") || ref.endsWith("/JsonNode") || body.isEmpty())) {
                problems.add(name + ": request body has no schema of its own (" + body + ")");
            }
            op.path("responses").fields().forEachRemaining(response -> {
                JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
                if (response.getKey().startsWith("2") && !schema.isMissingNode() && schema.isEmpty()) {
                    problems.add(name + " " + response.getKey() + ": empty schema");
                }
            });
        });
        assertThat(problems).isEmpty();
    }

    private void forEachOperation(BiConsumer<String, JsonNode> check) {
        for (var path = document.path("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            if (!entry.getKey().startsWith("/api/v1/agreements")) {
                continue;
            }
            for (var operation = entry.getValue().fields(); operation.hasNext(); ) {
                var op = operation.next();
                if (List.of("parameters", "summary", "description", "servers").contains(op.getKey())) {
                    continue;
                }
                check.accept(op.getKey().toUpperCase() + " " + entry.getKey(), op.getValue());
            }
        }
    }

    private JsonNode operation(String name) {
        String[] parts = name.split(" ", 2);
        return document.path("paths").path(parts[1]).path(parts[0].toLowerCase());
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (text.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }
}
