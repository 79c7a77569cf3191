package org.conflictledger.events.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.Theater;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.events.domain.Citation;
import org.conflictledger.events.domain.ConflictEventCorrected;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.conflictledger.events.domain.ConflictEventReported;
import org.conflictledger.events.domain.ConflictEventRetracted;
import org.conflictledger.events.domain.Fatalities;
import org.conflictledger.events.domain.InvolvedActor;
import org.conflictledger.events.domain.Location;
import org.conflictledger.platform.audit.AuditMetadata;
import org.conflictledger.platform.axon.AxonRuntime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash of the events' canonical export depends on the record alone, not on the database: a fixed history (fixed
 * ids, times and values, coordinates and a confidence among them; recorded in 2020, before anything else this suite
 * writes) gives the hash below, in both of CI's database phases, H2 and PostgreSQL.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ConflictEventReleaseHashTest {
    static final String EXPECTED_HASH = "sha256:a4fd5ebad48004cba13df9a5743528c39115b0259b69e69a9aa1a1041053b8df";
    private static final Instant AS_OF = Instant.parse("2020-12-31T23:59:59.999999Z");
    private static final UUID SHUSHA = UUID.fromString("0f0e0d0c-0000-4000-8000-0000000e0001");
    private static final UUID HADRUT = UUID.fromString("0f0e0d0c-0000-4000-8000-0000000e0002");
    private static final UUID LATER = UUID.fromString("0f0e0d0c-0000-4000-8000-0000000e0003");
    private static final UUID AZE = UUID.fromString("0f0e0d0c-0000-4000-8000-0000000a0001");
    private static final UUID ARM = UUID.fromString("0f0e0d0c-0000-4000-8000-0000000a0002");

    @Inject
    AxonRuntime axon;

    @Test
    void aFixedHistoryHasTheSameCanonicalHashOnEitherDatabase() {
        ConflictEventDetails shusha = details("2020-11-08", "Shusha", 39.7647, 46.7486, new Fatalities(10, 12, 20), 0.7,
                "AZE8001");
        publish(SHUSHA, 0, "2020-11-09T08:00:00.654321Z", new ConflictEventReported(SHUSHA, shusha));
        publish(HADRUT, 0, "2020-10-10T09:00:00Z", new ConflictEventReported(HADRUT,
                details("2020-10-09", "Hadrut", 39.52, 47.03, new Fatalities(null, 3, null), null, null)));
        publish(SHUSHA, 1, "2020-11-20T10:00:00.1Z", new ConflictEventCorrected(SHUSHA,
                details("2020-11-08", "Shusha", 39.7647, 46.7486, new Fatalities(15, 18, 30), 0.8, "AZE8001"),
                List.of("fatalities", "confidence")));
        // Recorded after AS_OF: not in the export.
        publish(HADRUT, 1, "2021-02-01T00:00:00Z", new ConflictEventRetracted(HADRUT));
        publish(LATER, 0, "2021-03-01T00:00:00Z", new ConflictEventReported(LATER,
                details("2020-10-01", "Lachin", null, null, new Fatalities(1, 1, 1), null, null)));

        String export = given().queryParam("asOf", AS_OF.toString()).get("/api/v1/events/exports/canonical").then()
                .statusCode(200).header("Ledger-Content-Hash", EXPECTED_HASH).extract().asString();
        // What the hash covers: the two events of 2020, oldest first, Shusha as corrected, Hadrut not yet retracted.
        String[] lines = export.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"id\":\"" + HADRUT + "\"").contains("\"status\":\"REPORTED\"");
        assertThat(lines[1]).contains("\"id\":\"" + SHUSHA + "\"").contains("\"best\":18")
                .contains("\"latitude\":39.7647").contains("\"externalIds\":[{\"scheme\":\"acled\",\"value\":\"AZE8001\"},"
                        + "{\"scheme\":\"wikidata\",\"value\":\"Q100000002\"}]");
    }

    private static ConflictEventDetails details(String date, String place, Double latitude, Double longitude,
                                                Fatalities fatalities, Double confidence, String acledEventId) {
        return new ConflictEventDetails(Theater.NAGORNO_KARABAKH, ConflictEventType.BATTLE, null,
                LocalDate.parse(date), DatePrecision.DAY, null,
                new Location(place, "Karabakh", null, null, "Azerbaijan", latitude, longitude,
                        latitude == null ? null : GeoPrecision.EXACT),
                List.of(new InvolvedActor(AZE, ActorRole.PERPETRATOR), new InvolvedActor(ARM, ActorRole.TARGET)),
                fatalities, "Fighting near " + place + " (ünïcode)", confidence, null, null, null,
                List.of(new Citation("Ministry statement", "MoD", "https://example.org/a", LocalDate.parse(date))),
                acledEventId, null, acledEventId == null ? List.of() : List.of(new ExternalId("wikidata", "Q100000002")));
    }

    private void publish(UUID event, long sequence, String at, Object payload) {
        MetaData metaData = MetaData.from(Map.of(AuditMetadata.PRINCIPAL, "fixture@example.org",
                AuditMetadata.REASON, "a fixed history", AuditMetadata.CORRELATION_ID, "fixture-" + sequence));
        axon.eventStore().publish(new GenericDomainEventMessage<>("ConflictEvent", event.toString(), sequence, payload,
                metaData, UUID.nameUUIDFromBytes((event + "/" + sequence).getBytes()).toString(), Instant.parse(at)));
    }
}
