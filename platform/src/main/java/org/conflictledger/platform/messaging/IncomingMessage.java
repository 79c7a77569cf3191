package org.conflictledger.platform.messaging;

/** One message as a consumer read it from the broker: where it was, its key and its raw value. */
public record IncomingMessage(String topic, int partition, long offset, String key, byte[] value) {

    /** {@code topic-partition@offset}, as the log lines name a message. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
