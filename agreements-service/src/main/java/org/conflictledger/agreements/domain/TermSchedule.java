package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Where a term with a duration stands at an instant: the period running then, when it expires,
 * when the notice window for objecting to its renewal closes, and how often it has renewed.
 * Periods are counted in the agreement's time zone from its entry into force (five years from
 * 00:00 Moscow time on 10 November 2020 end at 00:00 Moscow time on 10 November 2025).
 *
 * <p>An objection counts against the first renewal whose notice deadline (its expiry when there is
 * no notice period) it meets; an objection after that deadline counts against the next one.
 *
 * @param state          {@code NOT_IN_FORCE} (the agreement has no in-force instant),
 *                       {@code NOT_STARTED}, {@code RUNNING}, {@code EXPIRED} or
 *                       {@code ENDED} (the agreement ended before the term expired)
 * @param periodNumber   1 for the initial period, 2 for the first renewal, …
 * @param expiresAt      the end of the period running (or of the last one, once expired)
 * @param noticeDeadline the last instant to object to the renewal at the end of that period
 * @param willRenew      whether the period running renews when it expires
 */
public record TermSchedule(
        UUID termId,
        int order,
        String state,
        Instant startsAt,
        Period period,
        boolean autoRenew,
        Period renewalPeriod,
        Period noticePeriod,
        int periodNumber,
        Instant periodStartsAt,
        Instant expiresAt,
        Instant noticeDeadline,
        int renewals,
        boolean renewed,
        boolean willRenew,
        Instant endedAt) {

    public static final String NOT_IN_FORCE = "NOT_IN_FORCE";
    public static final String NOT_STARTED = "NOT_STARTED";
    public static final String RUNNING = "RUNNING";
    public static final String EXPIRED = "EXPIRED";
    public static final String ENDED = "ENDED";

    /** More renewals than this is a modelling error, not a schedule. */
    private static final int MAX_PERIODS = 10_000;

    /** The schedule of a term at an instant; the term must have a duration. */
    public static TermSchedule of(AgreementState agreement, TermState term, Instant at) {
        TermDuration duration = term.details().duration();
        Instant inForceAt = agreement.details().inForceAt();
        if (inForceAt == null) {
            return new TermSchedule(term.termId(), term.details().order(), NOT_IN_FORCE, null, duration.period(),
                    duration.autoRenew(), duration.renewalPeriod(), duration.noticePeriod(), 0, null, null, null, 0,
                    false, false, null);
        }
        ZoneId zone = agreement.zone();
        List<Instant> objections = term.objections().stream().map(Objection::objectedAt)
                .sorted(Comparator.naturalOrder()).toList();
        ZonedDateTime periodStart = inForceAt.atZone(zone);
        ZonedDateTime periodEnd = periodStart.plus(duration.period());
        Instant previousDeadline = null;
        int number = 1;
        while (true) {
            Instant deadline = noticeDeadline(periodEnd, duration.noticePeriod());
            boolean willRenew = duration.autoRenew() && !objected(objections, previousDeadline, deadline);
            Instant endedAt = agreement.endedAt().filter(ended -> !ended.isAfter(at)).orElse(null);
            String state;
            if (endedAt != null && !endedAt.isAfter(periodEnd.toInstant())) {
                state = ENDED;
            } else if (at.isBefore(inForceAt)) {
                state = NOT_STARTED;
            } else if (at.isBefore(periodEnd.toInstant())) {
                state = RUNNING;
            } else if (!willRenew || number >= MAX_PERIODS) {
                state = EXPIRED;
            } else {
                periodStart = periodEnd;
                periodEnd = periodEnd.plus(duration.renewalPeriod());
                previousDeadline = deadline;
                number++;
                continue;
            }
            return new TermSchedule(term.termId(), term.details().order(), state, inForceAt, duration.period(),
                    duration.autoRenew(), duration.renewalPeriod(), duration.noticePeriod(), number,
                    periodStart.toInstant(), periodEnd.toInstant(), duration.autoRenew() ? deadline : null, number - 1,
                    number > 1, willRenew && !ENDED.equals(state), endedAt);
        }
    }

    private static Instant noticeDeadline(ZonedDateTime expiry, Period notice) {
        return notice == null ? expiry.toInstant() : expiry.minus(notice).toInstant();
    }

    /** Whether an objection falls after the previous notice deadline and by this one. */
    private static boolean objected(List<Instant> objections, Instant after, Instant byDeadline) {
        return objections.stream().anyMatch(o -> (after == null || o.isAfter(after)) && !o.isAfter(byDeadline));
    }
}
