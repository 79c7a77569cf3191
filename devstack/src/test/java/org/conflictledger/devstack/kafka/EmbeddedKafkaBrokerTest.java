package org.conflictledger.devstack.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void idempotentProducerRecordsAreConsumedInOrder() throws Exception {
        List<String> sent = IntStream.range(0, 200).mapToObj(i -> "record-" + i).toList();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertEquals("localhost:" + broker.port(), broker.bootstrapServers());
            broker.createTopic("ordered", 1);

            KafkaRecords.produce(broker.bootstrapServers(), "ordered", sent);

            assertEquals(withEndMarker(sent), KafkaRecords.consume(broker.bootstrapServers(), "ordered", sent.size() + 1));
        }
    }

    @Test
    void recordsSurviveARestartOnTheSameDataFolder() throws Exception {
        List<String> sent = List.of("first", "second", "third");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            // An auto-created topic: the default of three partitions, one key, so still one order.
            KafkaRecords.produce(broker.bootstrapServers(), "durable", sent);
        }
        String clusterId = BrokerStorage.existingClusterId(EmbeddedKafkaBroker.logDirOf(dataDir)).orElseThrow();

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertEquals(withEndMarker(sent), KafkaRecords.consume(restarted.bootstrapServers(), "durable", sent.size() + 1));
        }
        assertEquals(clusterId, BrokerStorage.existingClusterId(EmbeddedKafkaBroker.logDirOf(dataDir)).orElseThrow());
    }

    @Test
    void refusesAPortThatIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            PortInUseException e = assertThrows(PortInUseException.class,
                    () -> EmbeddedKafkaBroker.start(dataDir, taken.getLocalPort()));
            assertEquals(taken.getLocalPort(), e.port());
        }
    }

    private static List<String> withEndMarker(List<String> values) {
        List<String> expected = new ArrayList<>(values);
        expected.add("end");
        return expected;
    }
}
