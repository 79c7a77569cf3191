package org.conflictledger.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.conflictledger.contracts.CloudEventAttributes;
import org.conflictledger.contracts.CloudEventSources;
import org.conflictledger.platform.audit.AuditMetadata;
import org.conflictledger.platform.audit.EventTypeNames;
import org.conflictledger.platform.axon.LedgerObjectMapper;
import org.conflictledger.platform.axon.RecordType;

import java.io.UncheckedIOException;
import java.util.Map;

/** Writes a stored event as a structured-mode JSON CloudEvent 1.0 with the audit metadata as extensions. */
public class CloudEventWriter {
    private final ObjectMapper json = LedgerObjectMapper.create();
    private final String source;
    private final Map<String, RecordType> recordsByAggregateType;

    /**
     * @param serviceName                the publishing service, becomes the {@code source}
     * @param recordsByAggregateType the record kept by each Axon aggregate type (by its simple name)
     */
    public CloudEventWriter(String serviceName, Map<String, RecordType> recordsByAggregateType) {
        this.source = CloudEventSources.of(serviceName);
        this.recordsByAggregateType = recordsByAggregateType;
    }

    public byte[] write(DomainEventMessage<?> event) {
        ObjectNode cloudEvent = json.createObjectNode();
        cloudEvent.put(CloudEventAttributes.SPECVERSION, CloudEventAttributes.SPEC_VERSION);
        cloudEvent.put(CloudEventAttributes.ID, event.getIdentifier());
        cloudEvent.put(CloudEventAttributes.SOURCE, source);
        cloudEvent.put(CloudEventAttributes.TYPE, typeOf(event));
        cloudEvent.put(CloudEventAttributes.SUBJECT, event.getAggregateIdentifier());
        cloudEvent.put(CloudEventAttributes.TIME, event.getTimestamp().toString());
        cloudEvent.put(CloudEventAttributes.DATACONTENTTYPE, "application/json");
        var metaData = event.getMetaData();
        putText(cloudEvent, CloudEventAttributes.PRINCIPAL, metaData.get(AuditMetadata.PRINCIPAL));
        putText(cloudEvent, CloudEventAttributes.REASON, metaData.get(AuditMetadata.REASON));
        putText(cloudEvent, CloudEventAttributes.CORRELATION_ID, metaData.get(AuditMetadata.CORRELATION_ID));
        putText(cloudEvent, CloudEventAttributes.CAUSATION_ID, metaData.get(AuditMetadata.CAUSATION_ID));
        putText(cloudEvent, CloudEventAttributes.HASH, metaData.get(AuditMetadata.HASH));
        cloudEvent.put(CloudEventAttributes.SEQUENCE, event.getSequenceNumber());
        Object sources = metaData.get(AuditMetadata.SOURCES);
        try {
            if (sources != null) {
                // Extension attributes are scalars, so the citations travel as a JSON string.
                cloudEvent.put(CloudEventAttributes.SOURCES, json.writeValueAsString(sources));
            }
            cloudEvent.set(CloudEventAttributes.DATA, json.valueToTree(event.getPayload()));
            return json.writeValueAsBytes(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Event " + event.getIdentifier() + " cannot be written as a CloudEvent", e);
        }
    }

    public String typeOf(DomainEventMessage<?> event) {
        RecordType record = recordsByAggregateType.get(event.getType());
        if (record == null) {
            throw new IllegalStateException("No record type is registered for aggregate " + event.getType());
        }
        return EventTypeNames.of(record, event.getPayloadType());
    }

    private static void putText(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }
}
