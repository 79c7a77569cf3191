package org.conflictledger.contracts;

/** What kind of actor a record describes. */
public enum ActorKind {
    STATE,
    LEADER,
    ARMED_GROUP,
    GOVERNMENT,
    SELF_DECLARED_ENTITY,
    INTERGOVERNMENTAL_BODY,
    PEACEKEEPING_FORCE,
    PRIVATE_MILITARY,
    AGENCY
}
