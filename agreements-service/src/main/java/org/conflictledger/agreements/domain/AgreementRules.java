package org.conflictledger.agreements.domain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.contracts.RecordDates;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.platform.domain.ExternalIdRules;
import org.conflictledger.platform.domain.RuleViolation;

/**
 * The names of the rules an {@link Agreement} enforces (the {@code rule} of a {@link RuleViolation})
 * and the normalisation of its details and terms. The shape rules repeat what the REST layer
 * validates, so that the aggregate never holds bad data whoever sends the command.
 */
public final class AgreementRules {

    public static final String AGREEMENT_ID_MISSING = "agreement-id-missing";
    public static final String DETAILS_MISSING = "details-missing";
    public static final String TITLE_MISSING = "title-missing";
    public static final String KIND_MISSING = "kind-missing";
    public static final String THEATER_MISSING = "theater-missing";
    public static final String TEXT_TOO_LONG = "text-too-long";
    public static final String ZONE_INVALID = "zone-invalid";
    public static final String LIST_TOO_LONG = "list-too-long";
    public static final String REFERENCE_MISSING = "reference-missing";
    public static final String REFERENCE_DUPLICATE = "reference-duplicate";
    public static final String REFERENCES_ITSELF = "references-itself";
    public static final String EXTERNAL_ID_INVALID = ExternalIdRules.INVALID;
    public static final String EXTERNAL_IDS_TOO_MANY = ExternalIdRules.TOO_MANY;
    private static final String AN_AGREEMENT = "An agreement";
    private static final Set<String> OWN_SCHEMES = Set.of(ExternalIds.PAX);
    public static final String SIGNATORIES_MISSING = "signatories-missing";
    public static final String IN_FORCE_WITHOUT_INSTANT = "in-force-without-instant";
    public static final String STATUS_MISSING = "status-missing";
    public static final String INITIAL_STATUS_INVALID = "initial-status-invalid";
    public static final String STATUS_TRANSITION_INVALID = "status-transition-invalid";
    public static final String STATUS_CHANGE_OUT_OF_ORDER = "status-change-out-of-order";
    public static final String AGREEMENT_ENDED = "agreement-ended";
    public static final String EFFECTIVE_AT_MISSING = "effective-at-missing";
    public static final String TIME_OUT_OF_RANGE = "time-out-of-range";

    public static final String TERM_ID_MISSING = "term-id-missing";
    public static final String TERM_ID_TAKEN = "term-id-taken";
    public static final String TERM_UNKNOWN = "term-unknown";
    public static final String TERMS_TOO_MANY = "terms-too-many";
    public static final String TERM_ORDER_INVALID = "term-order-invalid";
    public static final String TERM_ORDER_TAKEN = "term-order-taken";
    public static final String TERM_TEXT_MISSING = "term-text-missing";
    public static final String CATEGORY_MISSING = "category-missing";
    public static final String DURATION_INVALID = "duration-invalid";
    public static final String QUANTITY_INVALID = "quantity-invalid";
    public static final String CONDITION_INVALID = "condition-invalid";
    public static final String SCORE_OUT_OF_RANGE = "score-out-of-range";
    public static final String EVIDENCE_INVALID = "evidence-invalid";
    public static final String TERM_NOT_RENEWABLE = "term-not-renewable";
    public static final String OBJECTOR_NOT_A_SIGNATORY = "objector-not-a-signatory";

    public static final int MAX_TITLE_LENGTH = RecordLimits.MAX_AGREEMENT_TITLE;
    public static final int MAX_TEXT_LENGTH = RecordLimits.MAX_NAME;
    public static final int MAX_ARTICLE_LENGTH = RecordLimits.MAX_ARTICLE;
    public static final int MAX_TERM_TEXT_LENGTH = RecordLimits.MAX_NOTES;
    public static final int MAX_NOTE_LENGTH = RecordLimits.MAX_EVIDENCE_NOTE;
    public static final int MAX_UNIT_LENGTH = RecordLimits.MAX_UNIT;
    public static final int MAX_EXTERNAL_ID_LENGTH = RecordLimits.MAX_EXTERNAL_ID;
    public static final int MAX_LIST = RecordLimits.MAX_LIST;
    public static final int MAX_TERMS = RecordLimits.MAX_TERMS;
    public static final int MAX_ORDER = RecordLimits.MAX_ORDER;
    /** Dates and instants of the record lie within these days (UTC), as in every service: {@link RecordDates}. */
    public static final LocalDate EARLIEST_DAY = RecordDates.EARLIEST_DAY;
    public static final LocalDate LATEST_DAY = RecordDates.LATEST_DAY;
    /** No period a term states is longer. */
    public static final Period LONGEST_PERIOD = Period.ofYears(1000);

    private AgreementRules() {
    }

    /** The agreement's details checked and normalised (texts trimmed, the zone defaulted to UTC). */
    public static AgreementDetails details(AgreementDetails details, UUID agreementId) {
        if (details == null) {
            throw new RuleViolation(DETAILS_MISSING, "An agreement needs its details.");
        }
        String title = text(details.title(), MAX_TITLE_LENGTH, "A title");
        if (title == null) {
            throw new RuleViolation(TITLE_MISSING, "An agreement needs a title.");
        }
        required(details.kind(), KIND_MISSING, "An agreement needs a kind.");
        required(details.theater(), THEATER_MISSING, "An agreement needs a theater.");
        String zone = zone(details.inForceZone());
        day(details.signedOn(), "signedOn");
        instant(details.inForceAt(), "inForceAt");
        List<UUID> signatories = references(details.signatories(), "signatories", null);
        List<UUID> witnesses = references(details.witnesses(), "witnesses", null);
        List<UUID> supersedes = references(details.supersedes(), "supersedes", agreementId);
        List<UUID> complements = references(details.complements(), "complements", agreementId);
        ExternalIdRules.Split listed = ExternalIdRules.split(AN_AGREEMENT, details.externalIds(), OWN_SCHEMES);
        String paxAgreementId = ExternalIdRules.ownValue(AN_AGREEMENT, ExternalIds.PAX, "paxAgreementId",
                externalId(details.paxAgreementId()), externalId(listed.own().get(ExternalIds.PAX)));
        return new AgreementDetails(title, details.kind(), details.theater(), details.signedOn(),
                text(details.signedPlace(), MAX_TEXT_LENGTH, "A signing place"), details.inForceAt(), zone,
                signatories, witnesses, supersedes, complements, paxAgreementId, listed.others());
    }

    /** Every identifier normalised details give the agreement in other datasets, its PA-X id ({@code pax}) too, sorted. */
    public static List<ExternalId> externalIds(AgreementDetails details) {
        Map<String, String> own = new HashMap<>();
        own.put(ExternalIds.PAX, details.paxAgreementId());
        return ExternalIdRules.all(details.externalIds(), own);
    }

    /** A term's details checked and normalised; conditions are checked against the agreement's terms by the caller. */
    static TermDetails term(TermDetails term) {
        if (term == null) {
            throw new RuleViolation(DETAILS_MISSING, "A term needs its details.");
        }
        if (term.order() < 1 || term.order() > MAX_ORDER) {
            throw new RuleViolation(TERM_ORDER_INVALID,
                    "A term's order is between 1 and " + MAX_ORDER + ", but was " + term.order() + ".");
        }
        String text = text(term.text(), MAX_TERM_TEXT_LENGTH, "A term's text");
        if (text == null) {
            throw new RuleViolation(TERM_TEXT_MISSING, "A term needs its text.");
        }
        required(term.category(), CATEGORY_MISSING, "A term needs a category.");
        day(term.deadline(), "A deadline");
        return new TermDetails(term.order(), text(term.article(), MAX_ARTICLE_LENGTH, "An article reference"), text,
                term.category(), references(term.obligated(), "obligated", null),
                references(term.beneficiaries(), "beneficiaries", null), term.deadline(), duration(term.duration()),
                quantities(term.quantities()), conditions(term.conditions()));
    }

    static List<Evidence> evidence(List<Evidence> evidence) {
        List<Evidence> given = evidence == null ? List.of() : evidence;
        if (given.size() > MAX_LIST) {
            throw new RuleViolation(LIST_TOO_LONG, "An assessment cites at most " + MAX_LIST + " conflict events.");
        }
        Set<UUID> seen = new HashSet<>();
        List<Evidence> normalised = new ArrayList<>();
        for (Evidence item : given) {
            if (item == null || item.conflictEvent() == null) {
                throw new RuleViolation(EVIDENCE_INVALID, "Every piece of evidence names a conflict event.");
            }
            if (!seen.add(item.conflictEvent())) {
                throw new RuleViolation(EVIDENCE_INVALID, "Conflict event " + item.conflictEvent() + " is cited twice.");
            }
            normalised.add(new Evidence(item.conflictEvent(), text(item.note(), MAX_NOTE_LENGTH, "An evidence note")));
        }
        return List.copyOf(normalised);
    }

    /** The names of the top-level record components whose values differ, sorted. */
    static <R extends Record> List<String> changedFields(R before, R after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            if (!Objects.equals(value(component, before), value(component, after))) {
                changed.add(component.getName());
            }
        }
        changed.sort(null);
        return List.copyOf(changed);
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    private static TermDuration duration(TermDuration duration) {
        if (duration == null) {
            return null;
        }
        if (!positive(duration.period())) {
            throw new RuleViolation(DURATION_INVALID,
                    "A duration needs a positive period of at most " + LONGEST_PERIOD + ", e.g. P5Y.");
        }
        // Without automatic renewal there is no renewal period to check, and none is kept.
        Period renewal = !duration.autoRenew() ? duration.period()
                : duration.renewalPeriod() == null ? duration.period() : duration.renewalPeriod();
        if (!positive(renewal)) {
            throw new RuleViolation(DURATION_INVALID,
                    "A renewal period is positive and at most " + LONGEST_PERIOD + ", e.g. P5Y.");
        }
        Period notice = duration.noticePeriod();
        if (notice != null && (!positive(notice) || !shorter(notice, duration.period()) || !shorter(notice, renewal))) {
            throw new RuleViolation(DURATION_INVALID,
                    "A notice period is positive and shorter than the periods it gives notice of, but was " + notice + ".");
        }
        return new TermDuration(duration.period(), duration.autoRenew(), duration.autoRenew() ? renewal : null, notice);
    }

    /** Positive and at most {@link #LONGEST_PERIOD}. */
    private static boolean positive(Period period) {
        if (period == null || period.isZero() || period.isNegative()) {
            return false;
        }
        LocalDate base = LocalDate.of(2000, 1, 1);
        try {
            return base.plus(period).isAfter(base) && !base.plus(period).isAfter(base.plus(LONGEST_PERIOD));
        } catch (DateTimeException | ArithmeticException e) {
            return false;
        }
    }

    /** Compares two periods already known to be {@link #positive}. */
    private static boolean shorter(Period a, Period b) {
        LocalDate base = LocalDate.of(2000, 1, 1);
        return base.plus(a).isBefore(base.plus(b));
    }

    /** A day of the record lies between {@link #EARLIEST_DAY} and {@link #LATEST_DAY}. */
    static void day(LocalDate day, String what) {
        if (day != null && !RecordDates.contains(day)) {
            throw new RuleViolation(TIME_OUT_OF_RANGE,
                    what + " lies between " + EARLIEST_DAY + " and " + LATEST_DAY + ", but was " + day + ".");
        }
    }

    /** An instant of the record lies within those days (UTC). */
    static void instant(Instant instant, String what) {
        if (instant != null && !RecordDates.contains(instant)) {
            throw new RuleViolation(TIME_OUT_OF_RANGE,
                    what + " lies between " + EARLIEST_DAY + " and " + LATEST_DAY + ", but was " + instant + ".");
        }
    }

    private static List<Quantity> quantities(List<Quantity> quantities) {
        if (quantities.size() > MAX_LIST) {
            throw new RuleViolation(LIST_TOO_LONG, "A term sets at most " + MAX_LIST + " quantities.");
        }
        List<Quantity> normalised = new ArrayList<>();
        for (Quantity quantity : quantities) {
            if (quantity == null || quantity.value() == null || quantity.value().signum() < 0) {
                throw new RuleViolation(QUANTITY_INVALID, "A quantity has a value of at least 0.");
            }
            String unit = text(quantity.unit(), MAX_UNIT_LENGTH, "A unit");
            if (unit == null) {
                throw new RuleViolation(QUANTITY_INVALID, "A quantity needs a unit (e.g. personnel, km).");
            }
            normalised.add(new Quantity(quantity.value(), unit, text(quantity.of(), MAX_TEXT_LENGTH, "What a quantity counts")));
        }
        return List.copyOf(normalised);
    }

    private static List<TermCondition> conditions(List<TermCondition> conditions) {
        if (conditions.size() > MAX_LIST) {
            throw new RuleViolation(LIST_TOO_LONG, "A term has at most " + MAX_LIST + " conditions.");
        }
        Set<TermCondition> seen = new HashSet<>();
        for (TermCondition condition : conditions) {
            if (condition == null || condition.kind() == null || condition.term() == null) {
                throw new RuleViolation(CONDITION_INVALID, "A condition needs a kind and the term it refers to.");
            }
            if (!seen.add(condition)) {
                throw new RuleViolation(CONDITION_INVALID, "A condition is given twice.");
            }
        }
        return List.copyOf(conditions);
    }

    private static List<UUID> references(List<UUID> ids, String field, UUID self) {
        if (ids.size() > MAX_LIST) {
            throw new RuleViolation(LIST_TOO_LONG, "At most " + MAX_LIST + " " + field + ", these are " + ids.size() + ".");
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID id : ids) {
            if (id == null) {
                throw new RuleViolation(REFERENCE_MISSING, "An entry of " + field + " is empty.");
            }
            if (id.equals(self)) {
                throw new RuleViolation(REFERENCES_ITSELF, "An agreement cannot name itself in " + field + ".");
            }
            if (!seen.add(id)) {
                throw new RuleViolation(REFERENCE_DUPLICATE, id + " is named twice in " + field + ".");
            }
        }
        return List.copyOf(ids);
    }

    private static String zone(String zone) {
        String text = text(zone, MAX_EXTERNAL_ID_LENGTH, "A time zone");
        if (text == null) {
            return "UTC";
        }
        try {
            return ZoneId.of(text).getId();
        } catch (DateTimeException e) {
            throw new RuleViolation(ZONE_INVALID, "\"" + text + "\" is not a time zone (e.g. Europe/Moscow).");
        }
    }

    private static String externalId(String id) {
        String trimmed = text(id, MAX_EXTERNAL_ID_LENGTH, "A PA-X agreement id");
        if (trimmed != null && !RecordLimits.isExternalId(trimmed)) {
            throw new RuleViolation(EXTERNAL_ID_INVALID, "A PA-X agreement id " + RecordLimits.EXTERNAL_ID_RULE + ".");
        }
        return trimmed;
    }

    private static <T> T required(T value, String rule, String message) {
        if (value == null) {
            throw new RuleViolation(rule, message);
        }
        return value;
    }

    /** The text trimmed, or {@code null} when it is blank. */
    private static String text(String text, int maxLength, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > maxLength) {
            throw new RuleViolation(TEXT_TOO_LONG,
                    what + " has at most " + maxLength + " characters, this one has " + trimmed.length() + ".");
        }
        return trimmed;
    }
}
