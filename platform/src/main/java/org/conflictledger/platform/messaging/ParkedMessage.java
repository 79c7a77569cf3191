package org.conflictledger.platform.messaging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A message a consumer could not apply, kept until it is replayed or discarded. */
@Schema(name = "ParkedMessage", description = "A message a consumer could not apply, kept until it is replayed or discarded")
public record ParkedMessage(
        @Schema(description = "Identifies the parked message (for replay and discard)", example = "17") long id,
        @Schema(description = "The consumer that parked it", example = "violations") String consumer,
        @Schema(description = "Where it was read: topic", example = "ledger.events.v1") String topic,
        @Schema(description = "Where it was read: partition", example = "0") int partition,
        @Schema(description = "Where it was read: offset", example = "4711") long offset,
        @Schema(description = "The message key", example = "0b7f5f4e-8d9f-4c52-9a57-3c1f0a3c2d11") String key,
        @Schema(description = "The record whose later messages are parked behind this one until it is replayed or"
                + " discarded; null for a message that is not a ledger CloudEvent (it holds nothing up)",
                example = "0b7f5f4e-8d9f-4c52-9a57-3c1f0a3c2d11") String record,
        @Schema(description = "The CloudEvent id, when the message has one", example = "6c0e5b1a-1f43-4b7e-9d0e-2f1b4a9c7e55")
        String cloudEventId,
        @Schema(description = "The CloudEvent type, when the message has one", example = "ledger.event.reported.v1")
        String type,
        @Schema(description = "The CloudEvent subject, when the message has one",
                example = "0b7f5f4e-8d9f-4c52-9a57-3c1f0a3c2d11") String subject,
        @Schema(description = "The message as it was read (UTF-8)") String message,
        @Schema(description = "Why it was parked: the last failure, or the message it waits behind",
                example = "RuleViolation: A violation's occurredAt lies between 1800-01-01 and 2500-12-31, but was 0020-03-09T21:29:43Z.")
        String error,
        @Schema(description = "How often applying it was tried (0 for a message parked behind another)", example = "3")
        int attempts,
        @Schema(description = "When it was parked", example = "2026-12-06T19:41:34.556Z") Instant parkedAt,
        @Schema(description = "When applying it was last tried", example = "2026-12-06T19:41:34.556Z")
        Instant lastAttemptAt) {
}
