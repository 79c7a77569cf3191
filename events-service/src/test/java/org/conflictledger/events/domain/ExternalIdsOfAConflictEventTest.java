package org.conflictledger.events.domain;

import static org.conflictledger.events.domain.ConflictEventTestData.EVENT;
import static org.conflictledger.events.domain.ConflictEventTestData.fixture;
import static org.conflictledger.events.domain.ConflictEventTestData.violates;
import static org.conflictledger.events.domain.DetailsBuilder.idlibAirstrike;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.ExternalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A conflict event's identifiers in other datasets: ACLED's and UCDP GED's kept in their own fields whether named there
 * or in the list, the others checked and sorted.
 */
class ExternalIdsOfAConflictEventTest {
    private static final ExternalId WIKIDATA = new ExternalId("wikidata", "Q42");
    private static final ExternalId OWN_SCHEME = new ExternalId("field-notes", "FN-2020-03-05");

    private FixtureConfiguration<ConflictEvent> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void theAcledAndGedIdsOfTheListGoToTheirFieldsAndTheOthersAreSorted() {
        fixture.givenNoPriorActivity()
                .when(new ReportConflictEvent(EVENT, idlibAirstrike().acledEventId(null).externalIds(WIKIDATA,
                        new ExternalId("acled", "SYR123456"), OWN_SCHEME, new ExternalId("ucdp-ged", "301234"), WIKIDATA)
                        .build()))
                .expectEvents(new ConflictEventReported(EVENT, idlibAirstrike().acledEventId("SYR123456")
                        .ucdpGedId("301234").externalIds(OWN_SCHEME, WIKIDATA).build()));
    }

    @Test
    void everyIdOfTheEventIsListedInOneOrder() {
        ConflictEventDetails details = idlibAirstrike().ucdpGedId("301234").externalIds(OWN_SCHEME, WIKIDATA).build();
        assertThat(ConflictEventRules.externalIds(details)).containsExactly(new ExternalId("acled", "SYR123456"),
                OWN_SCHEME, new ExternalId("ucdp-ged", "301234"), WIKIDATA);
    }

    @Test
    void anAcledIdInTheListMustAgreeWithTheField() {
        fixture.givenNoPriorActivity()
                .when(new ReportConflictEvent(EVENT, idlibAirstrike().externalIds(new ExternalId("acled", "SYR999"))
                        .build()))
                .expectNoEvents()
                .expectException(violates(ConflictEventRules.EXTERNAL_ID_INVALID));
    }

    @Test
    void anIdThatBreaksItsSchemesRuleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ReportConflictEvent(EVENT, idlibAirstrike().externalIds(new ExternalId("wikidata", "42"))
                        .build()))
                .expectNoEvents()
                .expectException(violates(ConflictEventRules.EXTERNAL_ID_INVALID));
    }

    @Test
    void atMostFiftyOtherIdsAreKept() {
        List<ExternalId> many = IntStream.rangeClosed(1, 51).mapToObj(i -> new ExternalId("wikidata", "Q" + i)).toList();
        fixture.givenNoPriorActivity()
                .when(new ReportConflictEvent(EVENT, idlibAirstrike().externalIds(many.toArray(ExternalId[]::new))
                        .build()))
                .expectNoEvents()
                .expectException(violates(ConflictEventRules.EXTERNAL_IDS_TOO_MANY));
    }
}
