package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A year of an agreement's implementation as the Peace Accords Matrix scores it: a calendar year in the agreement's
 * time zone, counted from the year of signing (index 1). A year that had ended by the instant looked from is scored as
 * it stood at its last instant (an assessment taking effect at 00:00 on 1 January counts for the new year); the year
 * still running, at that instant.
 *
 * @param complete whether the year had ended by the instant looked from
 * @param scoredAt the valid-time instant the year's scores are read at
 */
public record ImplementationYear(int year, int index, boolean complete, Instant scoredAt) {

    /**
     * The years from the year of {@code signedOn} to the one {@code at} falls in, in {@code zone}; none when the
     * agreement was signed after {@code at} (also later in the same year).
     */
    public static List<ImplementationYear> since(LocalDate signedOn, ZoneId zone, Instant at) {
        if (signedOn.atStartOfDay(zone).toInstant().isAfter(at)) {
            return List.of();
        }
        int first = signedOn.getYear();
        int last = at.atZone(zone).getYear();
        List<ImplementationYear> years = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            Instant ends = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
            boolean complete = !ends.isAfter(at);
            years.add(new ImplementationYear(year, year - first + 1, complete, complete ? ends.minusNanos(1) : at));
        }
        return years;
    }

    /** The term's assessment that scores it this year: the one in effect at {@link #scoredAt}, if any. */
    public Optional<Assessment> assessmentOf(TermState term) {
        return term.assessmentAt(scoredAt);
    }
}
