package org.conflictledger.actors.write;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.conflictledger.actors.domain.Actor;
import org.conflictledger.actors.domain.AddActorExternalId;
import org.conflictledger.actors.domain.MergeActor;
import org.conflictledger.actors.domain.RegisterActor;
import org.conflictledger.actors.domain.RemoveActorExternalId;
import org.conflictledger.actors.domain.RetractActor;
import org.conflictledger.platform.axon.AxonCustomizer;
import org.conflictledger.platform.axon.RecordType;

/**
 * Tells the platform which aggregate this service keeps, and claims keys as actors register and external ids as
 * they are added (released as they are removed, and all of an actor's when it is merged or retracted), in the
 * transaction of the command: when the actor refuses the command, the claim is rolled back with it.
 */
@ApplicationScoped
public class ActorWriteConfiguration implements AxonCustomizer {
    public static final RecordType RECORD = new RecordType("actor", Actor.class);

    private final ActorKeyRegistry keys;
    private final ActorExternalIdRegistry externalIds;

    ActorWriteConfiguration(ActorKeyRegistry keys, ActorExternalIdRegistry externalIds) {
        this.keys = keys;
        this.externalIds = externalIds;
    }

    @Produces
    @Singleton
    RecordType actorRecord() {
        return RECORD;
    }

    @Override
    public void customize(Configurer configurer) {
        MessageHandlerInterceptor<CommandMessage<?>> claimKey = (unitOfWork, chain) -> {
            Object command = unitOfWork.getMessage().getPayload();
            if (command instanceof RegisterActor register) {
                keys.claim(register.key(), register.actorId());
            } else if (command instanceof AddActorExternalId add) {
                externalIds.claim(add.externalId(), add.actorId());
            } else if (command instanceof RemoveActorExternalId remove) {
                externalIds.release(remove.externalId(), remove.actorId());
            } else if (command instanceof MergeActor merge) {
                externalIds.releaseAll(merge.actorId());
            } else if (command instanceof RetractActor retract) {
                externalIds.releaseAll(retract.actorId());
            }
            return chain.proceed();
        };
        configurer.onInitialize(config -> config.onStart(() -> config.commandBus().registerHandlerInterceptor(claimKey)));
    }
}
