package org.conflictledger.agreements.access;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.devstack.tokens.ServiceAccessChecks;
import org.conflictledger.devstack.tokens.TokenChecksOn;

/** The service checks the caller's token itself, whatever the gateway did (see {@link ServiceAccessChecks}). */
@QuarkusTest
@TestProfile(TokenChecksOn.class)
@WithTestResource(KafkaBrokerTestResource.class)
class AgreementAccessTest extends ServiceAccessChecks {

    @Override
    protected String collection() {
        return "/api/v1/agreements";
    }
}
