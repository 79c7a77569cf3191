package org.conflictledger.gateway.limits;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Tight limits, CORS and HSTS for the tests of the gateway's limits and browser headers (one profile, so Quarkus
 * starts once for them): bodies up to 1 KiB (the CSV import 2 KiB); 3 requests per client, then one per 1000 s;
 * clients told apart by X-Forwarded-For; one dashboard origin that may do everything, any other may read.
 */
public class LimitsTestProfile implements QuarkusTestProfile {
    public static final String DASHBOARD = "https://dashboard.example.org";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.limits.max-body-size", "1K", "gateway.limits.max-import-body-size", "2K",
                "gateway.limits.requests-per-second", "0.001", "gateway.limits.burst", "3",
                "gateway.limits.trust-forwarded", "true",
                "gateway.cors.origins", DASHBOARD + ",*",
                "gateway.security-headers.hsts", "max-age=31536000");
    }
}
