package org.conflictledger.events.domain;

/**
 * The number of people killed, as UCDP estimates it: a low, a best and a high estimate, each
 * {@code null} when unknown. Where present, {@code 0 <= low <= best <= high}.
 */
public record Fatalities(
        Integer low,
        Integer best,
        Integer high) {
}
