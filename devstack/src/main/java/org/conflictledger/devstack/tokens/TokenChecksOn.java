package org.conflictledger.devstack.tokens;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A test profile for a service or the gateway as deployed: bearer tokens checked against this test JVM's key. */
public class TokenChecksOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return TestTokens.checksOn();
    }
}
