package org.conflictledger.platform.axon;

/**
 * A read model fed by its own streaming event processor. Implementations are CDI
 * {@code @Singleton} beans with Axon {@code @EventHandler} methods and a {@code @ResetHandler}
 * that empties the read model, so it can be rebuilt by replaying the event store.
 */
public interface Projection {

    /** The name of the processor (and of its token) that feeds this read model. */
    String processorName();
}
