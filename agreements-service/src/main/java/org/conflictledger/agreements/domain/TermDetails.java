package org.conflictledger.agreements.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.conflictledger.contracts.TermCategory;

/**
 * A term (provision) of an agreement: its place in the text, what it says, who it obliges and who
 * it benefits, and its numbers and dates — a deadline (the last day, in the agreement's time zone),
 * a duration with its renewal rule, quantities with units, and conditions on other terms.
 */
public record TermDetails(
        int order,
        String article,
        String text,
        TermCategory category,
        List<UUID> obligated,
        List<UUID> beneficiaries,
        LocalDate deadline,
        TermDuration duration,
        List<Quantity> quantities,
        List<TermCondition> conditions) {

    public TermDetails {
        obligated = obligated == null ? List.of() : obligated;
        beneficiaries = beneficiaries == null ? List.of() : beneficiaries;
        quantities = quantities == null ? List.of() : quantities;
        conditions = conditions == null ? List.of() : conditions;
    }
}
