package org.conflictledger.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.conflictledger.contracts.CloudEventAttributes;
import org.conflictledger.contracts.LogEventTypes;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reads the value of a message as a ledger CloudEvent: about a record (UUID subject), with a time, sequence and data. */
final class LedgerCloudEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerCloudEvents() {
    }

    /**
     * @param accepted the CloudEvent types the consumer handles and the source it takes them from
     * @return the CloudEvent, or null for an event about the publisher's transparency log (a checkpoint), which
     *         shares the topic with the record events and is no record's: the consumer skips it
     * @throws UnreadableMessage saying why the value is not such a CloudEvent
     */
    static JsonNode read(byte[] value, AcceptedEvents accepted) {
        if (value == null) {
            throw new UnreadableMessage("the message has no value");
        }
        JsonNode cloudEvent;
        try {
            cloudEvent = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UnreadableMessage("the message is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnreadableMessage("the message is not JSON: " + e.getMessage());
        }
        if (cloudEvent == null || !cloudEvent.isObject()) {
            throw new UnreadableMessage("the message is not a JSON object");
        }
        String type = cloudEvent.path(CloudEventAttributes.TYPE).asText();
        if (LogEventTypes.isLogEvent(type)
                && cloudEvent.path(CloudEventAttributes.SOURCE).asText().equals(accepted.source())) {
            return null;
        }
        if (!type.startsWith(accepted.typePrefix())) {
            throw new UnreadableMessage("type \"" + type + "\" is not a " + accepted.typePrefix() + "* CloudEvent type");
        }
        String source = cloudEvent.path(CloudEventAttributes.SOURCE).asText();
        if (!source.equals(accepted.source())) {
            throw new UnreadableMessage("source \"" + source + "\" is not " + accepted.source()
                    + ", the only publisher of these events");
        }
        try {
            UUID.fromString(cloudEvent.path(CloudEventAttributes.SUBJECT).asText());
        } catch (IllegalArgumentException e) {
            throw new UnreadableMessage("subject is not a UUID");
        }
        try {
            Instant.parse(cloudEvent.path(CloudEventAttributes.TIME).asText());
        } catch (DateTimeParseException e) {
            throw new UnreadableMessage("time is not an instant");
        }
        if (!cloudEvent.path(CloudEventAttributes.SEQUENCE).canConvertToLong()) {
            throw new UnreadableMessage("sequence is not an integer");
        }
        if (!cloudEvent.path(CloudEventAttributes.DATA).isObject()) {
            throw new UnreadableMessage("data is not an object");
        }
        return cloudEvent;
    }

    /** The value as JSON when it is some, for the attributes a parked message lists; null otherwise. */
    static JsonNode tryJson(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
