package org.conflictledger.gateway.limits;

import io.vertx.core.json.JsonObject;
import org.conflictledger.gateway.routing.ServiceProblems;

/** The RFC 9457 problem documents of the gateway's own limits: 413 for a body too large, 429 for too many requests. */
public final class LimitProblems {
    public static final String BODY_TOO_LARGE = "urn:conflict-ledger:problem:body-too-large";
    public static final String RATE_LIMITED = "urn:conflict-ledger:problem:rate-limited";

    private LimitProblems() {
    }

    public static JsonObject bodyTooLarge(long limit, String instance) {
        return ServiceProblems.of("body-too-large", "Request body too large", 413,
                "The request body is larger than the " + limit + " bytes the gateway accepts here", instance)
                .put("maxBodySize", limit);
    }

    public static JsonObject rateLimited(int burst, double perSecond, long retryAfterSeconds, String instance) {
        return ServiceProblems.of("rate-limited", "Too many requests", 429,
                "This client made more requests than the gateway allows (" + burst + " at once, then "
                        + rate(perSecond) + " per second); retry after " + retryAfterSeconds + " s", instance);
    }

    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }
}
