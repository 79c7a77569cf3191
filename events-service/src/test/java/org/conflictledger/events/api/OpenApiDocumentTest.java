package org.conflictledger.events.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.devstack.openapi.ServiceOpenApiChecks;

/**
 * The published OpenAPI document keeps the suite's rules (OpenApiRules): every operation summarised, tagged, with its
 * 400 and an operationId of its own; no schema named after a Java type.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class OpenApiDocumentTest extends ServiceOpenApiChecks {

    @Override
    protected String service() {
        return "events";
    }
}
