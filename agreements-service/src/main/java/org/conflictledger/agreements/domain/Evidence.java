package org.conflictledger.agreements.domain;

import java.util.UUID;

/** A conflict event an assessment rests on, with a note on what it shows. */
public record Evidence(
        UUID conflictEvent,
        String note) {
}
