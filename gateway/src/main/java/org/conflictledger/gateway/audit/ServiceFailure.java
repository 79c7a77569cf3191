package org.conflictledger.gateway.audit;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

/**
 * A service did not give one of the gateway's own views (the audit view, the releases) its part: {@code body} is the
 * service's own problem document to pass on (a 4xx it answered), or null when the gateway answers for it (503
 * unreachable, 504 too slow, 502 anything else).
 */
public class ServiceFailure extends RuntimeException {
    private final int status;
    private final String service;
    private final String body;

    /** A request to {@code service} that failed without an answer (as {@code java.net.http} reports it). */
    public static ServiceFailure unanswered(String service, Throwable failure) {
        return new ServiceFailure(status(failure), service, null, describe(failure));
    }

    /** 503 when no connection could be made, 504 when the service stayed silent, 502 otherwise. */
    public static int status(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return 503;
            }
            if (cause instanceof HttpTimeoutException) {
                return 504;
            }
        }
        return 502;
    }

    /** The failure's own cause, without the wrapping of a future. */
    public static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.toString();
    }

    public ServiceFailure(int status, String service, String body, String why) {
        super(service + ": " + why);
        this.status = status;
        this.service = service;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String service() {
        return service;
    }

    public String body() {
        return body;
    }
}
