package org.conflictledger.platform.externalid;

import io.agroal.api.AgroalDataSource;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.platform.domain.RuleViolation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * The write side's register of the external ids that name one record of a type ({@link ExternalIds#unique}): an id is
 * claimed in the transaction of the command that gives it to a record and released in the one that takes it away, so
 * two records of the type never share one. The command's own transaction rolls a claim back with a refused command.
 * Not a read model: never rebuilt. A service makes one per record type, naming its table
 * ({@code scheme, external_value, <record column>}, unique on the first two).
 */
public class ExternalIdRegister {
    /** The rule a command breaks when it gives a record an id that another record holds (a 409). */
    public static final String TAKEN = "external-id-taken";
    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource dataSource;
    private final String table;
    private final String recordColumn;
    private final String recordNoun;

    /**
     * @param table        the register's table
     * @param recordColumn its column of the record's id
     * @param recordNoun   what a record is called in a refusal ("actor", "conflict event")
     */
    public ExternalIdRegister(AgroalDataSource dataSource, String table, String recordColumn, String recordNoun) {
        this.dataSource = dataSource;
        this.table = table;
        this.recordColumn = recordColumn;
        this.recordNoun = recordNoun;
    }

    /**
     * Claims {@code id} for {@code recordId} in the running transaction; an id the record already holds stays its own,
     * one another record holds is a {@link RuleViolation}. Ids that are not unique, or not valid (the record refuses
     * those), are not claimed.
     */
    public void claim(ExternalId id, UUID recordId) {
        if (!registered(id)) {
            return;
        }
        // Looked up first: on PostgreSQL a failed insert would abort the whole transaction, also when the record
        // already holds the id (a no-op).
        Optional<UUID> holder = holder(id);
        if (holder.isPresent()) {
            if (!holder.get().equals(recordId)) {
                throw taken(id, holder.get());
            }
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + table + " (scheme, external_value, " + recordColumn + ") VALUES (?, ?, ?)")) {
            insert.setString(1, id.scheme());
            insert.setString(2, id.value());
            insert.setObject(3, recordId);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw taken(id, null); // claimed by a concurrent command
            }
            throw new IllegalStateException("Could not claim the external id " + id, e);
        }
    }

    /** Claims each of {@code ids} for a record that holds none yet (one just created), in the running transaction. */
    public void claimAll(UUID recordId, Collection<ExternalId> ids) {
        ids.forEach(id -> claim(id, recordId));
    }

    /**
     * Makes {@code ids} the ones {@code recordId} holds, in the running transaction: releases those it held and claims
     * these (a record corrected whole).
     */
    public void hold(UUID recordId, Collection<ExternalId> ids) {
        releaseAll(recordId);
        ids.forEach(id -> claim(id, recordId));
    }

    /** Releases {@code id} if {@code recordId} holds it, in the running transaction. */
    public void release(ExternalId id, UUID recordId) {
        if (!registered(id)) {
            return;
        }
        update("DELETE FROM " + table + " WHERE scheme = ? AND external_value = ? AND " + recordColumn + " = ?",
                "Could not release the external id " + id, id.scheme(), id.value(), recordId);
    }

    /** Releases every id {@code recordId} holds, in the running transaction (the record is merged or retracted). */
    public void releaseAll(UUID recordId) {
        update("DELETE FROM " + table + " WHERE " + recordColumn + " = ?",
                "Could not release the external ids of " + recordId, recordId);
    }

    private void update(String sql, String failure, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    private RuleViolation taken(ExternalId id, UUID holder) {
        return new RuleViolation(TAKEN, "The external id " + id + " already names "
                + (holder == null ? "another " + recordNoun : recordNoun + " " + holder) + ".");
    }

    private Optional<UUID> holder(ExternalId id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + recordColumn + " FROM " + table + " WHERE scheme = ? AND external_value = ?")) {
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
        return id != null && ExternalIds.unique(id.scheme()) && ExternalIds.problem(id).isEmpty();
    }
}
