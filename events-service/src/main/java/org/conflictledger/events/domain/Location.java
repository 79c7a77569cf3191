package org.conflictledger.events.domain;

import org.conflictledger.contracts.GeoPrecision;

/**
 * Where a conflict event took place: a place name with its administrative areas and country, and
 * optionally coordinates (WGS 84 degrees, both or neither) with how precisely they are known.
 *
 * @param admin1       the first-level administrative area (a province, a district of Azerbaijan)
 * @param country      the country's name as ACLED and UCDP spell it
 * @param geoPrecision how precisely the place is known; required when coordinates are given
 */
public record Location(
        String place,
        String admin1,
        String admin2,
        String admin3,
        String country,
        Double latitude,
        Double longitude,
        GeoPrecision geoPrecision) {
}
