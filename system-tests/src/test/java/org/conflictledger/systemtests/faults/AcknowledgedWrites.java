package org.conflictledger.systemtests.faults;

import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The check every fault test ends with: each acknowledged record is in the service with its history; the topic, once
 * the outbox caught up, has each acknowledged creation, no CloudEvent twice, each record's events in order, and no
 * record the service lacks. Prints the counts.
 */
final class AcknowledgedWrites {
    private static final Duration OUTBOX_LAG = Duration.ofSeconds(120);

    private AcknowledgedWrites() {
    }

    /**
     * @param service    a service that has the records (any replica)
     * @param collection e.g. {@code /api/v1/events}
     * @param creation   the CloudEvent type suffix of a creation, e.g. {@code .reported.v1}
     */
    static TopicContents checkRecordAndTopic(String label, RequestSpecification service, String collection,
                                             Set<String> acknowledged, String bootstrapServers, String topicName,
                                             String creation) {
        int found = 0;
        for (String id : acknowledged) {
            if (given(service).get(collection + "/" + id + "/history").statusCode() == 200) {
                found++;
            }
        }
        TopicContents[] topic = new TopicContents[1];
        await(topicName + " has every acknowledged creation").atMost(OUTBOX_LAG).untilAsserted(() -> {
            topic[0] = TopicContents.read(bootstrapServers, topicName);
            assertThat(topic[0].subjectsOf(creation)).containsAll(acknowledged);
        });
        List<String> created = topic[0].subjectsOf(creation);
        long missingFromRecord = created.stream()
                .filter(id -> given(service).get(collection + "/" + id).statusCode() != 200).count();
        System.out.printf("%s after the fault: acknowledged %d, found %d; on %s: %d CloudEvents, %d creations,"
                        + " %d duplicated, %d not in the record%n", label, acknowledged.size(), found,
                topicName, topic[0].events().size(), created.size(), topic[0].duplicates(), missingFromRecord);

        assertThat(found).as("acknowledged writes found in %s", label).isEqualTo(acknowledged.size());
        assertThat(topic[0].duplicates()).as("CloudEvents on %s more than once", topicName).isZero();
        assertThat(topic[0].inSequencePerRecord()).as("each record's events in order on %s", topicName).isTrue();
        assertThat(missingFromRecord).as("records on %s that %s does not have", topicName, label).isZero();
        return topic[0];
    }
}
