package org.conflictledger.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the published OpenAPI document says what it does and which errors it answers. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationHasASummaryATagAndItsErrorResponses() throws Exception {
        JsonNode document = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/openapi").then().statusCode(200).extract().asString());
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path = document.path("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            for (var operation = entry.getValue().fields(); operation.hasNext(); ) {
                var op = operation.next();
                operations++;
                String name = op.getKey().toUpperCase() + " " + entry.getKey();
                if (op.getValue().path("summary").asText().isBlank()) {
                    problems.add(name + ": no summary");
                }
                if (op.getValue().path("tags").isEmpty()) {
                    problems.add(name + ": no tag");
                }
                // An operation that takes input (a body or parameters) says how it refuses bad input.
                boolean takesInput = op.getValue().has("requestBody") || !op.getValue().path("parameters").isEmpty();
                if (takesInput && !op.getValue().path("responses").has("400")) {
                    problems.add(name + ": 400 not documented");
                }
            }
        }
        assertThat(operations).isGreaterThan(5);
        assertThat(problems).isEmpty();
    }
}
