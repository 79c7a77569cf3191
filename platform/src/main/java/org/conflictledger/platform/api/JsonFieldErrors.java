package org.conflictledger.platform.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Arrays;
import java.util.List;

/** The field a body could not be read at, and what its value must be, from Jackson's error. */
final class JsonFieldErrors {

    private JsonFieldErrors() {
    }

    static Problem.FieldError of(JsonMappingException e) {
        return new Problem.FieldError(fieldOf(e.getPath()), messageOf(e));
    }

    private static String messageOf(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has an invalid value";
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (yyyy-MM-dd)";
            case "Instant", "OffsetDateTime" -> "an instant (ISO 8601, e.g. 2020-11-09T21:00:00Z)";
            case "Period" -> "a period (ISO 8601, e.g. P5Y)";
            case "ZoneId" -> "a time zone (e.g. Europe/Moscow)";
            case "UUID" -> "a UUID";
            case "Double", "double", "Float", "float", "BigDecimal" -> "a number";
            case "Integer", "int", "Long", "long" -> "an integer";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants())
                    : List.class.isAssignableFrom(type) ? "an array" : "a " + type.getSimpleName();
        };
    }

    static String fieldOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
