package org.conflictledger.actors.write;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.conflictledger.actors.domain.Actor;
import org.conflictledger.actors.domain.RegisterActor;
import org.conflictledger.platform.axon.AxonCustomizer;
import org.conflictledger.platform.axon.RecordType;

/** Tells the platform which aggregate this service keeps, and claims keys as actors register. */
@ApplicationScoped
public class ActorWriteConfiguration implements AxonCustomizer {
    public static final RecordType RECORD = new RecordType("actor", Actor.class);

    private final ActorKeyRegistry keys;

    ActorWriteConfiguration(ActorKeyRegistry keys) {
        this.keys = keys;
    }

    @Produces
    @Singleton
    RecordType actorRecord() {
        return RECORD;
    }

    @Override
    public void customize(Configurer configurer) {
        MessageHandlerInterceptor<CommandMessage<?>> claimKey = (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RegisterActor register) {
                keys.claim(register.key(), register.actorId());
            }
            return chain.proceed();
        };
        configurer.onInitialize(config -> config.onStart(() -> config.commandBus().registerHandlerInterceptor(claimKey)));
    }
}
