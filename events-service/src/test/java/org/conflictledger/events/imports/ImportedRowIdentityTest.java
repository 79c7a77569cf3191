package org.conflictledger.events.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.domain.Citation;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.conflictledger.events.domain.Fatalities;
import org.conflictledger.events.domain.InvolvedActor;
import org.conflictledger.events.domain.Location;
import org.conflictledger.platform.axon.LedgerObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An imported row's event id stays what it was before events had {@code externalIds}: a file imported before an
 * upgrade and again after it names the same events.
 */
class ImportedRowIdentityTest {
    private static final ObjectMapper JSON = LedgerObjectMapper.create();

    @Test
    void aRowWithoutAnAcledIdNamesTheEventItNamedBeforeExternalIdsExisted() throws Exception {
        ConflictEventDetails row = row(List.of());
        String written = JSON.writeValueAsString(row);
        assertThat(written).endsWith(",\"externalIds\":[]}");
        // What the details looked like, written, before the property existed.
        String before = written.replace(",\"externalIds\":[]}", "}");

        assertThat(ImportedRowIdentity.of(row)).isEqualTo(
                UUID.nameUUIDFromBytes(("conflict-ledger:import:row:" + before).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void otherIdsMakeAnotherRowAndAnAcledIdNamesTheRowAlone() {
        assertThat(ImportedRowIdentity.of(row(List.of(new ExternalId("wikidata", "Q42")))))
                .isNotEqualTo(ImportedRowIdentity.of(row(List.of())));
        ConflictEventDetails acled = new ConflictEventDetails(Theater.SYRIA, ConflictEventType.BATTLE, null,
                LocalDate.parse("2020-02-27"), DatePrecision.DAY, null, null, List.of(), null, null, null, null, null,
                null, List.of(), "SYR1", null, List.of());
        assertThat(ImportedRowIdentity.of(acled)).isEqualTo(
                UUID.nameUUIDFromBytes("conflict-ledger:import:acled:SYR1".getBytes(StandardCharsets.UTF_8)));
    }

    private static ConflictEventDetails row(List<ExternalId> externalIds) {
        return new ConflictEventDetails(Theater.SYRIA, ConflictEventType.EXPLOSION_REMOTE_VIOLENCE, null,
                LocalDate.parse("2020-02-27"), DatePrecision.DAY, null,
                new Location("Balyun", "Idlib", null, null, "Syria", 35.63, 36.55, null),
                List.of(new InvolvedActor(UUID.fromString("0f0e0d0c-0000-4000-8000-0000000a0001"), ActorRole.PERPETRATOR)),
                new Fatalities(33, 34, 36), "An airstrike (ünïcode)", 0.9, null, null, null,
                List.of(new Citation("Report", "Publisher", "https://example.org/r", LocalDate.parse("2020-02-28"))),
                null, "301234", externalIds);
    }
}
