package org.conflictledger.agreements.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.agreements.domain.AgreementTestData.AGDAM_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.ARMENIA;
import static org.conflictledger.agreements.domain.AgreementTestData.AZERBAIJAN;
import static org.conflictledger.agreements.domain.AgreementTestData.CEASEFIRE_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.DEC_12_2020;
import static org.conflictledger.agreements.domain.AgreementTestData.DEC_1_2020;
import static org.conflictledger.agreements.domain.AgreementTestData.OTHER_AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.OTHER_VIOLATION;
import static org.conflictledger.agreements.domain.AgreementTestData.PEACEKEEPING_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.TURKEY;
import static org.conflictledger.agreements.domain.AgreementTestData.VIOLATION;
import static org.conflictledger.agreements.domain.AgreementTestData.agdamAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.assessed;
import static org.conflictledger.agreements.domain.AgreementTestData.ceasefireAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.peacekeepingAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.recorded;
import static org.conflictledger.agreements.domain.AgreementTestData.violated;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.serialization.Revision;
import org.conflictledger.agreements.domain.TermCondition.ConditionKind;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.ComplianceStatus;
import org.conflictledger.platform.axon.LedgerObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Without a fixture: an {@link Agreement} and its {@link AgreementState} survive a Jackson round trip
 * with the ledger's mapper (what a snapshot is), and so does every event.
 */
class AgreementJsonTest {

    private static final ObjectMapper MAPPER = LedgerObjectMapper.create();

    private static final Instant APR_1_2025 = Instant.parse("2025-04-01T00:00:00Z");
    private static final Instant SUSPENDED_AT = Instant.parse("2021-03-01T00:00:00Z");

    /** Every kind of event, in an order the aggregate could have produced them. */
    static List<Object> history() {
        return List.of(
                recorded(),
                new AgreementCorrected(AGREEMENT, AgreementDetailsBuilder.trilateralStatement().witnesses(TURKEY)
                        .complements(OTHER_AGREEMENT).build(), List.of("complements", "witnesses")),
                ceasefireAdded(),
                agdamAdded(),
                peacekeepingAdded(),
                new TermCorrected(AGREEMENT, PEACEKEEPING_TERM, TermDetailsBuilder.peacekeeping()
                        .conditions(new TermCondition(ConditionKind.IN_PARALLEL_WITH, AGDAM_TERM)).build(),
                        List.of("conditions")),
                assessed(AGDAM_TERM, 0, ComplianceStatus.FULFILLED, Instant.parse("2020-11-20T12:00:00Z"),
                        new Evidence(OTHER_VIOLATION, "Troops left Agdam")),
                new ViolationEvidenceRecorded(AGREEMENT, VIOLATION, CEASEFIRE_TERM, "1", DEC_1_2020),
                violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020),
                new ViolationEvidenceRecorded(AGREEMENT, OTHER_VIOLATION, null, "article 12", DEC_12_2020),
                new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(0)),
                new TermRenewalObjected(AGREEMENT, PEACEKEEPING_TERM, AZERBAIJAN, APR_1_2025),
                new AgreementStatusChanged(AGREEMENT, AgreementStatus.IN_FORCE, AgreementStatus.SUSPENDED,
                        SUSPENDED_AT));
    }

    private static Agreement agreementBuiltFromEvents() {
        Agreement agreement = new Agreement();
        history().forEach(agreement::on);
        return agreement;
    }

    private static AgreementState stateBuiltFromEvents() {
        return AgreementTestData.stateOf(history().toArray());
    }

    @Test
    void anAgreementReadBackFromJsonHasTheSameState() throws Exception {
        String json = MAPPER.writeValueAsString(agreementBuiltFromEvents());

        Agreement readBack = MAPPER.readValue(json, Agreement.class);

        assertThat(MAPPER.writeValueAsString(readBack)).isEqualTo(json);
        JsonNode tree = MAPPER.readTree(json);
        assertThat(tree.path("agreementId").asText()).isEqualTo(AGREEMENT.toString());
        JsonNode state = tree.path("state");
        assertThat(state.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(state.path("details").path("inForceAt").asText()).isEqualTo("2020-11-09T21:00:00Z");
        assertThat(state.path("details").path("witnesses")).hasSize(1);
        assertThat(state.path("terms")).hasSize(3);
        assertThat(state.path("violations")).hasSize(2);
        assertThat(state.path("statusChanges")).hasSize(1);
    }

    @Test
    void theStateInAnAgreementsSnapshotIsTheStateItsEventsLeave() throws Exception {
        Agreement readBack = MAPPER.readValue(MAPPER.writeValueAsString(agreementBuiltFromEvents()), Agreement.class);
        // The aggregate hides its state; read the state it holds back on its own and compare.
        AgreementState state = MAPPER.readValue(MAPPER.writeValueAsString(MAPPER.readTree(
                MAPPER.writeValueAsString(readBack)).path("state")), AgreementState.class);

        assertThat(MAPPER.writeValueAsString(state)).isEqualTo(MAPPER.writeValueAsString(stateBuiltFromEvents()));
        assertThat(state).isEqualTo(stateBuiltFromEvents());
    }

    @Test
    void aStateReadBackFromJsonHasTheSameStateAndReadsTheSame() throws Exception {
        AgreementState original = stateBuiltFromEvents();
        String json = MAPPER.writeValueAsString(original);

        AgreementState readBack = MAPPER.readValue(json, AgreementState.class);

        assertThat(MAPPER.writeValueAsString(readBack)).isEqualTo(json);
        assertThat(readBack).isEqualTo(original).hasSameHashCodeAs(original);
        assertThat(readBack.agreementId()).isEqualTo(AGREEMENT);
        assertThat(readBack.details()).isEqualTo(original.details());
        assertThat(readBack.status()).isEqualTo(AgreementStatus.SUSPENDED);
        assertThat(readBack.statusChanges()).isEqualTo(original.statusChanges());
        assertThat(readBack.violations()).isEqualTo(original.violations());
        assertThat(readBack.activeViolation(VIOLATION)).isEmpty();
        assertThat(readBack.activeViolation(OTHER_VIOLATION)).isPresent();
        assertThat(readBack.inForceAt(Instant.parse("2021-01-01T00:00:00Z"))).isTrue();
        assertThat(readBack.inForceAt(Instant.parse("2021-04-01T00:00:00Z"))).isFalse();
        assertThat(readBack.zone()).isEqualTo(original.zone());
        assertThat(readBack.terms()).extracting(TermState::termId)
                .containsExactly(CEASEFIRE_TERM, AGDAM_TERM, PEACEKEEPING_TERM);
        for (TermState term : original.terms()) {
            TermState copy = readBack.term(term.termId()).orElseThrow();
            assertThat(copy.details()).isEqualTo(term.details());
            assertThat(copy.assessments()).isEqualTo(term.assessments());
            assertThat(copy.objections()).isEqualTo(term.objections());
            assertThat(copy.compliance()).isEqualTo(term.compliance());
        }
        assertThat(readBack.term(CEASEFIRE_TERM).orElseThrow().assessments()).singleElement()
                .satisfies(a -> assertThat(a.withdrawn()).isTrue());
        TermSchedule schedule = TermSchedule.of(readBack, readBack.term(PEACEKEEPING_TERM).orElseThrow(),
                Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(schedule.state()).isEqualTo(TermSchedule.EXPIRED);
        assertThat(schedule.expiresAt()).isEqualTo(Instant.parse("2025-11-09T21:00:00Z"));
    }

    @Test
    void periodsAreWrittenAsIsoText() throws Exception {
        JsonNode duration = MAPPER.readTree(MAPPER.writeValueAsString(stateBuiltFromEvents()))
                .path("terms").get(2).path("details").path("duration");

        assertThat(duration.path("period").asText()).isEqualTo("P5Y");
        assertThat(duration.path("noticePeriod").asText()).isEqualTo("P6M");
    }

    static Stream<Object> everyEvent() {
        return Stream.concat(history().stream(), Stream.of(
                new AgreementRecorded(AGREEMENT, AgreementDetailsBuilder.bareDraft().build(), AgreementStatus.DRAFT),
                new ViolationEvidenceWithdrawn(AGREEMENT, OTHER_VIOLATION, null, List.of()),
                new TermAdded(AGREEMENT, AGDAM_TERM, TermDetailsBuilder.agdam().obligated(ARMENIA).build())));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventIsReadBackFromJsonEqualAndHasARevision(Object event) throws Exception {
        String json = MAPPER.writeValueAsString(event);

        assertThat(MAPPER.readValue(json, event.getClass())).isEqualTo(event);
        assertThat(MAPPER.readTree(json).path("agreementId").asText()).isEqualTo(AGREEMENT.toString());
        Revision revision = event.getClass().getAnnotation(Revision.class);
        assertThat(revision).as(event.getClass() + " has a @Revision").isNotNull();
        assertThat(revision.value()).isEqualTo("1");
    }
}
