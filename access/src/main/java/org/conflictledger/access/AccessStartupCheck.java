package org.conflictledger.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Refuses to start with token checks on but no key to check them with, rather than refusing every request later. */
@ApplicationScoped
class AccessStartupCheck {
    private static final Logger LOG = Logger.getLogger(AccessStartupCheck.class);

    void check(@Observes StartupEvent event, AccessConfig config,
               @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
               @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> inlineKey) {
        if (!config.enabled()) {
            LOG.warn("Token checks are OFF (ledger.auth.enabled=false): every request is allowed and the "
                    + "X-Ledger-Principal header names the caller. Never run like this where others can reach it.");
            return;
        }
        if (keyLocation.filter(AccessStartupCheck::isSet).isEmpty() && inlineKey.filter(AccessStartupCheck::isSet).isEmpty()) {
            throw new IllegalStateException("Token checks are on but no public key is configured: set LEDGER_JWT_PUBLIC_KEY "
                    + "(mp.jwt.verify.publickey.location) to the PEM file of the tokens' signing key, or "
                    + "LEDGER_AUTH_ENABLED=false for a development run nobody else can reach.");
        }
        LOG.infof("Token checks are on (key %s, reads %s)", keyLocation.orElse("inline"),
                config.openReads() ? "open" : "need the role reader");
    }

    /** SmallRye JWT reads {@code NONE} as "not set". */
    private static boolean isSet(String value) {
        return !value.isBlank() && !value.equals("NONE");
    }
}
