package org.conflictledger.gateway.routing;

import io.vertx.core.json.JsonObject;

/** A parameter or field the gateway does not understand, as a problem document's {@code errors[]} names it. */
public record FieldError(String field, String message) {

    public JsonObject json() {
        return new JsonObject().put("field", field).put("message", message);
    }
}
