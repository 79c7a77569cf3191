package org.conflictledger.gateway.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * The RFC 9457 problem documents the gateway answers when a service cannot: 503 when it cannot be reached or no
 * connection to it is free, 504 when it is too slow, 502 when its answer breaks off. The gateway itself never fails
 * with a 5xx of its own.
 */
public final class ServiceProblems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:conflict-ledger:problem:";

    private ServiceProblems() {
    }

    /** The status that describes a failure to get an answer from a service. */
    public static int status(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof ConnectException) {
                return 503;
            }
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return 504;
            }
            cause = cause.getCause();
        }
        return 502;
    }

    /** Whether the request to a service was ended because its client went away: nobody reads the answer. */
    static boolean clientGone(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClientGone) {
                return true;
            }
        }
        return false;
    }

    /** A problem document of the gateway's own: {@code kind} is the last part of its type URN. */
    public static JsonObject of(String kind, String title, int status, String detail, String instance) {
        return new JsonObject().put("type", TYPE_PREFIX + kind).put("title", title).put("status", status)
                .put("detail", detail).put("instance", instance);
    }

    /** A 400 validation problem naming the fields at fault. */
    public static JsonObject invalid(String detail, String instance, JsonArray errors) {
        return of("validation", "Invalid request", 400, detail, instance).put("errors", errors);
    }

    public static JsonObject notFound(String instance) {
        return new JsonObject().put("type", TYPE_PREFIX + "not-found").put("title", "Not found").put("status", 404)
                .put("detail", "Nothing is served at this path; the API is under /api/v1/actors, /api/v1/events,"
                        + " /api/v1/agreements, /api/v1/audit, /api/v1/releases and /api/v1/stream, its description at /openapi").put("instance", instance);
    }

    public static JsonObject problem(int status, String service, String instance) {
        String kind;
        String title;
        String detail;
        switch (status) {
            case 503 -> {
                kind = "service-unavailable";
                title = "Service unavailable";
                detail = service + " cannot be reached; try again shortly";
            }
            case 504 -> {
                kind = "service-timeout";
                title = "Service timed out";
                detail = service + " did not answer in time; the request may or may not have taken effect";
            }
            default -> {
                kind = "bad-gateway";
                title = "Bad gateway";
                detail = service + " answered with something the gateway could not pass on";
            }
        }
        return of(kind, title, status, detail, instance).put("service", service);
    }
}
