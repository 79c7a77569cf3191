package org.conflictledger.actors.write;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.platform.domain.RuleViolation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The write side's register of actor keys. A key is claimed in the same transaction that
 * records the actor, so two actors can never share one, and a key always resolves to the same
 * actor (a merged one included). This is not a read model: it is never rebuilt.
 */
@ApplicationScoped
public class ActorKeyRegistry {
    private static final String UNIQUE_VIOLATION = "23505";
    private final AgroalDataSource dataSource;

    ActorKeyRegistry(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Claims {@code key} for {@code actorId} in the running transaction. */
    public void claim(String key, UUID actorId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO actor_key (actor_key, actor_id) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setObject(2, actorId);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new RuleViolation("key-taken", "The key " + key + " is already used by another actor");
            }
            throw new IllegalStateException("Could not claim the key " + key, e);
        }
    }

    public Optional<UUID> actorWithKey(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT actor_id FROM actor_key WHERE actor_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the key " + key, e);
        }
    }

    /** Whether an actor with this id was ever registered. */
    public boolean isRegistered(UUID actorId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM actor_key WHERE actor_id = ?")) {
            select.setObject(1, actorId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the actor " + actorId, e);
        }
    }
}
