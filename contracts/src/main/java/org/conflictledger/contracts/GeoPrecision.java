package org.conflictledger.contracts;

/** How precisely a conflict event's place is known (mapped to ACLED's 1–3 and UCDP's 1–7 on export). */
public enum GeoPrecision {
    EXACT,
    NEAR,
    ADMIN2,
    ADMIN1,
    COUNTRY,
    WATERS
}
