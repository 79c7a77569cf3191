package org.conflictledger.gateway.routing;

import io.vertx.core.json.JsonArray;

import java.util.List;

/** A request the gateway answers itself with a 400 naming every parameter or field at fault. */
public final class InvalidInput extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The problem document's {@code errors}. */
    public JsonArray json() {
        JsonArray array = new JsonArray();
        errors.forEach(error -> array.add(error.json()));
        return array;
    }

    /** The problem document's {@code detail}: every error, one after the other. */
    public String detail() {
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }
}
