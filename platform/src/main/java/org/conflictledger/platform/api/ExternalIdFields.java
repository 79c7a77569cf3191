package org.conflictledger.platform.api;

import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.contracts.RecordLimits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code externalIds} of a body that also has fields of their own for some schemes (an event's
 * {@code acledEventId}, an agreement's {@code paxAgreementId}), naming each entry that breaks its scheme's rule or
 * disagrees with its field ({@code externalIds[2].value}, {@code externalIds[0]}).
 */
public final class ExternalIdFields {

    private ExternalIdFields() {
    }

    /**
     * The listed ids, as given; a problem with one is added to {@code errors}. Entries without a scheme or value are
     * left to bean validation.
     *
     * @param own the schemes kept in fields of their own: scheme → the field and the body's value of it
     */
    public static List<ExternalId> read(List<ExternalIdentifier> listed, Map<String, OwnField> own,
                                        List<Problem.FieldError> errors) {
        List<ExternalId> ids = new ArrayList<>();
        Map<String, String> ownListed = new HashMap<>();
        List<ExternalIdentifier> entries = listed == null ? List.of() : listed;
        for (int i = 0; i < entries.size(); i++) {
            ExternalIdentifier entry = entries.get(i);
            if (entry == null || entry.scheme() == null || entry.value() == null) {
                continue;
            }
            String field = "externalIds[" + i + "]";
            OwnField ownField = own.get(entry.scheme());
            if (ownField == null) {
                ExternalIds.valueProblem(entry.scheme(), entry.value())
                        .ifPresent(problem -> errors.add(new Problem.FieldError(field + ".value", problem)));
            } else if (entry.value().length() > RecordLimits.MAX_EXTERNAL_ID || !RecordLimits.isExternalId(entry.value())) {
                errors.add(new Problem.FieldError(field + ".value", "must be 1-" + RecordLimits.MAX_EXTERNAL_ID
                        + " characters without blanks or control characters, as " + ownField.name()));
            } else if (!ownListed.getOrDefault(entry.scheme(), entry.value()).equals(entry.value())) {
                errors.add(new Problem.FieldError(field, "names " + entry.externalId() + ", but the list already names "
                        + entry.scheme() + ":" + ownListed.get(entry.scheme()) + ": a record has one id of the scheme"));
            } else if (ownField.value() != null && !ownField.value().isBlank()
                    && !ownField.value().strip().equals(entry.value())) {
                errors.add(new Problem.FieldError(field, "names " + entry.externalId() + ", but " + ownField.name()
                        + " names " + ownField.value().strip() + ": a record has one id of the scheme"));
            }
            if (ownField != null) {
                ownListed.putIfAbsent(entry.scheme(), entry.value());
            }
            ids.add(entry.externalId());
        }
        return ids;
    }

    /** A field of the body that holds the id of one scheme. */
    public record OwnField(String name, String value) {
    }
}
