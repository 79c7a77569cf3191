package org.conflictledger.actorreplica;

import java.util.UUID;

/** An actor as this service knows it from its replica: enough to name it. */
public record ActorRef(UUID id, String key, String name, String status) {
}
