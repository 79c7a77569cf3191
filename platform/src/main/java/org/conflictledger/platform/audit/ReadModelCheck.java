package org.conflictledger.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.conflictledger.platform.axon.LedgerObjectMapper;

import java.util.List;
import java.util.Objects;

/**
 * Whether a record's read model shows what its stored events give. The service knows both shapes: it folds the
 * events as an {@code asOf} read does and compares the representation with the one its read model serves.
 */
@FunctionalInterface
public interface ReadModelCheck {
    ObjectMapper JSON = LedgerObjectMapper.create();

    /** @param events every stored event of the record, oldest first */
    boolean matches(List<DomainEventMessage<?>> events);

    /** Whether two representations are the same JSON document. */
    static boolean sameJson(Object fromEvents, Object fromReadModel) {
        return Objects.equals(JSON.valueToTree(fromEvents), JSON.valueToTree(fromReadModel));
    }
}
