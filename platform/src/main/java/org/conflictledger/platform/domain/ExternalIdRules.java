package org.conflictledger.platform.domain;

import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a record corrected whole (a conflict event, an agreement) holds its identifiers in other datasets: a list,
 * normalised to scheme-then-value order without repeats, beside the ids it keeps in fields of their own (an event's
 * ACLED and UCDP GED ids, an agreement's PA-X id), which a request may name in the list as well.
 */
public final class ExternalIdRules {
    /** Rule of an identifier that is not one, or that disagrees with the record's field for its scheme. */
    public static final String INVALID = "external-id-invalid";
    /** Rule of a list longer than {@link ExternalIds#MAX_PER_RECORD}. */
    public static final String TOO_MANY = "external-ids-too-many";
    /** Scheme, then value. */
    public static final Comparator<ExternalId> ORDER =
            Comparator.comparing(ExternalId::scheme).thenComparing(ExternalId::value);

    private ExternalIdRules() {
    }

    /**
     * The listed ids checked and split: those of the {@code ownSchemes} (one value each), and the others, sorted.
     *
     * @param record what the record is called in a refusal ("A conflict event")
     */
    public static Split split(String record, List<ExternalId> listed, Set<String> ownSchemes) {
        Set<ExternalId> others = new TreeSet<>(ORDER);
        Map<String, String> own = new HashMap<>();
        for (ExternalId id : listed) {
            if (id == null || id.scheme() == null || id.value() == null) {
                throw new RuleViolation(INVALID, "An external id needs a scheme and a value.");
            }
            if (ownSchemes.contains(id.scheme())) {
                String before = own.putIfAbsent(id.scheme(), id.value());
                if (before != null && !before.equals(id.value())) {
                    throw new RuleViolation(INVALID, record + " has one " + id.scheme() + " id, but was given "
                            + id.scheme() + ":" + before + " and " + id + ".");
                }
                continue;
            }
            ExternalIds.problem(id).ifPresent(problem -> {
                throw new RuleViolation(INVALID, "The external id " + id + " is not valid: " + problem + ".");
            });
            others.add(id);
        }
        if (others.size() > ExternalIds.MAX_PER_RECORD) {
            throw new RuleViolation(TOO_MANY, record + " has at most " + ExternalIds.MAX_PER_RECORD + " external ids"
                    + " besides those in fields of their own, but was given " + others.size() + ".");
        }
        return new Split(List.copyOf(others), Map.copyOf(own));
    }

    /**
     * The one value of a scheme kept in a field of its own: the field's, or the list's when the field is empty; a
     * refusal when both name one and they differ. Both values come checked and normalised by the record's rule.
     */
    public static String ownValue(String record, String scheme, String field, String fieldValue, String listed) {
        if (fieldValue != null && listed != null && !fieldValue.equals(listed)) {
            throw new RuleViolation(INVALID, record + " has one " + scheme + " id, but " + field + " names " + fieldValue
                    + " and externalIds names " + scheme + ":" + listed + ".");
        }
        return fieldValue != null ? fieldValue : listed;
    }

    /** Every id of a record: the others and, where set, those of its own fields ({@code scheme → value}), sorted. */
    public static List<ExternalId> all(List<ExternalId> others, Map<String, String> own) {
        Set<ExternalId> all = new TreeSet<>(ORDER);
        all.addAll(others);
        own.forEach((scheme, value) -> {
            if (value != null) {
                all.add(new ExternalId(scheme, value));
            }
        });
        return List.copyOf(all);
    }

    /**
     * @param others the ids besides those of the record's own fields, checked and sorted
     * @param own    the values the list gave the schemes of those fields, unchecked ({@code scheme → value})
     */
    public record Split(List<ExternalId> others, Map<String, String> own) {
    }
}
