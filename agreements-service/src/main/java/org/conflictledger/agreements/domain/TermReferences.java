package org.conflictledger.agreements.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the term a conflict event names. A conflict event names a term as free text: the term's
 * id, its order ({@code 3}, {@code term 3}, {@code point 3}, {@code #3}) or its article reference
 * ({@code Article 3}), compared without regard to case.
 */
public final class TermReferences {
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern ORDER = Pattern.compile("(?:(?:term|point|provision|paragraph)\\s*|#)?(\\d{1,5})");

    private TermReferences() {
    }

    public static Optional<UUID> resolve(AgreementState agreement, String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String text = reference.strip();
        if (UUID_TEXT.matcher(text).matches()) {
            UUID id = UUID.fromString(text);
            return agreement.term(id).map(TermState::termId);
        }
        Optional<UUID> byArticle = agreement.terms().stream()
                .filter(t -> t.details().article() != null && t.details().article().equalsIgnoreCase(text))
                .map(TermState::termId).findFirst();
        if (byArticle.isPresent()) {
            return byArticle;
        }
        Matcher order = ORDER.matcher(text.toLowerCase(Locale.ROOT));
        if (order.matches()) {
            int number = Integer.parseInt(order.group(1));
            return agreement.terms().stream().filter(t -> t.details().order() == number)
                    .map(TermState::termId).findFirst();
        }
        return Optional.empty();
    }
}
