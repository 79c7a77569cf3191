package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.util.UUID;

/** A party's objection to a term's automatic renewal. */
public record Objection(
        UUID party,
        Instant objectedAt) {
}
