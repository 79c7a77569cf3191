package org.conflictledger.gateway.stream;

import java.util.Set;

/**
 * One CloudEvent as the stream serves it.
 *
 * @param sequence     its place in this gateway's journal: contiguous and increasing, in the order the gateway read
 *                     the events; internal, never sent
 * @param position     where the stream stands right after this event: its SSE id, the same at every gateway
 * @param partitionKey the topic partition it was read from ({@link StreamPosition#key})
 * @param offset       its offset in that partition
 * @param recordType   {@code actor}, {@code event} or {@code agreement}, from the topic
 * @param type         the CloudEvent type
 * @param cloudEvent   the CloudEvent as JSON on one line
 * @param actors       actor ids the event concerns (the actor itself, an event's actors, an agreement's parties)
 * @param theater      the theater of the record, if known
 * @param agreements   agreement ids the event concerns (the agreement itself, an event's agreement)
 */
public record StreamEntry(long sequence, StreamPosition position, String partitionKey, long offset,
                          String recordType, String type, String eventId, String cloudEvent,
                          Set<String> actors, String theater, Set<String> agreements) {

    /** The SSE message. */
    public String sse() {
        return sse(position);
    }

    /** The SSE message with this id. */
    public String sse(StreamPosition id) {
        return "id: " + id + "\nevent: " + type + "\ndata: " + cloudEvent + "\n\n";
    }
}
