package org.conflictledger.events.domain;

import static org.conflictledger.events.domain.ConflictEventTestData.EVENT;
import static org.conflictledger.events.domain.ConflictEventTestData.airstrikeReported;
import static org.conflictledger.events.domain.ConflictEventTestData.fixture;
import static org.conflictledger.events.domain.ConflictEventTestData.violates;
import static org.conflictledger.events.domain.DetailsBuilder.idlibAirstrike;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lifecycle: reported → confirmed / disputed (either way round, as often as it turns) → retracted. */
class ConfirmingDisputingAndRetractingTest {

    private FixtureConfiguration<ConflictEvent> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** Every command to an existing event, with the event it produces on a freshly reported one. */
    static Stream<Arguments> everyChangeAndItsEvent() {
        DetailsBuilder corrected = idlibAirstrike().fatalities(34, 34, 34);
        return Stream.of(
                arguments(new CorrectConflictEvent(EVENT, null, corrected.build()),
                        new ConflictEventCorrected(EVENT, corrected.build(), List.of("fatalities"))),
                arguments(new ConfirmConflictEvent(EVENT, null), new ConflictEventConfirmed(EVENT)),
                arguments(new DisputeConflictEvent(EVENT, null), new ConflictEventDisputed(EVENT)),
                arguments(new RetractConflictEvent(EVENT, null), new ConflictEventRetracted(EVENT)));
    }

    static Stream<Object> everyChange() {
        return everyChangeAndItsEvent().map(arguments -> arguments.get()[0]);
    }

    @ParameterizedTest
    @MethodSource("everyChangeAndItsEvent")
    void aReportedEventAcceptsEveryChange(Object command, Object event) {
        fixture.given(airstrikeReported())
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(event);
    }

    /** Also shows a retracted event is kept, not deleted: a deleted one could not be loaded to say so. */
    @ParameterizedTest
    @MethodSource("everyChange")
    void aRetractedEventAcceptsNoChange(Object command) {
        fixture.given(airstrikeReported(), new ConflictEventRetracted(EVENT))
                .when(command)
                .expectNoEvents()
                .expectException(violates(ConflictEventRules.EVENT_RETRACTED));
    }

    @Test
    void aRetractedEventAcceptsNoChangeEvenToWhatItAlreadyIs() {
        fixture.given(airstrikeReported(), new ConflictEventRetracted(EVENT))
                .when(new CorrectConflictEvent(EVENT, null, idlibAirstrike().build()))
                .expectNoEvents()
                .expectException(violates(ConflictEventRules.EVENT_RETRACTED));
        fixture.given(airstrikeReported(), new ConflictEventConfirmed(EVENT), new ConflictEventRetracted(EVENT))
                .when(new ConfirmConflictEvent(EVENT, null))
                .expectNoEvents()
                .expectException(violates(ConflictEventRules.EVENT_RETRACTED));
        fixture.given(airstrikeReported(), new ConflictEventDisputed(EVENT), new ConflictEventRetracted(EVENT))
                .when(new DisputeConflictEvent(EVENT, null))
                .expectNoEvents()
                .expectException(violates(ConflictEventRules.EVENT_RETRACTED));
    }

    // --- confirm and dispute

    @Test
    void confirmingAnEventRecordsIt() {
        fixture.given(airstrikeReported())
                .when(new ConfirmConflictEvent(EVENT, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConflictEventConfirmed(EVENT));
    }

    @Test
    void confirmingAConfirmedEventChangesNothing() {
        fixture.given(airstrikeReported(), new ConflictEventConfirmed(EVENT))
                .when(new ConfirmConflictEvent(EVENT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void disputingAnEventRecordsIt() {
        fixture.given(airstrikeReported())
                .when(new DisputeConflictEvent(EVENT, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConflictEventDisputed(EVENT));
    }

    @Test
    void disputingADisputedEventChangesNothing() {
        fixture.given(airstrikeReported(), new ConflictEventDisputed(EVENT))
                .when(new DisputeConflictEvent(EVENT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aConfirmedEventCanBeDisputed() {
        fixture.given(airstrikeReported(), new ConflictEventConfirmed(EVENT))
                .when(new DisputeConflictEvent(EVENT, null))
                .expectEvents(new ConflictEventDisputed(EVENT));
    }

    @Test
    void aDisputedEventCanBeConfirmed() {
        fixture.given(airstrikeReported(), new ConflictEventDisputed(EVENT))
                .when(new ConfirmConflictEvent(EVENT, null))
                .expectEvents(new ConflictEventConfirmed(EVENT));
    }

    @Test
    void theStatusFollowsTheLatestConfirmationOrDispute() {
        fixture.given(airstrikeReported(), new ConflictEventConfirmed(EVENT), new ConflictEventDisputed(EVENT))
                .when(new ConfirmConflictEvent(EVENT, null))
                .expectEvents(new ConflictEventConfirmed(EVENT));
        fixture.given(airstrikeReported(), new ConflictEventDisputed(EVENT), new ConflictEventConfirmed(EVENT))
                .when(new ConfirmConflictEvent(EVENT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- retract

    @Test
    void retractingAnEventRecordsIt() {
        fixture.given(airstrikeReported())
                .when(new RetractConflictEvent(EVENT, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConflictEventRetracted(EVENT));
    }

    @Test
    void aConfirmedOrDisputedEventCanBeRetracted() {
        fixture.given(airstrikeReported(), new ConflictEventConfirmed(EVENT))
                .when(new RetractConflictEvent(EVENT, null))
                .expectEvents(new ConflictEventRetracted(EVENT));
        fixture.given(airstrikeReported(), new ConflictEventDisputed(EVENT))
                .when(new RetractConflictEvent(EVENT, null))
                .expectEvents(new ConflictEventRetracted(EVENT));
    }

    @Test
    void anEventIsRetractedOnlyOnce() {
        fixture.given(airstrikeReported(), new ConflictEventRetracted(EVENT))
                .when(new RetractConflictEvent(EVENT, null))
                .expectNoEvents()
                .expectException(violates(ConflictEventRules.EVENT_RETRACTED));
    }

    // --- versions

    @Test
    void aCommandNamingTheCurrentVersionIsAccepted() {
        fixture.given(airstrikeReported(), new ConflictEventDisputed(EVENT))
                .when(new ConfirmConflictEvent(EVENT, 1L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConflictEventConfirmed(EVENT));
    }

    @Test
    void aCommandNamingAnOlderVersionIsRefused() {
        fixture.given(airstrikeReported(), new ConflictEventDisputed(EVENT))
                .when(new ConfirmConflictEvent(EVENT, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }
}
