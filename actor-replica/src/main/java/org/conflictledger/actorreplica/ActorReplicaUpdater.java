package org.conflictledger.actorreplica;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.conflictledger.contracts.ActorEventTypes;
import org.conflictledger.contracts.CloudEventAttributes;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Applies one actor CloudEvent to the replica. Idempotent: each actor's events carry their
 * sequence, and an event at or below the last applied sequence (a redelivery, a replay or a
 * republish, whatever its CloudEvent id) is skipped. An event the replica cannot place (its actor
 * never registered here, or events missing before it) is refused, so the consumer parks it. An event that names
 * the actor anew (registration, rename, merge, retraction) also adds a row to its name history
 * ({@link ActorReplicaName}).
 */
@ApplicationScoped
public class ActorReplicaUpdater {

    /** @return true when the event changed the replica */
    @Transactional
    public boolean apply(JsonNode cloudEvent) {
        String type = cloudEvent.path(CloudEventAttributes.TYPE).asText();
        JsonNode data = cloudEvent.path(CloudEventAttributes.DATA);
        long sequence = cloudEvent.path(CloudEventAttributes.SEQUENCE).asLong(-1);
        String eventId = cloudEvent.path(CloudEventAttributes.ID).asText();
        UUID actorId = UUID.fromString(cloudEvent.path(CloudEventAttributes.SUBJECT).asText());
        Instant time = Instant.parse(cloudEvent.path(CloudEventAttributes.TIME).asText());

        ActorReplica actor = ActorReplica.findById(actorId);
        if (actor == null) {
            if (!ActorEventTypes.REGISTERED.equals(type)) {
                // Never dropped silently: the consumer parks it (visible, replayable once the registration is in).
                throw new IllegalStateException("Actor event " + eventId + " (" + type + ", sequence " + sequence
                        + ") is for actor " + actorId + ", which this replica has not seen registered");
            }
            actor = new ActorReplica();
            actor.id = actorId;
            actor.key = data.path("key").asText();
            actor.name = data.path("name").asText();
            actor.kind = data.path("kind").asText(null);
            actor.status = "ACTIVE";
            actor.aliases = aliases(data);
            stamp(actor, sequence, eventId, time);
            actor.persist();
            ActorReplicaName.record(actor, time);
            return true;
        }
        if (sequence <= actor.lastSequence) {
            return false;
        }
        if (sequence > actor.lastSequence + 1) {
            // A missed event would leave the replica wrong without a word: park this one instead (and, behind it,
            // the actor's later events) until the missing ones are republished and it is replayed.
            throw new IllegalStateException("Actor event " + eventId + " (" + type + ") has sequence " + sequence
                    + ", but the replica of actor " + actorId + " is at " + actor.lastSequence + ": events "
                    + (actor.lastSequence + 1) + " to " + (sequence - 1) + " are missing");
        }
        boolean named = true;
        switch (type) {
            case ActorEventTypes.RENAMED -> actor.name = data.path("name").asText();
            case ActorEventTypes.ALIASES_CHANGED -> {
                actor.aliases = aliases(data);
                named = false;
            }
            case ActorEventTypes.KIND_CORRECTED -> {
                actor.kind = data.path("kind").asText(null);
                named = false;
            }
            case ActorEventTypes.MERGED -> {
                actor.status = "MERGED";
                actor.mergedInto = UUID.fromString(data.path("intoActorId").asText());
            }
            case ActorEventTypes.RETRACTED -> actor.status = "RETRACTED";
            case ActorEventTypes.EXTERNAL_ID_ADDED -> {
                ActorReplicaExternalId.add(actorId, data.path("scheme").asText(), data.path("value").asText());
                named = false;
            }
            case ActorEventTypes.EXTERNAL_ID_REMOVED -> {
                ActorReplicaExternalId.remove(actorId, data.path("scheme").asText(), data.path("value").asText());
                named = false;
            }
            default -> {
                // other actor events (relationships, country) do not concern this replica
                named = false;
            }
        }
        stamp(actor, sequence, eventId, time);
        if (named) {
            ActorReplicaName.record(actor, time);
        }
        return true;
    }

    private static void stamp(ActorReplica actor, long sequence, String eventId, Instant time) {
        actor.lastSequence = sequence;
        actor.lastEventId = eventId;
        actor.updatedAt = time;
    }

    private static String aliases(JsonNode data) {
        String joined = StreamSupport.stream(data.path("aliases").spliterator(), false)
                .map(alias -> alias.asText().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        return joined.length() > 12000 ? joined.substring(0, 12000) : joined;
    }
}
