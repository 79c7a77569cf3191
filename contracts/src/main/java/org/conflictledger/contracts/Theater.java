package org.conflictledger.contracts;

/** The theaters the record covers. */
public enum Theater {
    SYRIA,
    LIBYA,
    NAGORNO_KARABAKH,
    EASTERN_MEDITERRANEAN,
    SOUTH_CAUCASUS
}
