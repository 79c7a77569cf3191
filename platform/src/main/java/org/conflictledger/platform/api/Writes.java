package org.conflictledger.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.conflictledger.platform.access.CurrentCaller;
import org.conflictledger.platform.audit.AuditMetadata;
import org.conflictledger.platform.axon.AxonRuntime;
import org.conflictledger.platform.axon.ReadModels;
import org.conflictledger.platform.config.LedgerConfig;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the REST layer changes the record: sends a command with the caller's audit
 * context as metadata, and answers only once the read models show the change.
 */
@ApplicationScoped
public class Writes {
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private final AxonRuntime axon;
    private final ReadModels readModels;
    private final LedgerConfig config;
    private final CurrentCaller caller;

    Writes(AxonRuntime axon, ReadModels readModels, LedgerConfig config, CurrentCaller caller) {
        this.axon = axon;
        this.readModels = readModels;
        this.config = config;
        this.caller = caller;
    }

    /**
     * The audit context of the current request: the principal is the subject of the caller's verified token; only
     * with token checks off does the {@code X-Ledger-Principal} header name it.
     */
    public AuditContext context(HttpHeaders headers, String reason, List<SourceCitation> sources) {
        return new AuditContext(caller.principal().orElse(AuditMetadata.ANONYMOUS), headers.getHeaderString(RequestHeaders.CORRELATION_ID), reason,
                sources);
    }

    /** Sends the command, waits for its outcome and for the read models; returns the handler's result. */
    public <R> R send(Object command, AuditContext context) {
        return send(command, context, Map.of());
    }

    /** As {@link #send(Object, AuditContext)}, with further metadata (an idempotent request's, say). */
    public <R> R send(Object command, AuditContext context, Map<String, ?> metaData) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(context.toMetaData()).andMetaData(metaData);
        R result = axon.commandGateway().sendAndWait(message);
        readModels.awaitCaughtUp(TARGETS.resolveTarget(message).getIdentifier());
        return result;
    }

    /**
     * Sends the command and waits for its outcome, not for the read models: for a batch of writes, which waits for
     * them once, at its end ({@link #awaitReadModels()}), instead of once per write.
     */
    public <R> R record(Object command, AuditContext context) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(context.toMetaData());
        return axon.commandGateway().sendAndWait(message);
    }

    /** Waits until the read models show every write recorded so far; false when they did not within the timeout. */
    public boolean awaitReadModels() {
        return readModels.awaitCaughtUp();
    }

    /**
     * The version a correction based on the record's stored state (at ETag {@code storedVersion}) must meet: the
     * If-Match version, which must be that one (else 412), or that one when none is given. A write recorded between
     * the read of the stored state and this one then fails as stale instead of being reverted by the correction.
     */
    public long expectedVersion(String ifMatch, long storedVersion) {
        Long named = expectedVersion(ifMatch);
        if (named != null && named != storedVersion - 1) {
            throw PreconditionFailed.stale("The record is at version " + storedVersion + ", not the version named in"
                    + " If-Match; read it again");
        }
        return storedVersion - 1;
    }

    /**
     * The aggregate version a write expects, from its If-Match header: the ETag {@code "N"} names
     * version N (N events), which is Axon's sequence number N-1. Null when there is no check.
     */
    public Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (config.api().requireIfMatch()) {
                throw PreconditionFailed.required();
            }
            return null;
        }
        if (ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.strip());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1) {
            throw new InvalidRequest("If-Match", "must be an ETag of this record, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1)) - 1;
    }
}
