package org.conflictledger.platform.messaging;

/**
 * Which CloudEvents a consumer takes: the types it handles and the one publisher it takes them from. A message of
 * another type, or one claiming another {@code source} (a producer that should not write to the topic), is parked
 * as unreadable, never applied.
 *
 * @param typePrefix the CloudEvent {@code type}s, e.g. {@code ledger.actor.}
 * @param source     the only {@code source} accepted, e.g. {@code /conflict-ledger/actors-service}
 */
public record AcceptedEvents(String typePrefix, String source) {
}
