package org.conflictledger.gateway.stream;

import java.util.Set;

/**
 * One CloudEvent as the stream serves it.
 *
 * @param id         the gateway's SSE id: contiguous, increasing, assigned in the order the gateway read the events
 * @param recordType {@code actor}, {@code event} or {@code agreement}, from the topic
 * @param type       the CloudEvent type
 * @param cloudEvent the CloudEvent as JSON on one line
 * @param actors     actor ids the event concerns (the actor itself, an event's actors, an agreement's parties)
 * @param theater    the theater of the record, if known
 * @param agreements agreement ids the event concerns (the agreement itself, an event's agreement)
 */
public record StreamEntry(long id, String recordType, String type, String eventId, String cloudEvent,
                          Set<String> actors, String theater, Set<String> agreements) {

    /** The SSE message. */
    public String sse() {
        return "id: " + id + "\nevent: " + type + "\ndata: " + cloudEvent + "\n\n";
    }
}
