package org.conflictledger.platform.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.conflictledger.platform.axon.ReadModelClaimedElsewhere;
import org.conflictledger.platform.axon.RebuildNotFinished;
import org.conflictledger.platform.domain.RuleViolation;
import org.conflictledger.platform.messaging.ChangeTooLarge;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem document: 400 for bad syntax or values (naming
 * the field), 404 for unknown records, 409 for broken rules, concurrent writes and a rebuild
 * another replica must run, 412/428 for If-Match, 413 for a change too large to publish, 503 with Retry-After for a query
 * cancelled by its timeout or a rebuild still replaying, and 500 without internals for anything unexpected.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final int RETRY_AFTER_QUERY_TIMEOUT_SECONDS = 5;
    private static final int RETRY_AFTER_READ_MODELS_SECONDS = 5;
    private static final int RETRY_AFTER_REBUILD_SECONDS = 10;

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ProblemResponses.invalid(detail, path(uri), errors);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequest e, UriInfo uri) {
        String detail = e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ProblemResponses.invalid(detail, path(uri), e.errors());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response notFound(RecordNotFound e, UriInfo uri) {
        return ProblemResponses.of(404, "not-found", "Record not found", e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response ruleViolated(RuleViolation e, UriInfo uri) {
        return ProblemResponses.ruleViolated(e.rule(), e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response tooLarge(ChangeTooLarge e, UriInfo uri) {
        return ProblemResponses.of(413, "change-too-large", "Change too large to publish", e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response precondition(PreconditionFailed e, UriInfo uri) {
        return ProblemResponses.of(e.status(), e.status() == 412 ? "stale-version" : "if-match-required",
                e.status() == 412 ? "Stale version" : "Precondition required", e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response queryTimedOut(QueryTimedOut e, UriInfo uri) {
        LOG.warnf("Query cancelled after the query timeout on %s", path(uri));
        return Response.fromResponse(ProblemResponses.of(503, "query-timeout", "Query took too long",
                e.getMessage(), path(uri))).header("Retry-After", RETRY_AFTER_QUERY_TIMEOUT_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response claimedElsewhere(ReadModelClaimedElsewhere e, UriInfo uri) {
        return ProblemResponses.of(409, "read-model-claimed", "Read model processed by another replica",
                e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response rebuildNotFinished(RebuildNotFinished e, UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(503, "rebuild-not-finished", "Rebuild still replaying",
                e.getMessage(), path(uri))).header("Retry-After", RETRY_AFTER_REBUILD_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response historyNotBuilt(HistoryNotBuilt e, UriInfo uri) {
        return ProblemResponses.of(503, "history-not-built", "Past states not kept yet", e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response readModelsBehind(ReadModelsBehind e, UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(503, "read-models-behind", "Read models not caught up yet",
                e.getMessage(), path(uri))).header("Retry-After", RETRY_AFTER_READ_MODELS_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        JsonProcessingException json = causeOfType(e, JsonProcessingException.class);
        if (json != null) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        return ProblemResponses.of(status, title.toLowerCase().replace(' ', '-'), title, e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RuleViolation violation) {
            return ruleViolated(violation, uri);
        }
        if (cause instanceof ChangeTooLarge tooLarge) {
            return tooLarge(tooLarge, uri);
        }
        if (cause instanceof AggregateNotFoundException) {
            return ProblemResponses.of(404, "not-found", "Record not found", "No such record", path(uri));
        }
        if (cause instanceof ConflictingAggregateVersionException) {
            return ProblemResponses.of(412, "stale-version", "Stale version",
                    "The record has changed since the version named in If-Match; read it again", path(uri));
        }
        if (cause instanceof ConcurrencyException) {
            return ProblemResponses.of(409, "concurrent-write", "Concurrent write",
                    "Another write to this record was recorded at the same moment; read it again and retry", path(uri));
        }
        LOG.errorf(e, "Unexpected failure on %s", path(uri));
        return ProblemResponses.of(500, "internal", "Internal error",
                "The request could not be completed; it has been logged", path(uri));
    }

    private Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return ProblemResponses.invalid("The request body is not valid JSON", path(uri),
                    List.of(new Problem.FieldError("body", "malformed JSON")));
        }
        Problem.FieldError error = JsonFieldErrors.of(mapping);
        return ProblemResponses.invalid(error.field() + ": " + error.message(), path(uri), List.of(error));
    }

    /** The field a violation names, without the method and body parameter names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            boolean element = node.getKind() == ElementKind.CONTAINER_ELEMENT;
            if (node.getIndex() != null && !names.isEmpty()) {
                // sources[0].title, or aliases[1] for an element of a list of plain values
                String list = names.remove(names.size() - 1) + "[" + node.getIndex() + "]";
                names.add(element ? list : list + "." + node.getName());
            } else if (!element) {
                names.add(node.getName());
            }
        }
        // [method, parameter, field...]: a body's fields are named without the parameter.
        if (names.size() > 2) {
            return String.join(".", names.subList(2, names.size()));
        }
        return names.isEmpty() ? "body" : names.get(names.size() - 1);
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
