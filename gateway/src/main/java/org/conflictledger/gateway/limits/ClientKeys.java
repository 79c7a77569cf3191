package org.conflictledger.gateway.limits;

import io.vertx.core.http.HttpServerRequest;

import java.util.List;

/**
 * Who a request counts against: the client's address, the connection's or, when the gateway trusts the proxy in
 * front of it, the last address in {@code X-Forwarded-For}. Not a token's subject: the limits come before the
 * token check, so an unverified subject would let anyone make up a fresh bucket for each request.
 */
final class ClientKeys {
    private final boolean trustForwarded;

    ClientKeys(boolean trustForwarded) {
        this.trustForwarded = trustForwarded;
    }

    String of(HttpServerRequest request) {
        if (trustForwarded) {
            String forwarded = lastForwardedFor(request.headers().getAll("X-Forwarded-For"));
            if (forwarded != null) {
                return "addr:" + forwarded;
            }
        }
        return "addr:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().host());
    }

    /** The address the proxy directly in front of the gateway saw: the last one in the header. */
    static String lastForwardedFor(List<String> headers) {
        for (int h = headers.size() - 1; h >= 0; h--) {
            String[] addresses = headers.get(h).split(",");
            for (int a = addresses.length - 1; a >= 0; a--) {
                String address = addresses[a].trim();
                if (!address.isEmpty()) {
                    return address;
                }
            }
        }
        return null;
    }
}
