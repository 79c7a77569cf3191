package org.conflictledger.agreements.domain;

import java.time.Period;

/**
 * How long a term lasts from the agreement's entry into force, and how it renews: e.g. five
 * years, renewed automatically for five more unless a party objects six months before expiry
 * ({@code P5Y}, true, {@code P5Y}, {@code P6M}).
 *
 * @param renewalPeriod how long each renewal lasts (the period again when not given)
 * @param noticePeriod  how long before an expiry an objection must be made to stop the renewal
 */
public record TermDuration(
        Period period,
        boolean autoRenew,
        Period renewalPeriod,
        Period noticePeriod) {
}
