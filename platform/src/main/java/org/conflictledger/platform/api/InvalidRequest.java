package org.conflictledger.platform.api;

/** A request that is well-formed but names something invalid (answered with 400 naming the field). */
public class InvalidRequest extends RuntimeException {
    private final String field;

    public InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
