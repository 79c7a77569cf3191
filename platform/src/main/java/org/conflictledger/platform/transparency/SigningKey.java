package org.conflictledger.platform.transparency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.platform.config.LedgerConfig;
import org.conflictledger.transparency.SigningKeys;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The Ed25519 key pair that signs the log's checkpoints: from the PEM file named by
 * {@code ledger.transparency.signing-key} (its private key, PKCS#8, and its public key), or else the one this
 * service generated on its first start and keeps in {@code log_signing_key} (every replica then uses the same).
 */
@ApplicationScoped
public class SigningKey {
    private static final Logger LOG = Logger.getLogger(SigningKey.class);

    private final LedgerConfig config;
    private final AgroalDataSource dataSource;
    private volatile KeyPair keys;

    SigningKey(LedgerConfig config, AgroalDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    public KeyPair keys() {
        KeyPair current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = config.transparency().signingKey().map(SigningKey::fromFile).orElseGet(this::fromDatabase);
                }
                current = keys;
            }
        }
        return current;
    }

    private static KeyPair fromFile(String file) {
        try {
            String pem = Files.readString(Path.of(file));
            KeyPair keys = new KeyPair(SigningKeys.publicKey(pem), SigningKeys.privateKey(pem));
            if (!SigningKeys.arePair(keys)) {
                throw new IllegalStateException("The public key in " + file + " is not the private key's");
            }
            LOG.infof("Checkpoints are signed with the key in %s (key id %s)", file, SigningKeys.keyId(keys.getPublic()));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint signing key " + file, e);
        }
    }

    private KeyPair fromDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            KeyPair stored = stored(connection);
            if (stored == null) {
                KeyPair generated = SigningKeys.generate();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_signing_key "
                        + "(id, key_id, public_key, private_key, created_at) VALUES (1, ?, ?, ?, ?)")) {
                    insert.setString(1, SigningKeys.keyId(generated.getPublic()));
                    insert.setString(2, SigningKeys.pem(generated.getPublic()));
                    insert.setString(3, SigningKeys.pem(generated.getPrivate()));
                    insert.setString(4, Instant.now().toString());
                    insert.executeUpdate();
                } catch (SQLException raced) {
                    // another replica stored its key first (the one row): use that one
                }
                stored = stored(connection);
            }
            LOG.warnf("Checkpoints are signed with a key kept in the service's own database (key id %s): set"
                    + " LEDGER_TRANSPARENCY_SIGNING_KEY to a key held outside it", SigningKeys.keyId(stored.getPublic()));
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read or store the checkpoint signing key", e);
        }
    }

    private static KeyPair stored(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT public_key, private_key FROM log_signing_key WHERE id = 1");
             ResultSet rows = select.executeQuery()) {
            return rows.next()
                    ? new KeyPair(SigningKeys.publicKey(rows.getString(1)), SigningKeys.privateKey(rows.getString(2)))
                    : null;
        }
    }
}
