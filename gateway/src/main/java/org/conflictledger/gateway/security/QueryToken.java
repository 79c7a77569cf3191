package org.conflictledger.gateway.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bearer token a browser's EventSource passes as {@code ?access_token=} (it cannot send headers). A token is a
 * credential: whatever the gateway writes of a request's URI (problem documents' {@code instance}, log lines) goes
 * through {@link #removedFrom} first.
 */
public final class QueryToken {
    public static final String PARAMETER = "access_token";

    private QueryToken() {
    }

    /** {@code uri} (a path with an optional query) without its {@code access_token} parameters. */
    public static String removedFrom(String uri) {
        int query = uri == null ? -1 : uri.indexOf('?');
        if (query < 0) {
            return uri;
        }
        String[] pairs = uri.substring(query + 1).split("&");
        if (Arrays.stream(pairs).noneMatch(QueryToken::isToken)) {
            return uri;
        }
        String kept = Arrays.stream(pairs).filter(pair -> !pair.isEmpty() && !isToken(pair))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? uri.substring(0, query) : uri.substring(0, query + 1) + kept;
    }

    private static boolean isToken(String pair) {
        String name = pair.split("=", 2)[0];
        try {
            // the gateway reads parameter names decoded, so access%5Ftoken is the token too
            return URLDecoder.decode(name, StandardCharsets.UTF_8).equals(PARAMETER);
        } catch (IllegalArgumentException malformed) {
            return name.equals(PARAMETER);
        }
    }
}
