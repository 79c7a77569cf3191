package org.conflictledger.gateway.stream;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/** The live stream's meters at {@code /q/metrics}: clients connected, clients dropped, events kept. */
@ApplicationScoped
class StreamMetrics {

    private static final List<String> NAMES = List.of("ledger.stream.clients", "ledger.stream.dropped.clients",
            "ledger.stream.events.kept");

    void register(@Observes StartupEvent event, MeterRegistry registry, StreamRoute route, StreamJournal journal) {
        // A registry can outlive one start of the application (tests start it several times in one JVM): meters of an
        // earlier start would keep reading beans that are gone, and would shadow these.
        NAMES.forEach(name -> registry.find(name).meters().forEach(registry::remove));
        Gauge.builder("ledger.stream.clients", route, StreamRoute::connectedClients)
                .description("Clients connected to GET /api/v1/stream").register(registry);
        FunctionCounter.builder("ledger.stream.dropped.clients", route, StreamRoute::droppedClients)
                .description("Stream clients dropped for reading too slowly").register(registry);
        Gauge.builder("ledger.stream.events.kept", journal, kept -> Math.max(0, kept.newest() - kept.oldest() + 1))
                .description("Events the gateway keeps for Last-Event-ID").register(registry);
    }
}
