package org.conflictledger.gateway.routing;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * One part of the API the gateway forwards, unchanged, to the service that owns it: the services serve their
 * own part of {@code /api/v1}, so no path is rewritten.
 *
 * @param service the service's name, for problem documents and logs
 * @param prefix  the path it owns, e.g. {@code /api/v1/actors}
 * @param origin  the service's base URL
 */
public record Route(String service, String prefix, URI origin) {

    /** The prefix itself and every path below it, but not {@code /api/v1/actorsX}. */
    public String pathRegex() {
        return "^" + Pattern.quote(prefix) + "(/.*)?$";
    }

    public String host() {
        return origin.getHost();
    }

    public int port() {
        if (origin.getPort() > 0) {
            return origin.getPort();
        }
        return "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
    }
}
