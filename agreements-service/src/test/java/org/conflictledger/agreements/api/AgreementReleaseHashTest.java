package org.conflictledger.agreements.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.conflictledger.agreements.domain.AgreementCorrected;
import org.conflictledger.agreements.domain.AgreementDetails;
import org.conflictledger.agreements.domain.AgreementRecorded;
import org.conflictledger.agreements.domain.TermAdded;
import org.conflictledger.agreements.domain.TermDetails;
import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.TermCategory;
import org.conflictledger.contracts.Theater;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
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
 * The hash of the agreements' canonical export depends on the record alone, not on the database: a fixed history
 * (fixed ids, times and values: a signed statement in force in a named time zone with a term and external ids, and an
 * unsigned draft; recorded in 2020, before anything else this suite writes) gives the hash below, in both of CI's
 * database phases, H2 and PostgreSQL.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class AgreementReleaseHashTest {
    static final String EXPECTED_HASH = "sha256:9a10b0c36d5288c3119e9e8a0f17ad535d8ffd201fc4ed7d4927d2ae70c4dd2a";
    private static final Instant AS_OF = Instant.parse("2020-12-31T23:59:59.999999Z");
    private static final UUID STATEMENT = UUID.fromString("0f0e0d0c-0000-4000-8000-00000000a001");
    private static final UUID DRAFT = UUID.fromString("0f0e0d0c-0000-4000-8000-00000000a002");
    private static final UUID TERM = UUID.fromString("0f0e0d0c-0000-4000-8000-00000000b001");
    private static final UUID AZE = UUID.fromString("0f0e0d0c-0000-4000-8000-0000000a0001");
    private static final UUID ARM = UUID.fromString("0f0e0d0c-0000-4000-8000-0000000a0002");
    private static final UUID RUS = UUID.fromString("0f0e0d0c-0000-4000-8000-0000000a0003");

    @Inject
    AxonRuntime axon;

    @Test
    void aFixedHistoryHasTheSameCanonicalHashOnEitherDatabase() {
        AgreementDetails statement = new AgreementDetails("Statement of 9 November 2020 (ünïcode)",
                AgreementKind.CEASEFIRE, Theater.NAGORNO_KARABAKH, LocalDate.parse("2020-11-09"), "Moscow",
                Instant.parse("2020-11-09T21:00:00Z"), "Europe/Moscow", List.of(AZE, ARM, RUS), List.of(), List.of(),
                List.of(), "2240", List.of(new ExternalId("wikidata", "Q100000001")));
        publish(STATEMENT, 0, "2020-11-10T08:00:00.654321Z", new AgreementRecorded(STATEMENT, statement,
                AgreementStatus.IN_FORCE));
        publish(STATEMENT, 1, "2020-11-10T09:00:00.1Z", new TermAdded(STATEMENT, TERM, new TermDetails(1, "6",
                "The Kalbajar District shall be returned to the Republic of Azerbaijan",
                TermCategory.TERRITORIAL_TRANSFER, List.of(ARM), List.of(AZE), LocalDate.parse("2020-11-15"), null,
                List.of(), List.of())));
        publish(DRAFT, 0, "2020-12-01T00:00:00Z", new AgreementRecorded(DRAFT, new AgreementDetails("A draft",
                AgreementKind.MEMORANDUM, Theater.NAGORNO_KARABAKH, null, null, null, "UTC", List.of(), List.of(),
                List.of(), List.of(), null, List.of()), AgreementStatus.DRAFT));
        // Recorded after AS_OF: not in the export.
        publish(STATEMENT, 2, "2021-02-01T00:00:00Z", new AgreementCorrected(STATEMENT, new AgreementDetails(
                "Statement, corrected", AgreementKind.CEASEFIRE, Theater.NAGORNO_KARABAKH, LocalDate.parse("2020-11-09"),
                "Moscow", Instant.parse("2020-11-09T21:00:00Z"), "Europe/Moscow", List.of(AZE, ARM, RUS), List.of(),
                List.of(), List.of(), "2240", List.of()), List.of("externalIds", "title")));

        String export = given().queryParam("asOf", AS_OF.toString()).get("/api/v1/agreements/exports/canonical").then()
                .statusCode(200).header("Ledger-Content-Hash", EXPECTED_HASH).extract().asString();
        // What the hash covers: the statement before its correction with its term, then the unsigned draft.
        String[] lines = export.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"id\":\"" + STATEMENT + "\"").contains("(ünïcode)")
                .contains("\"externalIds\":[{\"scheme\":\"pax\",\"value\":\"2240\"},"
                        + "{\"scheme\":\"wikidata\",\"value\":\"Q100000001\"}]")
                .contains("\"id\":\"" + TERM + "\"");
        assertThat(lines[1]).contains("\"id\":\"" + DRAFT + "\"").contains("\"status\":\"DRAFT\"");
    }

    private void publish(UUID agreement, long sequence, String at, Object payload) {
        MetaData metaData = MetaData.from(Map.of(AuditMetadata.PRINCIPAL, "fixture@example.org",
                AuditMetadata.REASON, "a fixed history", AuditMetadata.CORRELATION_ID, "fixture-" + sequence));
        axon.eventStore().publish(new GenericDomainEventMessage<>("Agreement", agreement.toString(), sequence, payload,
                metaData, UUID.nameUUIDFromBytes((agreement + "/" + sequence).getBytes()).toString(), Instant.parse(at)));
    }
}
