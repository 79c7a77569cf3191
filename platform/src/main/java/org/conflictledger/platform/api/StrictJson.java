package org.conflictledger.platform.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Request bodies are read strictly, so that nothing a client sent is silently dropped or changed:
 * text after the JSON value is an error, and so is a fraction where a whole number is expected
 * (rather than being cut to one), and so is a value of another JSON type than the field's: a number
 * or boolean for a string or an enum, a string for a number or boolean, a number for a date or an
 * instant, an empty string for anything but a string. Only this mapper (Quarkus's, for request and
 * response bodies) and {@link Patches} are strict; stored events and published data are read as
 * they always were.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        strict(mapper);
    }

    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // A date with a time ("2020-11-09T21:00:00Z" for a day) is refused rather than cut to the day.
        mapper.setDefaultLeniency(false);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            refuse(mapper, type, CoercionInputShape.String, CoercionInputShape.EmptyString);
        }
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.OtherScalar, CoercionInputShape.EmptyString);
        // Instants and durations take epoch numbers whatever the coercion settings say.
        mapper.registerModule(new SimpleModule("strict-json").setDeserializerModifier(new TimesAsText()));
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
