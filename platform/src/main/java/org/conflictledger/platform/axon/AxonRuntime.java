package org.conflictledger.platform.axon;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.conflictledger.platform.audit.AuditCorrelationDataProvider;
import org.conflictledger.platform.audit.HashChainInterceptor;
import org.conflictledger.platform.config.LedgerConfig;
import org.conflictledger.platform.idempotency.IdempotencyKeys;
import org.conflictledger.platform.messaging.KafkaOutbox;
import org.conflictledger.platform.transparency.LogAppender;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds Axon's configuration from the service's beans when Quarkus starts and shuts it down
 * (processors first, releasing their claims) before the datasource closes. Everything shares
 * the Quarkus datasource and its JTA transactions.
 */
@ApplicationScoped
public class AxonRuntime {
    public static final String OUTBOX_PROCESSOR = "kafka-outbox";
    /**
     * How long a token claim stays valid without being renewed. A node that dies without releasing
     * its claims (killed, or cut off from the database) keeps them this long; then another node's
     * processor takes the segment over from the stored token. Axon's default, made explicit because
     * {@link ReadModels} needs it too.
     */
    public static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How often the event store is polled for events another node appended. (Events appended on
     * this node wake the local processors at once.) With several replicas, a write answered by a
     * node that does not process the read models waits for the processing node to see the event:
     * Axon's default of 1 s would add up to a second to such writes.
     */
    static final Duration EVENT_FETCH_DELAY = Duration.ofMillis(100);
    private static final Logger LOG = Logger.getLogger(AxonRuntime.class);

    private final AgroalDataSource dataSource;
    private final jakarta.transaction.TransactionManager jta;
    private final LedgerConfig config;
    private final Instance<RecordType> recordTypes;
    private final Instance<Projection> projections;
    private final Instance<AxonCustomizer> customizers;
    private final Instance<EventUpcaster> upcasters;
    private final KafkaOutbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final LogAppender transparencyLog;

    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();
    private Configuration configuration;
    private EventStorageEngine storageEngine;

    AxonRuntime(AgroalDataSource dataSource, jakarta.transaction.TransactionManager jta, LedgerConfig config,
                Instance<RecordType> recordTypes, Instance<Projection> projections,
                Instance<AxonCustomizer> customizers, Instance<EventUpcaster> upcasters, KafkaOutbox outbox,
                IdempotencyKeys idempotencyKeys, LogAppender transparencyLog) {
        this.dataSource = dataSource;
        this.jta = jta;
        this.config = config;
        this.recordTypes = recordTypes;
        this.projections = projections;
        this.customizers = customizers;
        this.upcasters = upcasters;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.transparencyLog = transparencyLog;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        configuration();
    }

    void onStop(@Observes @Priority(100) ShutdownEvent event) {
        synchronized (this) {
            if (configuration != null) {
                configuration.shutdown();
                configuration = null;
                LOG.info("Axon stopped");
            }
        }
    }

    /** The running configuration, started on first use. */
    public synchronized Configuration configuration() {
        if (configuration == null) {
            configuration = build();
            configuration.start();
            LOG.infof("Axon started: records %s, processors %s",
                    recordTypes.stream().map(RecordType::name).toList(),
                    configuration.eventProcessingConfiguration().eventProcessors().keySet());
        }
        return configuration;
    }

    public CommandGateway commandGateway() {
        return configuration().commandGateway();
    }

    public EventStore eventStore() {
        return configuration().eventStore();
    }

    public EventStorageEngine storageEngine() {
        configuration();
        return storageEngine;
    }

    public Optional<TrackingEventProcessor> processor(String name) {
        return configuration().eventProcessingConfiguration().eventProcessor(name, TrackingEventProcessor.class);
    }

    /** This process's name in the token store's {@code owner} column ({@code pid@host}). */
    public String nodeId() {
        return nodeId;
    }

    /** The serializer of events, messages and tokens. */
    public Serializer serializer() {
        return configuration().serializer();
    }

    public List<Projection> projections() {
        return projections.stream().toList();
    }

    private Configuration build() {
        Serializer serializer = JacksonSerializer.builder()
                .objectMapper(LedgerObjectMapper.create())
                .lenientDeserialization()
                .build();
        TransactionManager transactions = new JtaTransactionManager(jta);
        storageEngine = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(EventStoreSchema.events())
                .dataType(byte[].class)
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .readEventDataWithGaps(TrackedEventsWithGaps::build)
                .upcasterChain(new EventUpcasterChain(upcasters.stream().toList()))
                .build();

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> List.<CorrelationDataProvider>of(new AuditCorrelationDataProvider()))
                .configureEventStore(c -> eventStore(serializer));
        recordTypes.forEach(record -> configurer.configureAggregate(aggregate(record.aggregateType())));
        configurer.eventProcessing(this::configureProcessing);
        configurer.onInitialize(config -> config.onStart(() ->
                config.commandBus().registerHandlerInterceptor(idempotencyKeys.claimingInterceptor())));
        customizers.forEach(customizer -> customizer.customize(configurer));
        return configurer.buildConfiguration();
    }

    private EventStore eventStore(Serializer serializer) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storageEngine)
                .fetchDelay(EVENT_FETCH_DELAY.toMillis()).build();
        store.registerDispatchInterceptor(new HashChainInterceptor(() -> storageEngine, serializer));
        store.registerDispatchInterceptor(outbox.sizeCheck());
        return store;
    }

    private <A> AggregateConfigurer<A> aggregate(Class<A> type) {
        int threshold = config.axon().snapshotThreshold();
        return AggregateConfigurer.defaultConfiguration(type)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold));
    }

    private void configureProcessing(EventProcessingConfigurer processing) {
        processing.registerTokenStore(c -> JdbcTokenStore.builder()
                .connectionProvider(dataSource::getConnection)
                .serializer(c.serializer())
                .schema(EventStoreSchema.tokens())
                .nodeId(nodeId)
                .claimTimeout(CLAIM_TIMEOUT)
                .build());
        // A handler that fails must stop its processor (which retries), never skip the event.
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        projections.forEach(projection -> register(processing, projection.processorName(), projection, 100));
        if (config.outbox().enabled()) {
            register(processing, OUTBOX_PROCESSOR, outbox, 50);
        }
        register(processing, LogAppender.PROCESSOR, transparencyLog, 100);
    }

    private static void register(EventProcessingConfigurer processing, String name, Object handler, int batchSize) {
        processing.registerEventHandler(c -> handler)
                .assignHandlerInstancesMatching(name, candidate -> candidate == handler)
                .registerTrackingEventProcessor(name, Configuration::eventStore, c ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize)
                                // A plain tail token: Axon's default wraps it in a replay token, and a
                                // reset would then nest replay tokens that never report caught up.
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }
}
