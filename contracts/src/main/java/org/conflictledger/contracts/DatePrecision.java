package org.conflictledger.contracts;

/** How precisely a conflict event's date is known. */
public enum DatePrecision {
    DAY,
    WEEK,
    MONTH,
    YEAR
}
