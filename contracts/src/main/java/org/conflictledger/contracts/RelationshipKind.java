package org.conflictledger.contracts;

/** How one actor stands towards another, read from the declaring actor to its counterpart. */
public enum RelationshipKind {
    SUPPORTS,
    OPPOSES,
    ALLIED_WITH,
    PROXY_OF,
    MEDIATES,
    CO_CHAIRS,
    MEMBER_OF,
    SANCTIONS,
    NO_DIPLOMATIC_RELATIONS
}
