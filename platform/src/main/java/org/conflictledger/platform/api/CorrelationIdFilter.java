package org.conflictledger.platform.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request a correlation id (the client's, when it sent a sane one) and echoes it back. */
public class CorrelationIdFilter {
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(RequestHeaders.CORRELATION_ID);
        if (given == null || !SANE.matcher(given).matches()) {
            request.getHeaders().putSingle(RequestHeaders.CORRELATION_ID, UUID.randomUUID().toString());
        }
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getHeaderString(RequestHeaders.CORRELATION_ID);
        if (id != null) {
            response.getHeaders().putSingle(RequestHeaders.CORRELATION_ID, id);
        }
    }
}
