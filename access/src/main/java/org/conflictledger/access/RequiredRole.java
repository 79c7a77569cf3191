package org.conflictledger.access;

import java.util.Locale;
import java.util.Optional;

/**
 * The role a request needs, from its method and path alone, so that the gateway and the services read one rule:
 * the API ({@code /api/...}) needs {@code reader} to read (unless reads are open), {@code editor} to write and
 * {@code admin} for anything under an {@code /admin/} segment (read-model rebuilds, replays), to cut a release (a
 * write to a path with a {@code releases} segment: a release freezes the record for citation) and for the check of a
 * whole transparency log ({@code …/log/verify}, which reads every stored event; outsiders check the log themselves
 * from its entries and proofs). Everything outside the API (health, OpenAPI, Swagger UI) and CORS preflights are
 * open.
 */
public final class RequiredRole {
    private static final String API = "/api/";
    private static final String WHOLE_LOG_CHECK = "/log/verify";
    private static final String RELEASES = "releases";

    private RequiredRole() {
    }

    public static Optional<Role> of(String method, String path, boolean openReads) {
        // Matrix parameters (";x") are not part of a segment's name for routing: "/admin;x/" is "/admin/".
        String normalised = path == null ? "" : path.replaceAll(";[^/]*", "");
        if (!normalised.startsWith(API) || "OPTIONS".equalsIgnoreCase(method)) {
            return Optional.empty();
        }
        if (normalised.contains("/admin/") || normalised.endsWith("/admin") || wholeLogCheck(normalised)) {
            return Optional.of(Role.ADMIN);
        }
        if (!isRead(method) && releases(normalised)) {
            return Optional.of(Role.ADMIN);
        }
        if (isRead(method)) {
            return openReads ? Optional.empty() : Optional.of(Role.READER);
        }
        return Optional.of(Role.EDITOR);
    }

    /** The router takes {@code …/log//verify/} for {@code …/log/verify}: so does this rule. */
    private static boolean wholeLogCheck(String path) {
        return path.replaceAll("/{2,}", "/").replaceAll("/+$", "").endsWith(WHOLE_LOG_CHECK);
    }

    private static boolean releases(String path) {
        for (String segment : path.split("/")) {
            if (segment.equals(RELEASES)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRead(String method) {
        String upper = method.toUpperCase(Locale.ROOT);
        return upper.equals("GET") || upper.equals("HEAD");
    }
}
