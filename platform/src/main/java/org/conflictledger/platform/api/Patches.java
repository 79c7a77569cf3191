package org.conflictledger.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.conflictledger.platform.api.Problem.FieldError;
import org.conflictledger.platform.axon.LedgerObjectMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Corrections as patches: the fields a correction body gives replace those of the record's current
 * body, the others stay. A field the body does not have, at any depth, or a value that does not
 * validate is a 400 naming it.
 */
@ApplicationScoped
public class Patches {
    private static final ObjectMapper JSON = LedgerObjectMapper.create();
    private static final ObjectMapper STRICT_JSON = StrictJson.strict(LedgerObjectMapper.create()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    private final Validator validator;

    Patches(Validator validator) {
        this.validator = validator;
    }

    /** {@code base} with the patch's top-level fields replacing its own, read back as a {@code type} and validated. */
    public <T> T patched(T base, ObjectNode patch, Class<T> type) {
        ObjectNode merged = JSON.valueToTree(base);
        Set<String> known = new HashSet<>();
        merged.fieldNames().forEachRemaining(known::add);
        List<FieldError> unknown = new ArrayList<>();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(new FieldError(name, "unknown field"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequest(unknown);
        }
        merged.setAll(patch);
        T corrected;
        try {
            corrected = STRICT_JSON.treeToValue(merged, type);
        } catch (JsonMappingException e) {
            throw new InvalidRequest(List.of(JsonFieldErrors.of(e)));
        } catch (JsonProcessingException e) {
            throw new InvalidRequest("body", "is not valid JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(corrected)) {
            errors.add(new FieldError(violation.getPropertyPath().toString().replace(".<list element>", ""),
                    violation.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return corrected;
    }
}
