package org.conflictledger.gateway.health;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.gateway.routing.TestOrigins;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Liveness is the gateway's own; readiness reflects the broker and every service behind it. */
@QuarkusTest
@WithTestResource(TestOrigins.class)
@WithTestResource(KafkaBrokerTestResource.class)
class ReadinessTest {

    @Test
    void theGatewayLivesButIsNotReadyWhileAServiceIsDown() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().log().ifValidationFails().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.name", hasItem("kafka"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.'actors-service'", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.'events-service'", equalTo("UNREACHABLE"))
                .body("checks.find { it.name == 'services' }.data.'agreements-service'", equalTo("TIMED_OUT"));
    }
}
