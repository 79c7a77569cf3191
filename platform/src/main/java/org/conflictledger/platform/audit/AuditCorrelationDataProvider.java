package org.conflictledger.platform.audit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries the audit metadata of a command (or of an event handled by a processor) over to the
 * events it causes, and records the causing message as their causation, unless the command names
 * its cause itself (a command sent on account of another service's CloudEvent names that event).
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        var metaData = message.getMetaData();
        data.put(AuditMetadata.PRINCIPAL, metaData.getOrDefault(AuditMetadata.PRINCIPAL, AuditMetadata.ANONYMOUS));
        copy(metaData, data, AuditMetadata.REASON);
        copy(metaData, data, AuditMetadata.SOURCES);
        data.put(AuditMetadata.CORRELATION_ID, metaData.getOrDefault(AuditMetadata.CORRELATION_ID, message.getIdentifier()));
        Object explicitCause = metaData.get(AuditMetadata.CAUSATION_ID);
        data.put(AuditMetadata.CAUSATION_ID, message instanceof CommandMessage<?> && explicitCause != null
                ? explicitCause : message.getIdentifier());
        return data;
    }

    private static void copy(Map<String, ?> from, Map<String, Object> to, String key) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
