package org.conflictledger.gateway.audit;

/**
 * A service did not give the audit view its page: {@code body} is the service's own problem document to pass on
 * (a 4xx it answered), or null when the gateway answers for it (503 unreachable, 504 too slow, 502 anything else).
 */
public class ServiceFailure extends RuntimeException {
    private final int status;
    private final String service;
    private final String body;

    ServiceFailure(int status, String service, String body, String why) {
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
