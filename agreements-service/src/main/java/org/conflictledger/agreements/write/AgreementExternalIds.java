package org.conflictledger.agreements.write;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import org.conflictledger.platform.externalid.ExternalIdRegister;

/**
 * The register of external ids that name one agreement (its PA-X id and the others a scheme keeps unique): held as
 * the agreement is recorded or corrected.
 */
@Singleton
public class AgreementExternalIds extends ExternalIdRegister {

    AgreementExternalIds(AgroalDataSource dataSource) {
        super(dataSource, "external_id_claim", "record_id", "agreement");
    }
}
