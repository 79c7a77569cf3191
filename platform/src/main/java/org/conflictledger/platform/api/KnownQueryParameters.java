package org.conflictledger.platform.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a request that names a query parameter its operation does not declare, with a 400 problem
 * naming it and listing the accepted ones: a misspelt or misplaced parameter ({@code ?theatre=},
 * {@code ?asOf=} on a list) would otherwise be ignored and the answer look like one to the question
 * asked. Runs after the access check and before the body is read, so a refused write writes nothing.
 */
public class KnownQueryParameters {
    private final Map<Method, SortedSet<String>> accepted = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.USER)
    public Response refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        SortedSet<String> known = accepted.computeIfAbsent(method, DeclaredQueryParameters::of);
        List<String> unknown = request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .toList();
        if (unknown.isEmpty()) {
            return null;
        }
        String accepts = known.isEmpty() ? "none" : String.join(", ", known);
        String message = "unknown query parameter; accepted: " + accepts;
        List<Problem.FieldError> errors = unknown.stream().map(name -> new Problem.FieldError(name, message)).toList();
        String detail = (unknown.size() == 1 ? "Unknown query parameter " : "Unknown query parameters ")
                + String.join(", ", unknown) + "; this operation accepts " + accepts;
        return ProblemResponses.invalid(detail, request.getUriInfo().getRequestUri().getRawPath(), errors);
    }
}
