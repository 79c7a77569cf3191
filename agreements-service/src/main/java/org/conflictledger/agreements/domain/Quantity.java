package org.conflictledger.agreements.domain;

import java.math.BigDecimal;

/** A number a term sets, with its unit and what it counts: 1960 personnel, 90 armoured personnel carriers, 5 km. */
public record Quantity(
        BigDecimal value,
        String unit,
        String of) {
}
