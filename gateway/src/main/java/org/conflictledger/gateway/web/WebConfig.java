package org.conflictledger.gateway.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the gateway tells browsers: which other origins may call it (CORS), and its security headers. */
public interface WebConfig {

    /** CORS for browser dashboards on other origins ({@code GATEWAY_CORS_ORIGINS}, {@code GATEWAY_CORS_MAX_AGE}). */
    @ConfigMapping(prefix = "gateway.cors")
    interface Cors {
        /**
         * Origins that may call every operation, e.g. {@code https://dashboard.example.org}; {@code *} lets any
         * other origin read ({@code GET}, {@code HEAD}) but not write. None: no cross-origin access at all.
         */
        Optional<List<String>> origins();

        /** How long a browser may keep a preflight's answer. */
        @WithDefault("10m")
        Duration maxAge();
    }

    /** Headers on every answer of the gateway ({@code GATEWAY_SECURITY_HEADERS_HSTS}, …). */
    @ConfigMapping(prefix = "gateway.security-headers")
    interface Headers {
        /**
         * {@code Strict-Transport-Security}, e.g. {@code max-age=31536000; includeSubDomains}: only when the gateway is
         * reached over HTTPS only (behind a TLS-terminating proxy). None: not sent.
         */
        Optional<String> hsts();

        /** {@code Content-Security-Policy} of the API's answers; Swagger UI gets only {@code frame-ancestors 'none'}. */
        @WithDefault("default-src 'none'; frame-ancestors 'none'")
        String contentSecurityPolicy();
    }
}
