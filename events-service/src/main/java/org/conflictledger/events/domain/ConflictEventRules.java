package org.conflictledger.events.domain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.contracts.RecordDates;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.domain.ExternalIdRules;
import org.conflictledger.platform.domain.RuleViolation;

/**
 * The names of the rules a {@link ConflictEvent} enforces (the {@code rule} of a
 * {@link RuleViolation}), and the normalisation of its details.
 *
 * <p>The input rules ({@link #INPUT_RULES}) are about the shape of the details and repeat what the
 * REST layer validates as well, so that the aggregate never holds bad data whoever sends the
 * command; the others are business rules.
 */
public final class ConflictEventRules {

    public static final String EVENT_ID_MISSING = "event-id-missing";
    public static final String DETAILS_MISSING = "details-missing";
    public static final String THEATER_MISSING = "theater-missing";
    public static final String TYPE_MISSING = "type-missing";
    public static final String DATE_MISSING = "date-missing";
    public static final String DATE_OUT_OF_RANGE = "date-out-of-range";
    public static final String LOCATION_TEXT_TOO_LONG = "location-text-too-long";
    public static final String COORDINATES_INVALID = "coordinates-invalid";
    public static final String GEO_PRECISION_MISSING = "geo-precision-missing";
    public static final String ACTORS_MISSING = "actors-missing";
    public static final String ACTOR_INCOMPLETE = "actor-incomplete";
    public static final String NOTES_TOO_LONG = "notes-too-long";
    public static final String TERM_TOO_LONG = "term-too-long";
    public static final String SOURCES_TOO_MANY = "sources-too-many";
    public static final String SOURCE_TITLE_MISSING = "source-title-missing";
    public static final String SOURCE_TEXT_TOO_LONG = "source-text-too-long";
    public static final String EXTERNAL_ID_INVALID = ExternalIdRules.INVALID;
    public static final String EXTERNAL_IDS_TOO_MANY = ExternalIdRules.TOO_MANY;

    public static final String EVENT_RETRACTED = "event-retracted";
    public static final String SUB_TYPE_MISMATCH = "sub-type-mismatch";
    public static final String DATE_RANGE_INVALID = "date-range-invalid";
    public static final String ACTOR_DUPLICATE = "actor-duplicate";
    public static final String FATALITIES_INCONSISTENT = "fatalities-inconsistent";
    public static final String CONFIDENCE_OUT_OF_RANGE = "confidence-out-of-range";
    public static final String VIOLATION_WITHOUT_AGREEMENT = "violation-without-agreement";
    public static final String TERM_WITHOUT_AGREEMENT = "term-without-agreement";
    public static final String RESPONDS_TO_ITSELF = "responds-to-itself";

    /** Rules about the shape of an input rather than the state of the record (a 400 rather than a 409). */
    public static final Set<String> INPUT_RULES = Set.of(
            EVENT_ID_MISSING, DETAILS_MISSING, THEATER_MISSING, TYPE_MISSING, DATE_MISSING, DATE_OUT_OF_RANGE,
            LOCATION_TEXT_TOO_LONG, COORDINATES_INVALID, GEO_PRECISION_MISSING, ACTORS_MISSING,
            ACTOR_INCOMPLETE, NOTES_TOO_LONG, TERM_TOO_LONG, SOURCES_TOO_MANY, SOURCE_TITLE_MISSING,
            SOURCE_TEXT_TOO_LONG, EXTERNAL_ID_INVALID, EXTERNAL_IDS_TOO_MANY);

    /** Place names, administrative areas, country, term, source title and publisher. */
    public static final int MAX_TEXT_LENGTH = RecordLimits.MAX_NAME;
    public static final int MAX_NOTES_LENGTH = RecordLimits.MAX_NOTES;
    public static final int MAX_URL_LENGTH = RecordLimits.MAX_URL;
    public static final int MAX_EXTERNAL_ID_LENGTH = RecordLimits.MAX_EXTERNAL_ID;
    public static final int MAX_SOURCES = RecordLimits.MAX_LIST;

    private static final String ACLED_EVENT_ID = "An ACLED event id";
    private static final String UCDP_GED_ID = "A UCDP GED id";
    private static final String A_CONFLICT_EVENT = "A conflict event";
    private static final Set<String> OWN_SCHEMES = Set.of(ExternalIds.ACLED, ExternalIds.UCDP_GED);

    private ConflictEventRules() {
    }

    /**
     * The details checked against every rule and normalised: the sub-type defaulted from the type,
     * the date precision defaulted to a day, texts trimmed (blank ones become {@code null}), and a
     * location or fatalities with nothing in them become {@code null}.
     *
     * @param eventId the id of the event the details describe (it cannot respond to itself)
     */
    public static ConflictEventDetails details(ConflictEventDetails details, UUID eventId) {
        if (details == null) {
            throw new RuleViolation(DETAILS_MISSING, "A conflict event needs its details.");
        }
        Theater theater = required(details.theater(), THEATER_MISSING, "A conflict event needs a theater.");
        ConflictEventType type = required(details.type(), TYPE_MISSING, "A conflict event needs a type.");
        AcledSubType subType = subType(type, details.subType());
        LocalDate date = day(required(details.date(), DATE_MISSING, "A conflict event needs a date."), "date");
        DatePrecision datePrecision = details.datePrecision() == null ? DatePrecision.DAY : details.datePrecision();
        LocalDate endDate = endDate(date, day(details.endDate(), "endDate"));
        Location location = location(details.location());
        List<InvolvedActor> actors = actors(details.actors());
        Fatalities fatalities = fatalities(details.fatalities());
        String notes = notes(details.notes());
        Double confidence = confidence(details.confidence());
        String term = text(details.term(), MAX_TEXT_LENGTH, TERM_TOO_LONG, "A term reference");
        UUID agreementId = details.agreementId();
        if (type.isViolation() && agreementId == null) {
            throw new RuleViolation(VIOLATION_WITHOUT_AGREEMENT,
                    "A " + type + " reports that an agreement was broken and must name the agreement.");
        }
        if (term != null && agreementId == null) {
            throw new RuleViolation(TERM_WITHOUT_AGREEMENT, "A term can only be named together with its agreement.");
        }
        if (details.respondsTo() != null && details.respondsTo().equals(eventId)) {
            throw new RuleViolation(RESPONDS_TO_ITSELF, "A conflict event cannot respond to itself.");
        }
        List<Citation> sources = sources(details.sources());
        ExternalIdRules.Split listed = ExternalIdRules.split(A_CONFLICT_EVENT, details.externalIds(), OWN_SCHEMES);
        String acledEventId = ExternalIdRules.ownValue(A_CONFLICT_EVENT, ExternalIds.ACLED, "acledEventId",
                externalId(details.acledEventId(), ACLED_EVENT_ID),
                externalId(listed.own().get(ExternalIds.ACLED), ACLED_EVENT_ID));
        String ucdpGedId = ExternalIdRules.ownValue(A_CONFLICT_EVENT, ExternalIds.UCDP_GED, "ucdpGedId",
                externalId(details.ucdpGedId(), UCDP_GED_ID), externalId(listed.own().get(ExternalIds.UCDP_GED), UCDP_GED_ID));
        return new ConflictEventDetails(theater, type, subType, date, datePrecision, endDate, location, actors,
                fatalities, notes, confidence, agreementId, term, details.respondsTo(), sources, acledEventId,
                ucdpGedId, listed.others());
    }

    /**
     * Every identifier normalised details give the event in other datasets: its ACLED event id (scheme
     * {@code acled}), its UCDP GED id ({@code ucdp-ged}) and the others, sorted by scheme, then value.
     */
    public static List<ExternalId> externalIds(ConflictEventDetails details) {
        Map<String, String> own = new HashMap<>();
        own.put(ExternalIds.ACLED, details.acledEventId());
        own.put(ExternalIds.UCDP_GED, details.ucdpGedId());
        return ExternalIdRules.all(details.externalIds(), own);
    }


    /**
     * The names of the top-level fields of {@link ConflictEventDetails} whose values differ between
     * {@code before} and {@code after}, sorted.
     */
    public static List<String> changedFields(ConflictEventDetails before, ConflictEventDetails after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : ConflictEventDetails.class.getRecordComponents()) {
            if (!Objects.equals(value(component, before), value(component, after))) {
                changed.add(component.getName());
            }
        }
        changed.sort(null);
        return List.copyOf(changed);
    }

    private static Object value(RecordComponent component, ConflictEventDetails details) {
        try {
            return component.getAccessor().invoke(details);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of the details", e);
        }
    }

    private static <T> T required(T value, String rule, String message) {
        if (value == null) {
            throw new RuleViolation(rule, message);
        }
        return value;
    }

    private static AcledSubType subType(ConflictEventType type, AcledSubType subType) {
        if (subType == null) {
            return AcledMapping.defaultSubType(type);
        }
        if (!AcledMapping.allows(type, subType)) {
            throw new RuleViolation(SUB_TYPE_MISMATCH,
                    "The sub-type \"" + subType.label() + "\" (" + subType.acledEventType().label()
                            + ") does not fit a " + type + ", which is exported as "
                            + AcledMapping.acledEventType(type).label() + ".");
        }
        return subType;
    }

    /** A day of the record, as every service bounds it ({@link RecordDates}): agreements can record what it reports. */
    private static LocalDate day(LocalDate day, String field) {
        if (day != null && !RecordDates.contains(day)) {
            throw new RuleViolation(DATE_OUT_OF_RANGE, "A conflict event's " + field + " lies between "
                    + RecordDates.EARLIEST_DAY + " and " + RecordDates.LATEST_DAY + ", but was " + day + ".");
        }
        return day;
    }

    private static LocalDate endDate(LocalDate date, LocalDate endDate) {
        if (endDate != null && endDate.isBefore(date)) {
            throw new RuleViolation(DATE_RANGE_INVALID,
                    "A conflict event cannot end (" + endDate + ") before it starts (" + date + ").");
        }
        return endDate;
    }

    /** The location with its texts trimmed; {@code null} when it holds nothing at all. */
    private static Location location(Location location) {
        if (location == null) {
            return null;
        }
        String place = text(location.place(), MAX_TEXT_LENGTH, LOCATION_TEXT_TOO_LONG, "A place name");
        String admin1 = text(location.admin1(), MAX_TEXT_LENGTH, LOCATION_TEXT_TOO_LONG, "An admin1 name");
        String admin2 = text(location.admin2(), MAX_TEXT_LENGTH, LOCATION_TEXT_TOO_LONG, "An admin2 name");
        String admin3 = text(location.admin3(), MAX_TEXT_LENGTH, LOCATION_TEXT_TOO_LONG, "An admin3 name");
        String country = text(location.country(), MAX_TEXT_LENGTH, LOCATION_TEXT_TOO_LONG, "A country name");
        Double latitude = location.latitude();
        Double longitude = location.longitude();
        if ((latitude == null) != (longitude == null)) {
            throw new RuleViolation(COORDINATES_INVALID, "Give both latitude and longitude, or neither.");
        }
        if (latitude != null) {
            if (!(latitude >= -90.0 && latitude <= 90.0) || !(longitude >= -180.0 && longitude <= 180.0)) {
                throw new RuleViolation(COORDINATES_INVALID, "A latitude lies between -90 and 90 and a longitude"
                        + " between -180 and 180, but these are " + latitude + ", " + longitude + ".");
            }
            if (location.geoPrecision() == null) {
                throw new RuleViolation(GEO_PRECISION_MISSING, "Coordinates need a geo precision.");
            }
        }
        Location normalised = new Location(place, admin1, admin2, admin3, country, latitude, longitude,
                location.geoPrecision());
        return normalised.equals(new Location(null, null, null, null, null, null, null, null)) ? null : normalised;
    }

    private static List<InvolvedActor> actors(List<InvolvedActor> actors) {
        if (actors.isEmpty()) {
            throw new RuleViolation(ACTORS_MISSING, "A conflict event involves at least one actor.");
        }
        Set<InvolvedActor> seen = new HashSet<>();
        for (InvolvedActor actor : actors) {
            if (actor == null || actor.actorId() == null || actor.role() == null) {
                throw new RuleViolation(ACTOR_INCOMPLETE, "An involved actor needs an actor and a role.");
            }
            if (!seen.add(actor)) {
                throw new RuleViolation(ACTOR_DUPLICATE,
                        "Actor " + actor.actorId() + " is named as " + actor.role() + " more than once.");
            }
        }
        return List.copyOf(actors);
    }

    /** The estimates checked; {@code null} when none is known. */
    private static Fatalities fatalities(Fatalities fatalities) {
        if (fatalities == null) {
            return null;
        }
        Integer low = fatalities.low();
        Integer best = fatalities.best();
        Integer high = fatalities.high();
        if (low == null && best == null && high == null) {
            return null;
        }
        boolean negative = (low != null && low < 0) || (best != null && best < 0) || (high != null && high < 0);
        if (negative || !ordered(low, best) || !ordered(best, high) || !ordered(low, high)) {
            throw new RuleViolation(FATALITIES_INCONSISTENT, "Fatality estimates are at least 0, with"
                    + " low <= best <= high where given, but were " + low + " / " + best + " / " + high + ".");
        }
        return fatalities;
    }

    private static boolean ordered(Integer lower, Integer higher) {
        return lower == null || higher == null || lower <= higher;
    }

    private static String notes(String notes) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        String trimmed = notes.strip();
        if (trimmed.length() > MAX_NOTES_LENGTH) {
            throw new RuleViolation(NOTES_TOO_LONG,
                    "Notes have at most " + MAX_NOTES_LENGTH + " characters, these have " + trimmed.length() + ".");
        }
        return trimmed;
    }

    private static Double confidence(Double confidence) {
        if (confidence != null && !(confidence >= 0.0 && confidence <= 1.0)) {
            throw new RuleViolation(CONFIDENCE_OUT_OF_RANGE,
                    "A confidence lies between 0 and 1, but was " + confidence + ".");
        }
        return confidence;
    }

    private static List<Citation> sources(List<Citation> sources) {
        if (sources.size() > MAX_SOURCES) {
            throw new RuleViolation(SOURCES_TOO_MANY,
                    "A conflict event cites at most " + MAX_SOURCES + " sources, these are " + sources.size() + ".");
        }
        List<Citation> normalised = new ArrayList<>();
        for (Citation source : sources) {
            if (source == null || source.title() == null || source.title().isBlank()) {
                throw new RuleViolation(SOURCE_TITLE_MISSING, "Every source needs a title.");
            }
            normalised.add(new Citation(
                    text(source.title(), MAX_TEXT_LENGTH, SOURCE_TEXT_TOO_LONG, "A source title"),
                    text(source.publisher(), MAX_TEXT_LENGTH, SOURCE_TEXT_TOO_LONG, "A publisher"),
                    text(source.url(), MAX_URL_LENGTH, SOURCE_TEXT_TOO_LONG, "A source URL"),
                    source.date()));
        }
        return List.copyOf(normalised);
    }

    private static String externalId(String id, String what) {
        String trimmed = text(id, MAX_EXTERNAL_ID_LENGTH, EXTERNAL_ID_INVALID, what);
        if (trimmed != null && !RecordLimits.isExternalId(trimmed)) {
            throw new RuleViolation(EXTERNAL_ID_INVALID, what + " " + RecordLimits.EXTERNAL_ID_RULE + ".");
        }
        return trimmed;
    }

    /** The text trimmed, or {@code null} when it is blank. */
    private static String text(String text, int maxLength, String rule, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > maxLength) {
            throw new RuleViolation(rule,
                    what + " has at most " + maxLength + " characters, this one has " + trimmed.length() + ".");
        }
        return trimmed;
    }
}
