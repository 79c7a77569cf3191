package org.conflictledger.events.write;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import org.conflictledger.platform.externalid.ExternalIdRegister;

/**
 * The register of external ids that name one conflict event (its ACLED event id, its UCDP GED id and the others a
 * scheme keeps unique): held as the event is reported or corrected, released as it is retracted.
 */
@Singleton
public class ConflictEventExternalIds extends ExternalIdRegister {

    ConflictEventExternalIds(AgroalDataSource dataSource) {
        super(dataSource, "external_id_claim", "record_id", "conflict event");
    }
}
