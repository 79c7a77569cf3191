package org.conflictledger.contracts;

/** What kind of agreement a record describes. */
public enum AgreementKind {
    CEASEFIRE,
    ARMISTICE,
    MEMORANDUM,
    PEACE_AGREEMENT
}
