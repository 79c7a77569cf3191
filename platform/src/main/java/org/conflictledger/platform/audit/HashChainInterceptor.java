package org.conflictledger.platform.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.conflictledger.transparency.HashChain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Stamps each event on its way into the store with the moment it is recorded and its link in
 * the record's hash chain. The previous link comes from an earlier event of the same unit of
 * work, or else from the last stored event of the record.
 */
public class HashChainInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {
    private static final String LAST_HASHES = HashChainInterceptor.class.getName() + ".lastHashes";

    private final Supplier<EventStorageEngine> storageEngine;
    private final Serializer serializer;

    public HashChainInterceptor(Supplier<EventStorageEngine> storageEngine, Serializer serializer) {
        this.storageEngine = storageEngine;
        this.serializer = serializer;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> message instanceof DomainEventMessage<?> event ? stamp(event) : message;
    }

    private EventMessage<?> stamp(DomainEventMessage<?> event) {
        Map<String, Object> metaData = new HashMap<>(event.getMetaData());
        metaData.put(AuditMetadata.RECORDED_AT, event.getTimestamp().toString());
        metaData.putIfAbsent(AuditMetadata.PRINCIPAL, AuditMetadata.ANONYMOUS);
        metaData.remove(AuditMetadata.HASH);
        metaData.put(HashChain.FORM, HashChain.EXACT_FORM);
        String previous = previousHash(event);
        byte[] payload = serializer.serialize(event.getPayload(), byte[].class).getData();
        byte[] metaDataJson = serializer.serialize(metaData, byte[].class).getData();
        String hash = HashChain.link(previous, event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getPayloadType().getName(), payload, metaDataJson);
        metaData.put(AuditMetadata.HASH, hash);
        lastHashes().ifPresent(map -> map.put(event.getAggregateIdentifier(), hash));
        return event.withMetaData(metaData);
    }

    private String previousHash(DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return HashChain.GENESIS;
        }
        String inThisUnit = lastHashes().map(map -> map.get(event.getAggregateIdentifier())).orElse(null);
        if (inThisUnit != null) {
            return inThisUnit;
        }
        DomainEventStream stored = storageEngine.get()
                .readEvents(event.getAggregateIdentifier(), event.getSequenceNumber() - 1);
        if (!stored.hasNext()) {
            return HashChain.GENESIS;
        }
        Object hash = stored.next().getMetaData().get(AuditMetadata.HASH);
        return hash == null ? HashChain.GENESIS : hash.toString();
    }

    private static java.util.Optional<Map<String, String>> lastHashes() {
        if (!CurrentUnitOfWork.isStarted()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(CurrentUnitOfWork.get().root()
                .getOrComputeResource(LAST_HASHES, key -> new HashMap<String, String>()));
    }
}
