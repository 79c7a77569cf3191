package org.conflictledger.platform.api;

import java.util.List;

/** A request that is well-formed but names something invalid (answered with 400 naming the fields). */
public class InvalidRequest extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public InvalidRequest(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public InvalidRequest(List<Problem.FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public String field() {
        return errors.isEmpty() ? "body" : errors.get(0).field();
    }
}
