package org.conflictledger.platform.messaging;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Refuses, on its way into the store, an event whose CloudEvent the topic could not take: the unit of work fails
 * with {@link ChangeTooLarge} and nothing of it is stored. Registered after the hash chain, so that the event is
 * measured with all the metadata it is published with.
 */
public class PublishableSizeCheck implements MessageDispatchInterceptor<EventMessage<?>> {
    private final CloudEventWriter writer;
    private final int maxBytes;

    public PublishableSizeCheck(CloudEventWriter writer, int maxBytes) {
        this.writer = writer;
        this.maxBytes = maxBytes;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (message instanceof DomainEventMessage<?> event) {
                int size = writer.write(event).length;
                if (size > maxBytes) {
                    throw new ChangeTooLarge(writer.typeOf(event), size, maxBytes);
                }
            }
            return message;
        };
    }
}
