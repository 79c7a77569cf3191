package org.conflictledger.events.domain;

import static org.conflictledger.events.domain.ConflictEventTestData.AZERBAIJAN;
import static org.conflictledger.events.domain.ConflictEventTestData.ARMENIA;
import static org.conflictledger.events.domain.ConflictEventTestData.FEB_27_2020;
import static org.conflictledger.events.domain.ConflictEventTestData.OCT_26_2020;
import static org.conflictledger.events.domain.ConflictEventTestData.SYRIAN_ARMED_FORCES;
import static org.conflictledger.events.domain.ConflictEventTestData.TURKEY;
import static org.conflictledger.events.domain.ConflictEventTestData.US_BROKERED_CEASEFIRE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.Theater;

/** Builds {@link ConflictEventDetails} from a known event, one field changed at a time. */
final class DetailsBuilder {

    static final Citation SEED = new Citation("Russia and Turkey in 2020", "Conflict Ledger seed",
            "https://example.org/seed/russia-turkey-2020", LocalDate.of(2021, 1, 15));

    private Theater theater;
    private ConflictEventType type;
    private AcledSubType subType;
    private LocalDate date;
    private DatePrecision datePrecision;
    private LocalDate endDate;
    private Location location;
    private List<InvolvedActor> actors;
    private Fatalities fatalities;
    private String notes;
    private Double confidence;
    private UUID agreementId;
    private String term;
    private UUID respondsTo;
    private List<Citation> sources;
    private String acledEventId;
    private String ucdpGedId;
    private List<ExternalId> externalIds;

    private DetailsBuilder() {
    }

    /** The Idlib airstrike of 27 February 2020 that killed 34 Turkish soldiers; every field normalised. */
    static DetailsBuilder idlibAirstrike() {
        DetailsBuilder details = new DetailsBuilder();
        details.theater = Theater.SYRIA;
        details.type = ConflictEventType.EXPLOSION_REMOTE_VIOLENCE;
        details.subType = AcledSubType.AIR_DRONE_STRIKE;
        details.date = FEB_27_2020;
        details.datePrecision = DatePrecision.DAY;
        details.location = new Location("Balyun", "Idlib", "Ariha", null, "Syria", 35.66, 36.47, GeoPrecision.NEAR);
        details.actors = List.of(new InvolvedActor(SYRIAN_ARMED_FORCES, ActorRole.PERPETRATOR),
                new InvolvedActor(TURKEY, ActorRole.TARGET));
        details.fatalities = new Fatalities(33, 34, 36);
        details.notes = "Airstrike on a Turkish army convoy near Balyun in Idlib; 34 Turkish soldiers killed.";
        details.confidence = 0.9;
        details.sources = List.of(SEED);
        details.acledEventId = "SYR123456";
        return details;
    }

    /** Fighting in Nagorno-Karabakh hours after the US-brokered ceasefire of 26 October 2020 took effect. */
    static DetailsBuilder ceasefireViolation() {
        DetailsBuilder details = new DetailsBuilder();
        details.theater = Theater.NAGORNO_KARABAKH;
        details.type = ConflictEventType.CEASEFIRE_VIOLATION;
        details.subType = AcledSubType.SHELLING_ARTILLERY_MISSILE_ATTACK;
        details.date = OCT_26_2020;
        details.datePrecision = DatePrecision.DAY;
        details.actors = List.of(new InvolvedActor(AZERBAIJAN, ActorRole.PERPETRATOR),
                new InvolvedActor(ARMENIA, ActorRole.PERPETRATOR));
        details.agreementId = US_BROKERED_CEASEFIRE;
        details.term = "Humanitarian ceasefire from 08:00 on 26 October 2020";
        details.sources = List.of(SEED);
        return details;
    }

    DetailsBuilder theater(Theater theater) {
        this.theater = theater;
        return this;
    }

    DetailsBuilder type(ConflictEventType type) {
        this.type = type;
        return this;
    }

    DetailsBuilder subType(AcledSubType subType) {
        this.subType = subType;
        return this;
    }

    DetailsBuilder date(LocalDate date) {
        this.date = date;
        return this;
    }

    DetailsBuilder datePrecision(DatePrecision datePrecision) {
        this.datePrecision = datePrecision;
        return this;
    }

    DetailsBuilder endDate(LocalDate endDate) {
        this.endDate = endDate;
        return this;
    }

    DetailsBuilder location(Location location) {
        this.location = location;
        return this;
    }

    DetailsBuilder coordinates(Double latitude, Double longitude, GeoPrecision geoPrecision) {
        this.location = new Location("Balyun", "Idlib", "Ariha", null, "Syria", latitude, longitude, geoPrecision);
        return this;
    }

    /** Accepts {@code null} elements, unlike {@code List.of}. */
    DetailsBuilder actors(InvolvedActor... actors) {
        this.actors = actors == null ? null : new ArrayList<>(Arrays.asList(actors));
        return this;
    }

    DetailsBuilder actors(List<InvolvedActor> actors) {
        this.actors = actors;
        return this;
    }

    DetailsBuilder fatalities(Integer low, Integer best, Integer high) {
        this.fatalities = new Fatalities(low, best, high);
        return this;
    }

    DetailsBuilder fatalities(Fatalities fatalities) {
        this.fatalities = fatalities;
        return this;
    }

    DetailsBuilder notes(String notes) {
        this.notes = notes;
        return this;
    }

    DetailsBuilder confidence(Double confidence) {
        this.confidence = confidence;
        return this;
    }

    DetailsBuilder agreementId(UUID agreementId) {
        this.agreementId = agreementId;
        return this;
    }

    DetailsBuilder term(String term) {
        this.term = term;
        return this;
    }

    DetailsBuilder respondsTo(UUID respondsTo) {
        this.respondsTo = respondsTo;
        return this;
    }

    /** Accepts {@code null} elements, unlike {@code List.of}. */
    DetailsBuilder sources(Citation... sources) {
        this.sources = sources == null ? null : new ArrayList<>(Arrays.asList(sources));
        return this;
    }

    DetailsBuilder sources(List<Citation> sources) {
        this.sources = sources;
        return this;
    }

    DetailsBuilder acledEventId(String acledEventId) {
        this.acledEventId = acledEventId;
        return this;
    }

    DetailsBuilder ucdpGedId(String ucdpGedId) {
        this.ucdpGedId = ucdpGedId;
        return this;
    }

    DetailsBuilder externalIds(ExternalId... externalIds) {
        this.externalIds = List.of(externalIds);
        return this;
    }

    ConflictEventDetails build() {
        return new ConflictEventDetails(theater, type, subType, date, datePrecision, endDate, location, actors,
                fatalities, notes, confidence, agreementId, term, respondsTo, sources, acledEventId, ucdpGedId, externalIds);
    }
}
