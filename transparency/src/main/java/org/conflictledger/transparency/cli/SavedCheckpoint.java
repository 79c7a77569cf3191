package org.conflictledger.transparency.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.conflictledger.transparency.Checkpoint;
import org.conflictledger.transparency.SigningKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;

/**
 * A checkpoint as a client keeps it: the signed tree head and the public key it was verified with. Later checks
 * trust this file, not the service: the key is pinned from here.
 */
record SavedCheckpoint(Checkpoint checkpoint, String publicKeyPem) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    PublicKey publicKey() {
        return SigningKeys.publicKey(publicKeyPem);
    }

    static Checkpoint checkpoint(JsonNode json) {
        return new Checkpoint(json.path("origin").asText(), json.path("treeSize").asLong(),
                json.path("rootHash").asText(), Instant.parse(json.path("signedAt").asText()),
                json.path("keyId").asText(), json.path("signature").asText());
    }

    static SavedCheckpoint read(Path file) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            return new SavedCheckpoint(checkpoint(json.path("checkpoint")), json.path("publicKey").asText());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read a saved checkpoint from " + file + ": " + e.getMessage());
        }
    }

    void write(Path file) {
        ObjectNode json = JSON.createObjectNode();
        ObjectNode head = json.putObject("checkpoint");
        head.put("origin", checkpoint.origin());
        head.put("treeSize", checkpoint.treeSize());
        head.put("rootHash", checkpoint.rootHash());
        head.put("signedAt", checkpoint.signedAt().toString());
        head.put("keyId", checkpoint.keyId());
        head.put("signature", checkpoint.signature());
        json.put("publicKey", publicKeyPem);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            JSON.writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
