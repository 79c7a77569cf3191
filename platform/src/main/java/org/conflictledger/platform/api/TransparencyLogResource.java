package org.conflictledger.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.conflictledger.platform.transparency.LogCheck;
import org.conflictledger.platform.transparency.LogLeaves;
import org.conflictledger.platform.transparency.LogVerification;
import org.conflictledger.platform.transparency.LoggedEvent;
import org.conflictledger.platform.transparency.StoredEvent;
import org.conflictledger.platform.transparency.TransparencyLog;
import org.conflictledger.transparency.Checkpoint;
import org.conflictledger.transparency.LogEntry;
import org.conflictledger.transparency.SigningKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code <collection>/log/…}: the service's transparency log, for anyone who wants to check the record without
 * trusting the service's database: signed checkpoints, the log's entries with the stored events they stand for,
 * inclusion and consistency proofs (RFC 9162). A service adds it with a subclass that names its collection and
 * tag, like {@link ChangesResource}; the literal segment {@code log} takes precedence over the collection's
 * {@code /{id}} template, and ids are UUIDs or upper-case keys.
 */
public abstract class TransparencyLogResource {
    private final TransparencyLog log;
    private final LogLeaves leaves;
    private final LogCheck check;

    protected TransparencyLogResource(TransparencyLog log, LogLeaves leaves, LogCheck check) {
        this.log = log;
        this.leaves = leaves;
        this.check = check;
    }

    @GET
    @Path("/log")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "get{Record}TransparencyLog", summary = "The transparency log: its size, signing key and newest checkpoint",
            description = "Every event this service stores is a leaf of an append-only Merkle tree (RFC 9162), in the"
                    + " order the log met them. Checkpoints (signed tree heads) are Ed25519 signatures over the log's"
                    + " origin, size and root hash: keep them, and later ask for proofs that the log still extends"
                    + " them (./ledger verify does it with this API only).")
    @APIResponse(responseCode = "200", description = "The log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LogInfo.class)))
    public LogInfo info() {
        Checkpoint latest = log.latest();
        return new LogInfo(log.origin(), latest.treeSize(), Checkpoint.ALGORITHM, latest.keyId(),
                SigningKeys.pem(log.keys().getPublic()), SignedCheckpoint.of(latest));
    }

    @GET
    @Path("/log/checkpoints/latest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "get{Record}LatestCheckpoint", summary = "The newest signed checkpoint",
            description = "Signs one first when the log has grown since the newest. Verify it with the public key of"
                    + " GET …/log: the signature is over signedText.")
    @APIResponse(responseCode = "200", description = "The checkpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SignedCheckpoint.class)))
    public SignedCheckpoint latest() {
        return SignedCheckpoint.of(log.latest());
    }

    @GET
    @Path("/log/checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "list{Record}Checkpoints", summary = "Every checkpoint signed so far, smallest tree first",
            description = "The history a client may keep: one checkpoint per tree size signed. Page with cursor (the"
                    + " tree size to start at) and limit.")
    @APIResponse(responseCode = "200", description = "A page of checkpoints",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CheckpointPage.class)))
    @APIResponse(responseCode = "400", description = "cursor or limit is not a number in range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkpoints(
            @Parameter(description = "The smallest tree size to list (default 0)") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        long from = QueryParameters.number("cursor", cursor, 0, 0L);
        int size = QueryParameters.limit(limit);
        List<Checkpoint> found = log.checkpoints(from, size + 1);
        String next = found.size() > size ? Long.toString(found.get(size).treeSize()) : null;
        return new Page<>(found.stream().limit(size).map(SignedCheckpoint::of).toList(), next).toResponse(uri);
    }

    @GET
    @Path("/log/entries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "list{Record}LogEntries", summary = "The log's entries, with the stored events they stand for",
            description = "In log order, or only one record's (record=id). Each entry carries the"
                    + " leaf's fields and the event's stored payload and metadata as the store holds them (JSON text):"
                    + " from them anyone can recompute the record's hash chain and the leaf hash, and check the leaf"
                    + " against a checkpoint with an inclusion proof. storedPayload is absent when the store no longer"
                    + " holds the event the leaf was written for. Page with cursor (the position to start at) and"
                    + " limit.")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryPage.class)))
    @APIResponse(responseCode = "400", description = "cursor or limit is not a number in range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response entries(
            @Parameter(description = "Only this record's entries (its id)") @QueryParam("record") String record,
            @Parameter(description = "The first position; default 0")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        long from = QueryParameters.number("cursor", cursor, 0, 0L);
        int size = QueryParameters.limit(limit);
        List<LoggedEvent> found = record == null
                ? leaves.range(from, size + 1)
                : leaves.ofRecord(record).stream().filter(leaf -> leaf.position() >= from)
                        .sorted(java.util.Comparator.comparingLong(LoggedEvent::position)).limit(size + 1L).toList();
        String next = found.size() > size ? Long.toString(found.get(size).position()) : null;
        return new Page<>(found.stream().limit(size).map(Entry::of).toList(), next).toResponse(uri);
    }

    @GET
    @Path("/log/proofs/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "get{Record}InclusionProof", summary = "Proof that an entry is in the tree of a given size",
            description = "The audit path (RFC 9162, 2.1.3) of the leaf at position in the tree of treeSize leaves,"
                    + " from the leaf up. With the leaf hash recomputed from the entry and the root hash of a checkpoint"
                    + " of that size, it shows the entry was in the log the checkpoint signed.")
    @APIResponse(responseCode = "200", description = "The proof",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InclusionProof.class)))
    @APIResponse(responseCode = "400", description = "position or treeSize missing, not a number, or beyond the log",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InclusionProof inclusion(
            @Parameter(description = "The entry's position", required = true) @QueryParam("position") String position,
            @Parameter(description = "The tree size of the checkpoint to prove against", required = true)
            @QueryParam("treeSize") String treeSize) {
        long index = QueryParameters.number("position", position, 0, null);
        long size = QueryParameters.number("treeSize", treeSize, 1, null);
        if (index >= size) {
            throw new InvalidRequest("position", "must be below treeSize");
        }
        List<byte[]> path = inTree("treeSize", size, () -> log.inclusionProof(index, size));
        byte[] leaf = leaves.hashes(index, index + 1).get(0);
        return new InclusionProof(index, size, HexFormat.of().formatHex(leaf), hex(path));
    }

    @GET
    @Path("/log/proofs/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "get{Record}ConsistencyProof", summary = "Proof that the tree of one size extends the tree of a smaller size",
            description = "The consistency proof (RFC 9162, 2.1.4) between the trees of from and to leaves: with the"
                    + " root hashes of two checkpoints it shows that nothing the first covered was changed, removed"
                    + " or reordered.")
    @APIResponse(responseCode = "200", description = "The proof",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConsistencyProof.class)))
    @APIResponse(responseCode = "400", description = "from or to missing, not a number, from > to, or beyond the log",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConsistencyProof consistency(
            @Parameter(description = "The smaller tree size", required = true) @QueryParam("from") String from,
            @Parameter(description = "The larger tree size", required = true) @QueryParam("to") String to) {
        long first = QueryParameters.number("from", from, 1, null);
        long second = QueryParameters.number("to", to, 1, null);
        if (first > second) {
            throw new InvalidRequest("from", "must not exceed to");
        }
        return new ConsistencyProof(first, second, hex(inTree("to", second, () -> log.consistencyProof(first, second))));
    }

    @GET
    @Path("/log/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verify{Record}TransparencyLog", summary = "Check the whole log against the store and its signed checkpoints",
            description = "Reads the database as it is: every leaf against the stored event it was written for (an"
                    + " edited or deleted event no longer matches), every record's chain, and every signed checkpoint's"
                    + " signature and root hash against the stored leaves (leaves rewritten to match rewritten events no"
                    + " longer give them)."
                    + " Reads every entry: a minute or more on a large log; needs the admin role (outsiders check the"
                    + " log from its entries and proofs).")
    @APIResponse(responseCode = "200", description = "The verification",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LogVerification.class)))
    public LogVerification verify() {
        return check.verify();
    }

    private List<byte[]> inTree(String field, long size, java.util.function.Supplier<List<byte[]>> proof) {
        try {
            return proof.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field, "must not exceed the log's size (" + log.size() + ")");
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }

    @Schema(name = "TransparencyLog", description = "A service's transparency log")
    public record LogInfo(
            @Schema(description = "The log's name in its checkpoints", example = "conflict-ledger/actors-service")
            String origin,
            @Schema(description = "Entries covered by the newest checkpoint") long size,
            @Schema(description = "Signature algorithm", example = "Ed25519") String algorithm,
            @Schema(description = "SHA-256 of the public key's encoded form, hex") String keyId,
            @Schema(description = "The public key that verifies checkpoints (X.509 SubjectPublicKeyInfo, PEM)")
            String publicKey,
            @Schema(description = "The newest checkpoint") SignedCheckpoint latest) {
    }

    @Schema(name = "Checkpoint", description = "A signed tree head")
    public record SignedCheckpoint(
            @Schema(description = "Which log", example = "conflict-ledger/actors-service") String origin,
            @Schema(description = "How many entries it covers") long treeSize,
            @Schema(description = "Root hash of those entries, hex") String rootHash,
            @Schema(description = "When it was signed") java.time.Instant signedAt,
            @Schema(description = "The signing key's id") String keyId,
            @Schema(description = "Ed25519 signature over signedText, base64") String signature,
            @Schema(description = "The signed text: origin, tree size, root hash (base64), timestamp line")
            String signedText) {

        static SignedCheckpoint of(Checkpoint checkpoint) {
            return new SignedCheckpoint(checkpoint.origin(), checkpoint.treeSize(), checkpoint.rootHash(),
                    checkpoint.signedAt(), checkpoint.keyId(), checkpoint.signature(), checkpoint.signedText());
        }
    }

    @Schema(name = "TransparencyLogEntry", description = "One entry of the log and the stored event it stands for")
    public record Entry(
            @Schema(description = "Position in the log, from 0") long position,
            @Schema(description = "The leaf hash the log holds for it, hex") String leafHash,
            @Schema(description = "The leaf's fields, as the store holds them now (absent when the event is gone)")
            LogEntry entry,
            @Schema(description = "The stored payload, JSON text") String storedPayload,
            @Schema(description = "The stored metadata, JSON text (carries the chain link as hash)")
            String storedMetaData) {

        static Entry of(LoggedEvent logged) {
            StoredEvent event = logged.event();
            if (event == null) {
                return new Entry(logged.position(), logged.leafHash(), null, null, null);
            }
            return new Entry(logged.position(), logged.leafHash(), event.logEntry(),
                    new String(event.payload(), StandardCharsets.UTF_8),
                    event.metaData() == null ? null : new String(event.metaData(), StandardCharsets.UTF_8));
        }
    }

    @Schema(name = "InclusionProof", description = "An audit path, RFC 9162 section 2.1.3")
    public record InclusionProof(long position, long treeSize,
                                 @Schema(description = "The leaf hash at position, hex") String leafHash,
                                 @Schema(description = "Sibling hashes from the leaf up, hex") List<String> path) {
    }

    @Schema(name = "ConsistencyProof", description = "A consistency proof, RFC 9162 section 2.1.4")
    public record ConsistencyProof(long from, long to,
                                   @Schema(description = "The proof's hashes, hex") List<String> path) {
    }

    @Schema(name = "CheckpointPage", description = "A page of checkpoints")
    public record CheckpointPage(List<SignedCheckpoint> items, String next) {
    }

    @Schema(name = "TransparencyLogEntryPage", description = "A page of log entries")
    public record EntryPage(List<Entry> items, String next) {
    }
}
