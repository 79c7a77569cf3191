package org.conflictledger.platform.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.conflictledger.platform.axon.LedgerObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request bodies must give every value its JSON type; stored and published data is read as before. */
class StrictJsonTest {
    private static final ObjectMapper STRICT = StrictJson.strict(LedgerObjectMapper.create());

    enum Kind { STATE, GROUP }

    record Body(String name, Integer count, Double share, BigDecimal value, Boolean flag, Kind kind,
                LocalDate day, Instant at, Period period, UUID id, List<String> names) {
    }

    @Test
    void valuesOfTheirOwnJsonTypeAreRead() throws Exception {
        Body body = STRICT.readValue("""
                {"name": "Armenia", "count": 12, "share": 1, "value": 1960.5, "flag": false, "kind": "GROUP",
                 "day": "2020-11-10", "at": "2020-11-09T21:00:00Z", "period": "P5Y",
                 "id": "7f1e2b0c-58a4-4f7e-9d0e-3c2a1b4d5e6f", "names": ["a", "b"]}
                """, Body.class);
        assertThat(body.name()).isEqualTo("Armenia");
        assertThat(body.share()).isEqualTo(1.0);
        assertThat(body.kind()).isEqualTo(Kind.GROUP);
        assertThat(body.at()).isEqualTo(Instant.parse("2020-11-09T21:00:00Z"));
    }

    @Test
    void aValueOfAnotherJsonTypeIsRefusedNamingTheFieldAndTheTypeItMustBe() {
        refused("{\"name\": 123}", "name", "must be a string");
        refused("{\"name\": true}", "name", "must be a string");
        refused("{\"names\": [\"a\", 4.5]}", "names[1]", "must be a string");
        refused("{\"count\": \"12\"}", "count", "must be an integer");
        refused("{\"count\": 1.5}", "count", "must be an integer");
        refused("{\"count\": \"\"}", "count", "must be an integer");
        refused("{\"share\": \"0.8\"}", "share", "must be a number");
        refused("{\"value\": \"1960\"}", "value", "must be a number");
        refused("{\"flag\": \"true\"}", "flag", "must be true or false");
        refused("{\"flag\": 1}", "flag", "must be true or false");
        refused("{\"kind\": 0}", "kind", "must be one of [STATE, GROUP]");
        refused("{\"kind\": true}", "kind", "must be one of [STATE, GROUP]");
        refused("{\"day\": 18575}", "day", "must be a date");
        refused("{\"day\": \"2020-11-09T21:00:00Z\"}", "day", "must be a date");
        refused("{\"day\": \"\"}", "day", "must be a date");
        refused("{\"at\": 1604955600}", "at", "must be an instant");
        refused("{\"period\": 5}", "period", "must be a period");
        refused("{\"id\": \"\"}", "id", "must be a UUID");
    }

    @Test
    void theLedgersOwnMapperForStoredAndPublishedDataIsUnchanged() throws Exception {
        Body body = LedgerObjectMapper.create().readValue("{\"name\": 123, \"count\": \"12\"}", Body.class);
        assertThat(body.name()).isEqualTo("123");
        assertThat(body.count()).isEqualTo(12);
    }

    private static void refused(String json, String field, String message) {
        assertThatThrownBy(() -> STRICT.readValue(json, Body.class))
                .isInstanceOfSatisfying(JsonMappingException.class, e -> {
                    Problem.FieldError error = JsonFieldErrors.of(e);
                    assertThat(error.field()).as(json).isEqualTo(field);
                    assertThat(error.message()).as(json).startsWith(message);
                });
    }
}
