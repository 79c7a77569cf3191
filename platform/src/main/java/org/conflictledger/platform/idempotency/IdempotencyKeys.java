package org.conflictledger.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.conflictledger.platform.access.CurrentCaller;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.audit.AuditMetadata;
import org.conflictledger.platform.axon.LedgerObjectMapper;
import org.conflictledger.platform.config.LedgerConfig;
import org.conflictledger.platform.domain.RuleViolation;
import org.conflictledger.platform.export.ContentHash;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Remembers the {@code Idempotency-Key} of create requests. The key is claimed in the same
 * transaction that records the new record, so a retry either finds the first result or, when
 * it races the first request, loses the claim and then finds it.
 *
 * <p>A key is the caller's own: it is unique per record type and principal, so one client's key
 * never answers another's request (nor tells it what the other created). It is remembered for
 * {@code ledger.api.idempotency-key-ttl} (24 hours); a key used again after that is a new request.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final DataSource dataSource;
    private final Supplier<String> principal;
    private final Duration ttl;
    private final Clock clock;

    @Inject
    IdempotencyKeys(DataSource dataSource, CurrentCaller caller, LedgerConfig config) {
        this(dataSource, () -> caller.principal().orElse(AuditMetadata.ANONYMOUS),
                config.api().idempotencyKeyTtl(), Clock.systemUTC());
    }

    IdempotencyKeys(DataSource dataSource, Supplier<String> principal, Duration ttl, Clock clock) {
        this.dataSource = dataSource;
        this.principal = principal;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The request a create describes; null when it carries no Idempotency-Key. */
    public IdempotentRequest request(String scope, String key, Object body, String newRecordId) {
        if (key == null) {
            return null;
        }
        if (!SANE_KEY.matcher(key).matches()) {
            throw new InvalidRequest("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
        }
        return new IdempotentRequest(callersOwn(scope), key, hash(body), newRecordId);
    }

    /** The scope of the caller's keys: the record type and a digest of the principal (the column holds 64). */
    private String callersOwn(String scope) {
        byte[] digest = ContentHash.sha256().digest(principal.get().getBytes(StandardCharsets.UTF_8));
        return scope + "@" + ContentHash.hex(digest).substring(0, 16);
    }

    /**
     * The id of the record an earlier request with the same key created, if any; a different
     * body under a key already used is a conflict.
     */
    public Optional<String> earlierResult(IdempotentRequest request) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT request_hash, record_id, created_at"
                     + " FROM idempotency_key WHERE scope = ? AND idempotency_key = ?")) {
            select.setString(1, request.scope());
            select.setString(2, request.key());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp created = row.getTimestamp(3);
                if (expired(created.toInstant())) {
                    forget(connection, request, created);
                    return Optional.empty();
                }
                if (!row.getString(1).equals(request.requestHash())) {
                    throw new RuleViolation("idempotency-key-reused",
                            "The Idempotency-Key " + request.key() + " was used for a different request");
                }
                return Optional.of(row.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up an idempotency key", e);
        }
    }

    /** A key used at {@code usedAt} is forgotten by now: a request with it is a new request. */
    public boolean expired(Instant usedAt) {
        return usedAt.isBefore(clock.instant().minus(ttl));
    }

    /**
     * Creates a record at most once per Idempotency-Key: with no key, or a key not used yet, runs
     * {@code create} with the metadata that claims the key (empty without one) and answers
     * {@code newRecordId}; with a key already used for the same body, answers the id the first
     * request created and creates nothing; a key used for another body is a 409.
     */
    public String createOnce(String scope, String key, Object body, String newRecordId,
                             Consumer<Map<String, Object>> create) {
        IdempotentRequest request = request(scope, key, body, newRecordId);
        if (request == null) {
            create.accept(Map.of());
            return newRecordId;
        }
        Optional<String> earlier = earlierResult(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            create.accept(request.toMetaData());
        } catch (DuplicateRequest raced) {
            return earlierResult(request).orElseThrow();
        }
        return newRecordId;
    }

    /** Claims the key of a command that carries one, in the command's transaction. */
    public MessageHandlerInterceptor<CommandMessage<?>> claimingInterceptor() {
        return (unitOfWork, chain) -> {
            IdempotentRequest request = IdempotentRequest.fromMetaData(unitOfWork.getMessage().getMetaData());
            if (request != null) {
                claim(request);
            }
            return chain.proceed();
        };
    }

    /** Drops a key remembered for longer than its time to live, so that it can be claimed again. */
    private static void forget(Connection connection, IdempotentRequest request, Timestamp created) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotency_key"
                + " WHERE scope = ? AND idempotency_key = ? AND created_at = ?")) {
            delete.setString(1, request.scope());
            delete.setString(2, request.key());
            delete.setTimestamp(3, created);
            delete.executeUpdate();
        }
    }

    void claim(IdempotentRequest request) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key "
                     + "(scope, idempotency_key, request_hash, record_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, request.scope());
            insert.setString(2, request.key());
            insert.setString(3, request.requestHash());
            insert.setString(4, request.recordId());
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new DuplicateRequest(request);
            }
            throw new IllegalStateException("Could not claim an idempotency key", e);
        }
    }

    private static String hash(Object body) {
        try {
            return ContentHash.hex(ContentHash.sha256().digest(LedgerObjectMapper.create().writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not hash the request", e);
        }
    }

    /** Another request with the same key won the claim; the caller answers with its result. */
    public static final class DuplicateRequest extends RuntimeException {
        private final transient IdempotentRequest request;

        DuplicateRequest(IdempotentRequest request) {
            super("Idempotency-Key " + request.key() + " was claimed by a concurrent request");
            this.request = request;
        }

        public IdempotentRequest request() {
            return request;
        }
    }
}
