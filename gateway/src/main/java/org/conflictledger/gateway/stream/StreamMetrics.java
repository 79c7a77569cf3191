package org.conflictledger.gateway.stream;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The live stream's meters at {@code /q/metrics}: clients connected, clients dropped, events kept. */
@ApplicationScoped
class StreamMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry, StreamRoute route, StreamJournal journal) {
        Gauge.builder("ledger.stream.clients", route, StreamRoute::connectedClients)
                .description("Clients connected to GET /api/v1/stream").register(registry);
        FunctionCounter.builder("ledger.stream.dropped.clients", route, StreamRoute::droppedClients)
                .description("Stream clients dropped for reading too slowly").register(registry);
        Gauge.builder("ledger.stream.events.kept", journal, kept -> Math.max(0, kept.newest() - kept.oldest() + 1))
                .description("Events the gateway keeps for Last-Event-ID").register(registry);
    }
}
