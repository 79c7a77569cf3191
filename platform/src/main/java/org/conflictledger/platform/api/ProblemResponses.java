package org.conflictledger.platform.api;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem-document responses. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String kind, String title, String detail, String instance) {
        return build(new Problem(Problem.TYPE_PREFIX + kind, title, status, detail, instance, null, null));
    }

    public static Response invalid(String detail, String instance, List<Problem.FieldError> errors) {
        return build(new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400, detail, instance,
                null, errors));
    }

    public static Response ruleViolated(String rule, String detail, String instance) {
        return build(new Problem(Problem.TYPE_PREFIX + "rule-violation", "Business rule violated", 409, detail,
                instance, rule, null));
    }

    public static Response build(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
