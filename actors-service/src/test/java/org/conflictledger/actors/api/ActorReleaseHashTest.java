package org.conflictledger.actors.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.conflictledger.actors.domain.ActorExternalIdAdded;
import org.conflictledger.actors.domain.ActorRegistered;
import org.conflictledger.actors.domain.ActorRenamed;
import org.conflictledger.actors.domain.RelationshipDeclared;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.RelationshipKind;
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
 * The hash of a canonical export depends on the record alone, not on the database that keeps it: a fixed history
 * (fixed ids, times, values; recorded in 2020, before anything else this suite writes) gives the hash below. This
 * test runs in both of CI's database phases, H2 ({@code mvn verify}) and PostgreSQL ({@code -Ppostgres}), so the
 * same release cut on either names the same hash.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ActorReleaseHashTest {
    /** The canonical export of the history below as of {@link #AS_OF}, on either database. */
    static final String EXPECTED_HASH = "sha256:d4ebde037601a78ca3d59beaf69f60b6a8a3924e2e056bfc8f828c9395f78341";
    private static final Instant AS_OF = Instant.parse("2020-12-31T23:59:59.999999Z");
    private static final UUID ALPHA = UUID.fromString("0f0e0d0c-0000-4000-8000-00000000a001");
    private static final UUID BETA = UUID.fromString("0f0e0d0c-0000-4000-8000-00000000b002");

    @Inject
    AxonRuntime axon;

    @Test
    void aFixedHistoryHasTheSameCanonicalHashOnEitherDatabase() {
        publish(ALPHA, 0, "2020-03-01T10:00:00.123456Z", new ActorRegistered(ALPHA, "ZZHASHALPHA", "Hash Alpha",
                ActorKind.STATE, List.of("Alpha", "Älpha"), "TUR", null));
        publish(BETA, 0, "2020-03-02T11:30:00Z", new ActorRegistered(BETA, "ZZHASHBETA", "Hash Beta",
                ActorKind.ARMED_GROUP, List.of(), null, "Hash Alpha"));
        publish(BETA, 1, "2020-04-01T08:15:30.5Z", new ActorRenamed(BETA, "Hash Beta", "Hash Beta Brigade"));
        publish(ALPHA, 1, "2020-05-01T00:00:00.000001Z", new ActorExternalIdAdded(ALPHA, "wikidata", "Q999999991"));
        publish(ALPHA, 2, "2020-06-01T12:00:00Z", new RelationshipDeclared(ALPHA,
                UUID.fromString("0f0e0d0c-0000-4000-8000-0000000000c3"), RelationshipKind.SUPPORTS, BETA,
                Theater.SYRIA, LocalDate.parse("2020-01-01"), null, 0.85));
        // Recorded after AS_OF: not in the export.
        publish(BETA, 2, "2021-01-01T00:00:00Z", new ActorRenamed(BETA, "Hash Beta Brigade", "Renamed in 2021"));

        String export = given().queryParam("asOf", AS_OF.toString()).get("/api/v1/actors/exports/canonical").then()
                .statusCode(200).header("Ledger-Content-Hash", EXPECTED_HASH).extract().asString();
        // What the hash covers: the two actors of 2020 by key, Beta as renamed in 2020, Alpha with its id.
        String[] lines = export.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"key\":\"ZZHASHALPHA\"").contains("Q999999991");
        assertThat(lines[1]).contains("\"key\":\"ZZHASHBETA\"").contains("\"name\":\"Hash Beta Brigade\"");
    }

    private void publish(UUID actor, long sequence, String at, Object payload) {
        MetaData metaData = MetaData.from(Map.of(AuditMetadata.PRINCIPAL, "fixture@example.org",
                AuditMetadata.REASON, "a fixed history", AuditMetadata.CORRELATION_ID, "fixture-" + sequence));
        axon.eventStore().publish(new GenericDomainEventMessage<>("Actor", actor.toString(), sequence, payload,
                metaData, UUID.nameUUIDFromBytes((actor + "/" + sequence).getBytes()).toString(), Instant.parse(at)));
    }
}
