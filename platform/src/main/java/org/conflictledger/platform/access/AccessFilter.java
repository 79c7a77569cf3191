package org.conflictledger.platform.access;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.conflictledger.access.AccessControl;
import org.conflictledger.access.AccessDecision;
import org.conflictledger.platform.api.Problem;

/**
 * Checks the bearer token of every request a service receives, the gateway's check repeated (defence in depth):
 * a refusal is a 401 or 403 problem document, an allowed caller becomes the request's {@link CurrentCaller}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
    private final AccessControl access;
    private final CurrentCaller currentCaller;

    public AccessFilter(AccessControl access, CurrentCaller currentCaller) {
        this.access = access;
        this.currentCaller = currentCaller;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
        AccessDecision decision = access.decide(request.getMethod(), path,
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (decision instanceof AccessDecision.Allowed allowed) {
            allowed.caller().ifPresent(currentCaller::set);
            if (!access.enabled()) {
                currentCaller.claim(request.getHeaderString(CurrentCaller.PRINCIPAL_HEADER));
            }
        } else if (decision instanceof AccessDecision.Denied denied) {
            Response.ResponseBuilder refusal = Response.status(denied.status()).type(Problem.MEDIA_TYPE)
                    .entity(new Problem(denied.problemType(), denied.title(), denied.status(), denied.detail(), path,
                            null, null));
            if (denied.challenge() != null) {
                refusal.header(HttpHeaders.WWW_AUTHENTICATE, denied.challenge());
            }
            request.abortWith(refusal.build());
        }
    }
}
