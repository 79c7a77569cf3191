package org.conflictledger.platform.release;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.contracts.ReleaseRules;
import org.conflictledger.platform.access.CurrentCaller;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.QueryParameters;
import org.conflictledger.platform.api.RecordNotFound;
import org.conflictledger.platform.audit.AuditMetadata;
import org.conflictledger.platform.config.LedgerConfig;
import org.conflictledger.platform.domain.RuleViolation;
import org.conflictledger.platform.export.CanonicalJson;
import org.conflictledger.platform.export.ContentHash;
import org.conflictledger.platform.export.ExportInstant;
import org.conflictledger.platform.export.Exports;
import org.conflictledger.platform.export.JsonLines;
import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The service's parts of named releases: cut once (the canonical export at the release's instant, hashed), never
 * changed, and the instant a {@code release=NAME} parameter stands for in every list and export.
 */
@ApplicationScoped
public class Releases {
    private static final Logger LOG = Logger.getLogger(Releases.class);
    /** How far ahead of this service's clock another's (the gateway's) may run: a freezesAt it picks is accepted. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final ReleaseStore store;
    private final Exports exports;
    private final CanonicalExport canonical;
    private final CanonicalJson json;
    private final CurrentCaller caller;
    private final Duration settle;

    Releases(ReleaseStore store, Exports exports, CanonicalExport canonical, CanonicalJson json, CurrentCaller caller,
             LedgerConfig config) {
        this.settle = config.releases().settle();
        if (settle.isNegative()) {
            throw new IllegalArgumentException("ledger.releases.settle must not be negative, but is " + settle);
        }
        this.store = store;
        this.exports = exports;
        this.canonical = canonical;
        this.json = json;
        this.caller = caller;
    }

    /** A release's part and whether this request cut it (false: it existed with the same values). */
    public record Cut(Release release, boolean created) {
    }

    /**
     * Cuts this service's part of a release: the canonical export at its instant, hashed. Asking again with the same
     * instant and note answers the part already cut (a retry, or the gateway completing a release); with other values
     * it is refused, as a release never changes.
     *
     * @throws InvalidRequest   for a bad name, instant or note
     * @throws RuleViolation    {@code release-exists} when the name is taken by other values
     */
    public Cut cut(String name, ReleaseRequest request) {
        String nameProblem = ReleaseRules.nameProblem(name);
        if (nameProblem != null) {
            throw new InvalidRequest("name", nameProblem);
        }
        if (request == null) {
            throw new InvalidRequest("body", "is required: {\"freezesAt\": …, \"note\": …}");
        }
        if (request.freezesAt() == null || request.freezesAt().isBlank()) {
            throw new InvalidRequest("freezesAt", "is required: the instant the release shows the record at");
        }
        Instant freezesAt = QueryParameters.instant("freezesAt", request.freezesAt()).truncatedTo(ChronoUnit.MICROS);
        if (freezesAt.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new InvalidRequest("freezesAt", "must not be in the future: the record at a later instant is not"
                    + " known yet");
        }
        String noteProblem = ReleaseRules.noteProblem(request.note());
        if (noteProblem != null) {
            throw new InvalidRequest("note", noteProblem);
        }
        String note = request.note().strip();
        var existing = store.find(name, canonical.collection());
        if (existing.isPresent()) {
            return new Cut(same(existing.get(), freezesAt, note), false);
        }
        settleAfter(freezesAt);
        ExportInstant instant = exports.instant(freezesAt);
        Hashed hashed = hash(instant.at());
        ReleaseStore.StoredRelease part = new ReleaseStore.StoredRelease(name, canonical.collection(), instant.at(),
                note, caller.principal().orElse(AuditMetadata.ANONYMOUS),
                Instant.now().truncatedTo(ChronoUnit.MICROS), hashed.contentHash(), hashed.records());
        if (!store.insert(part)) {
            return new Cut(same(store.find(name, canonical.collection()).orElseThrow(), freezesAt, note), false);
        }
        LOG.infof("Release %s cut by %s: %s as of %s, %d records, %s", name, part.cutBy(), part.collection(),
                part.freezesAt(), part.records(), part.contentHash());
        return new Cut(release(part), true);
    }

    /** Waits until {@code settle} has passed since the instant: the writes under way then have committed. */
    private void settleAfter(Instant freezesAt) {
        Duration wait = Duration.between(Instant.now(), freezesAt.plus(settle));
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        LOG.infof("Release: waiting %d ms for writes under way at %s to commit", wait.toMillis(), freezesAt);
        try {
            Thread.sleep(wait.toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to cut a release", e);
        }
    }

    /** This service's part of every release, newest instant first. */
    public List<Release> all() {
        return store.all(canonical.collection()).stream().map(this::release).toList();
    }

    /** This service's part of the release of that name. */
    public Release find(String name) {
        String nameProblem = ReleaseRules.nameProblem(name);
        if (nameProblem != null) {
            throw new InvalidRequest("name", nameProblem);
        }
        return store.find(name, canonical.collection()).map(this::release)
                .orElseThrow(() -> new RecordNotFound("release", name));
    }

    /**
     * The instant a list is asked as of: {@code asOf}, or the instant of the release named by {@code release}, or null
     * for the record now. Both at once is a 400: they could disagree.
     */
    public Instant listedAsOf(String asOfText, String releaseText) {
        ReleaseRequestedAs requested = requested(asOfText, releaseText);
        return requested.release() != null ? requested.release().freezesAt() : requested.asOf();
    }

    /** An export's instant, for {@code asOf} or {@code release} as {@link #listedAsOf}; named as the release's. */
    public ExportInstant exportInstant(String asOfText, String releaseText) {
        ReleaseRequestedAs requested = requested(asOfText, releaseText);
        if (requested.release() == null) {
            return exports.instant(requested.asOf());
        }
        return exports.instant(requested.release().freezesAt()).ofRelease(requested.release().name());
    }

    private record ReleaseRequestedAs(Instant asOf, ReleaseStore.StoredRelease release) {
    }

    private ReleaseRequestedAs requested(String asOfText, String releaseText) {
        if (releaseText != null && releaseText.isBlank()) {
            throw new InvalidRequest("release", "is blank: name a release (GET /api/v1/releases lists them), or leave"
                    + " the parameter out for the record now");
        }
        boolean releaseGiven = releaseText != null;
        if (releaseGiven && asOfText != null && !asOfText.isBlank()) {
            throw new InvalidRequest("release", "give asOf or release, not both (a release stands for its instant)");
        }
        if (!releaseGiven) {
            return new ReleaseRequestedAs(QueryParameters.listedAsOf("asOf", asOfText), null);
        }
        String name = releaseText.strip();
        if (ReleaseRules.nameProblem(name) != null) {
            throw new InvalidRequest("release", ReleaseRules.NAME_RULE);
        }
        return new ReleaseRequestedAs(null, store.find(name, canonical.collection()).orElseThrow(() ->
                new InvalidRequest("release", "no release named " + name + " (GET /api/v1/releases lists them)")));
    }

    /** The canonical export at an instant, as the hash a citation names and the number of records. */
    public Hashed hash(Instant at) {
        MessageDigest sha256 = ContentHash.sha256();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(OutputStream.nullOutputStream()), sha256)) {
            JsonLines lines = json.lines(out);
            canonical.write(at, lines);
            out.flush();
            return new Hashed(ContentHash.named(sha256.digest()), lines.lines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A canonical export's hash and size. */
    public record Hashed(String contentHash, long records) {
    }

    private Release same(ReleaseStore.StoredRelease existing, Instant freezesAt, String note) {
        if (!existing.freezesAt().equals(freezesAt) || !existing.note().equals(note)) {
            throw new RuleViolation("release-exists", "Release " + existing.name() + " was cut at "
                    + existing.cutAt() + " freezing " + existing.freezesAt() + " with another note or instant; a"
                    + " release never changes: choose another name");
        }
        return release(existing);
    }

    private Release release(ReleaseStore.StoredRelease part) {
        return new Release(part.name(), part.collection(), part.freezesAt(), part.note(), part.cutBy(), part.cutAt(),
                part.contentHash(), part.records(), CanonicalExportResource.path(part.collection(), part.name()));
    }
}
