package org.conflictledger.agreements.write;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.conflictledger.agreements.domain.Agreement;
import org.conflictledger.platform.axon.RecordType;

/** Tells the platform which aggregate this service keeps. */
@ApplicationScoped
public class AgreementsWriteConfiguration {
    /** Agreements and their terms: published as {@code ledger.agreement.<what>.v1}. */
    public static final RecordType RECORD = new RecordType("agreement", Agreement.class);

    @Produces
    @Singleton
    RecordType agreementRecord() {
        return RECORD;
    }
}
