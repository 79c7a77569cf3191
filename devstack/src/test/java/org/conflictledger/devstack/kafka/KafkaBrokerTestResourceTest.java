package org.conflictledger.devstack.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaBrokerTestResourceTest {

    @Test
    void everyTestClassGetsTheSameRunningBroker() throws Exception {
        KafkaBrokerTestResource firstClass = new KafkaBrokerTestResource();
        Map<String, String> firstConfig = firstClass.start();
        firstClass.stop();

        KafkaBrokerTestResource laterClass = new KafkaBrokerTestResource();
        Map<String, String> laterConfig = laterClass.start();

        String bootstrap = firstConfig.get("kafka.bootstrap.servers");
        assertTrue(bootstrap.matches("localhost:\\d+"), bootstrap);
        assertEquals(firstConfig, laterConfig);

        // Still serving after the first class's stop().
        KafkaBrokerTestResource.createTopic("shared", 1);
        KafkaRecords.produce(bootstrap, "shared", List.of("still running"));
        assertEquals(List.of("still running", "end"), KafkaRecords.consume(bootstrap, "shared", 2));
        laterClass.stop();
    }
}
