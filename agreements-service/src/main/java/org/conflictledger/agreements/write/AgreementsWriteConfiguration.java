package org.conflictledger.agreements.write;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.conflictledger.agreements.domain.Agreement;
import org.conflictledger.agreements.domain.AgreementDetails;
import org.conflictledger.agreements.domain.AgreementRules;
import org.conflictledger.agreements.domain.CorrectAgreement;
import org.conflictledger.agreements.domain.RecordAgreement;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.platform.axon.AxonCustomizer;
import org.conflictledger.platform.axon.RecordType;
import org.conflictledger.platform.domain.RuleViolation;

import java.util.List;
import java.util.UUID;

/**
 * Tells the platform which aggregate this service keeps, and holds each agreement's external ids as it is recorded
 * or corrected, in the transaction of the command: when the agreement refuses the command, the claim is rolled back
 * with it.
 */
@ApplicationScoped
public class AgreementsWriteConfiguration implements AxonCustomizer {
    /** Agreements and their terms: published as {@code ledger.agreement.<what>.v1}. */
    public static final RecordType RECORD = new RecordType("agreement", Agreement.class);

    private final AgreementExternalIds externalIds;

    AgreementsWriteConfiguration(AgreementExternalIds externalIds) {
        this.externalIds = externalIds;
    }

    @Produces
    @Singleton
    RecordType agreementRecord() {
        return RECORD;
    }

    @Override
    public void customize(Configurer configurer) {
        MessageHandlerInterceptor<CommandMessage<?>> holdExternalIds = (unitOfWork, chain) -> {
            Object command = unitOfWork.getMessage().getPayload();
            if (command instanceof RecordAgreement record && record.agreementId() != null) {
                externalIds.claimAll(record.agreementId(), held(record.details(), record.agreementId()));
            } else if (command instanceof CorrectAgreement correct && correct.agreementId() != null) {
                externalIds.hold(correct.agreementId(), held(correct.details(), correct.agreementId()));
            }
            return chain.proceed();
        };
        configurer.onInitialize(config -> config.onStart(
                () -> config.commandBus().registerHandlerInterceptor(holdExternalIds)));
    }

    /** The ids details give an agreement, as it will normalise them; none when it will refuse the details. */
    private static List<ExternalId> held(AgreementDetails details, UUID agreementId) {
        if (details == null || details.paxAgreementId() == null && details.externalIds().isEmpty()) {
            return List.of();
        }
        try {
            return AgreementRules.externalIds(AgreementRules.details(details, agreementId));
        } catch (RuleViolation refused) {
            return List.of();
        }
    }
}
