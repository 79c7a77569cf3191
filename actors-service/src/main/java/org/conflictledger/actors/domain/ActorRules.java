package org.conflictledger.actors.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.platform.domain.RuleViolation;

/**
 * The names of the rules an {@link Actor} enforces (the {@code rule} of a {@link RuleViolation}),
 * and the normalisation of its inputs.
 *
 * <p>The input rules ({@link #INPUT_RULES}) repeat what the REST layer validates as well, so that
 * the aggregate never holds bad data whoever sends the command; the others are business rules.
 */
public final class ActorRules {

    public static final String ACTOR_ID_MISSING = "actor-id-missing";
    public static final String KEY_INVALID = "key-invalid";
    public static final String NAME_BLANK = "name-blank";
    public static final String NAME_TOO_LONG = "name-too-long";
    public static final String KIND_MISSING = "kind-missing";
    public static final String ALIAS_BLANK = "alias-blank";
    public static final String ALIAS_TOO_LONG = "alias-too-long";
    public static final String ALIASES_TOO_MANY = "aliases-too-many";
    public static final String COUNTRY_INVALID = "country-invalid";
    public static final String AFFILIATION_INVALID = "affiliation-invalid";
    public static final String RELATIONSHIP_INCOMPLETE = "relationship-incomplete";
    public static final String MERGE_TARGET_MISSING = "merge-target-missing";

    public static final String ACTOR_RETRACTED = "actor-retracted";
    public static final String ACTOR_MERGED = "actor-merged";
    public static final String RELATIONSHIP_WITH_ITSELF = "relationship-with-itself";
    public static final String RELATIONSHIP_PERIOD_INVALID = "relationship-period-invalid";
    public static final String CONFIDENCE_OUT_OF_RANGE = "confidence-out-of-range";
    public static final String RELATIONSHIP_EXISTS = "relationship-exists";
    public static final String RELATIONSHIP_DUPLICATE = "relationship-duplicate";
    public static final String RELATIONSHIP_UNKNOWN = "relationship-unknown";
    public static final String RELATIONSHIP_ENDED = "relationship-ended";
    public static final String MERGE_INTO_ITSELF = "merge-into-itself";
    public static final String EXTERNAL_ID_INVALID = "external-id-invalid";
    public static final String EXTERNAL_ID_NOT_HELD = "external-id-not-held";
    public static final String EXTERNAL_IDS_TOO_MANY = "external-ids-too-many";

    /** Rules about the shape of an input rather than the state of the record (a 400 rather than a 409). */
    public static final Set<String> INPUT_RULES = Set.of(
            ACTOR_ID_MISSING, KEY_INVALID, NAME_BLANK, NAME_TOO_LONG, KIND_MISSING, ALIAS_BLANK,
            ALIAS_TOO_LONG, ALIASES_TOO_MANY, COUNTRY_INVALID, AFFILIATION_INVALID,
            RELATIONSHIP_INCOMPLETE, MERGE_TARGET_MISSING, EXTERNAL_ID_INVALID);

    public static final int MAX_TEXT_LENGTH = RecordLimits.MAX_NAME;
    public static final int MAX_ALIASES = RecordLimits.MAX_LIST;
    public static final int MAX_EXTERNAL_IDS = RecordLimits.MAX_LIST;
    public static final Pattern KEY = Pattern.compile(RecordLimits.ACTOR_KEY);
    public static final Pattern COUNTRY = Pattern.compile(RecordLimits.COUNTRY);

    private ActorRules() {
    }

    static String key(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new RuleViolation(KEY_INVALID,
                    "The key must match " + KEY.pattern() + ", e.g. TUR or OSCE-MINSK, but was: " + key);
        }
        return key;
    }

    /** The name, trimmed. */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation(NAME_BLANK, "An actor needs a name.");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new RuleViolation(NAME_TOO_LONG,
                    "A name has at most " + MAX_TEXT_LENGTH + " characters, this one has " + trimmed.length() + ".");
        }
        return trimmed;
    }

    static ActorKind kind(ActorKind kind) {
        if (kind == null) {
            throw new RuleViolation(KIND_MISSING, "An actor needs a kind.");
        }
        return kind;
    }

    /**
     * The aliases trimmed, without duplicates (compared case-insensitively, the first spelling
     * kept) and without the name itself. A blank alias is rejected rather than dropped.
     */
    static List<String> aliases(List<String> aliases, String name) {
        if (aliases == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        seen.add(fold(name));
        List<String> normalised = new ArrayList<>();
        for (String alias : aliases) {
            if (alias == null || alias.isBlank()) {
                throw new RuleViolation(ALIAS_BLANK, "An alias must not be blank.");
            }
            String trimmed = alias.strip();
            if (trimmed.length() > MAX_TEXT_LENGTH) {
                throw new RuleViolation(ALIAS_TOO_LONG,
                        "An alias has at most " + MAX_TEXT_LENGTH + " characters, this one has "
                                + trimmed.length() + ".");
            }
            if (seen.add(fold(trimmed))) {
                normalised.add(trimmed);
            }
        }
        if (normalised.size() > MAX_ALIASES) {
            throw new RuleViolation(ALIASES_TOO_MANY,
                    "An actor has at most " + MAX_ALIASES + " aliases, these are " + normalised.size() + ".");
        }
        return List.copyOf(normalised);
    }

    /** The identifier as given, when its scheme and value follow {@link ExternalIds}' rules. */
    static ExternalId externalId(ExternalId id) {
        if (id == null) {
            throw new RuleViolation(EXTERNAL_ID_INVALID, "An external id needs a scheme and a value.");
        }
        ExternalIds.schemeProblem(id.scheme()).or(() -> ExternalIds.valueProblem(id.scheme(), id.value()))
                .ifPresent(problem -> {
                    throw new RuleViolation(EXTERNAL_ID_INVALID, "The external id " + id + " " + problem + ".");
                });
        return id;
    }

    /** Whether two names or aliases are the same, ignoring case. */
    static boolean sameText(String a, String b) {
        return fold(a).equals(fold(b));
    }

    static String country(String country) {
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw new RuleViolation(COUNTRY_INVALID,
                    "A country is an ISO 3166-1 alpha-3 code such as TUR, or none, but was: " + country);
        }
        return country;
    }

    /** The affiliation trimmed, or {@code null} when there is none. */
    static String affiliation(String affiliation) {
        if (affiliation == null) {
            return null;
        }
        String trimmed = affiliation.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT_LENGTH) {
            throw new RuleViolation(AFFILIATION_INVALID,
                    "An affiliation is omitted or has 1 to " + MAX_TEXT_LENGTH + " characters.");
        }
        return trimmed;
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
