package org.conflictledger.actors.write;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import org.conflictledger.platform.externalid.ExternalIdRegister;

/**
 * The register of external ids that name one actor: claimed as an actor is given an id, released as it gives one up,
 * is merged or is retracted. Like the key register, not a read model: never rebuilt.
 */
@Singleton
public class ActorExternalIdRegistry extends ExternalIdRegister {

    ActorExternalIdRegistry(AgroalDataSource dataSource) {
        super(dataSource, "actor_external_id_claim", "actor_id", "actor");
    }
}
