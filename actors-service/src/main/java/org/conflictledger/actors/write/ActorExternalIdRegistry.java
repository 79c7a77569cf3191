package org.conflictledger.actors.write;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.actors.domain.ActorRules;
import org.conflictledger.actors.domain.ExternalId;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.platform.domain.RuleViolation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The write side's register of external ids that name one actor ({@link ExternalIds#unique}): an id is claimed in the
 * transaction that adds it to an actor and released in the one that removes it (or merges or retracts the actor), so
 * two actors never share one. Like the key register, not a read model: never rebuilt.
 */
@ApplicationScoped
public class ActorExternalIdRegistry {
    private static final String UNIQUE_VIOLATION = "23505";
    private final AgroalDataSource dataSource;

    ActorExternalIdRegistry(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims {@code id} for {@code actorId} in the running transaction; an id the actor already holds stays its own,
     * one another actor holds is a {@link RuleViolation}. Ids that are not unique, or not valid (the actor refuses
     * those), are not claimed.
     */
    public void claim(ExternalId id, UUID actorId) {
        if (!registered(id)) {
            return;
        }
        // Looked up first: on PostgreSQL a failed insert would abort the whole transaction, also when the actor
        // already holds the id (a no-op).
        Optional<UUID> holder = holder(id);
        if (holder.isPresent()) {
            if (!holder.get().equals(actorId)) {
                throw taken(id, holder.get());
            }
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO actor_external_id_claim (scheme, external_value, actor_id) VALUES (?, ?, ?)")) {
            insert.setString(1, id.scheme());
            insert.setString(2, id.value());
            insert.setObject(3, actorId);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw taken(id, null); // claimed by a concurrent command
            }
            throw new IllegalStateException("Could not claim the external id " + id, e);
        }
    }

    private static RuleViolation taken(ExternalId id, UUID holder) {
        return new RuleViolation(ActorRules.EXTERNAL_ID_TAKEN, "The external id " + id + " already names "
                + (holder == null ? "another actor" : "actor " + holder) + ".");
    }

    /** Releases {@code id} if {@code actorId} holds it, in the running transaction. */
    public void release(ExternalId id, UUID actorId) {
        if (!registered(id)) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM actor_external_id_claim WHERE scheme = ? AND external_value = ? AND actor_id = ?")) {
            delete.setString(1, id.scheme());
            delete.setString(2, id.value());
            delete.setObject(3, actorId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the external id " + id, e);
        }
    }

    /** Releases every id {@code actorId} holds, in the running transaction (the actor is merged or retracted). */
    public void releaseAll(UUID actorId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM actor_external_id_claim WHERE actor_id = ?")) {
            delete.setObject(1, actorId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the external ids of " + actorId, e);
        }
    }

    private Optional<UUID> holder(ExternalId id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT actor_id FROM actor_external_id_claim WHERE scheme = ? AND external_value = ?")) {
            select.setString(1, id.scheme());
            select.setString(2, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the external id " + id, e);
        }
    }

    private static boolean registered(ExternalId id) {
        return id != null && ExternalIds.unique(id.scheme()) && ExternalIds.schemeProblem(id.scheme()).isEmpty()
                && ExternalIds.valueProblem(id.scheme(), id.value()).isEmpty();
    }
}
