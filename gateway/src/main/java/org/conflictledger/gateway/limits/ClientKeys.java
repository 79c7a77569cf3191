package org.conflictledger.gateway.limits;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Who a request counts against. With a bearer token, its subject ({@code iss} and {@code sub} of a JWT, read without
 * checking the signature: this only picks a bucket, it proves nothing) or, for a token that is not a readable JWT, a
 * hash of the token. Without one, the client's address: the connection's, or the last address in
 * {@code X-Forwarded-For} when the gateway trusts the proxy in front of it.
 */
final class ClientKeys {
    private final boolean trustForwarded;

    ClientKeys(boolean trustForwarded) {
        this.trustForwarded = trustForwarded;
    }

    String of(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (!token.isEmpty()) {
                String subject = subject(token);
                return subject != null ? "sub:" + subject : "token:" + sha256(token);
            }
        }
        if (trustForwarded) {
            String forwarded = lastForwardedFor(request.headers().getAll("X-Forwarded-For"));
            if (forwarded != null) {
                return "addr:" + forwarded;
            }
        }
        return "addr:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().host());
    }

    /** The JWT's {@code iss} and {@code sub}, unverified; null when the token is not a JWT with a subject. */
    static String subject(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].length() > 8192) {
            return null;
        }
        try {
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            Object sub = claims.getValue("sub");
            Object iss = claims.getValue("iss");
            if (!(sub instanceof String s) || s.isEmpty()) {
                return null;
            }
            return (iss instanceof String i ? i : "") + "|" + s;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The address the proxy directly in front of the gateway saw: the last one in the header. */
    static String lastForwardedFor(java.util.List<String> headers) {
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

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
