package org.conflictledger.transparency.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The ledger's public API as the verifier uses it: GETs of JSON, with a bearer token when one is given. */
final class LedgerApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A failed connection is asked again this many times: every request here is a GET, safe to repeat. */
    private static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    // HTTP/1.1: the JDK client's h2c upgrade against the services' Vert.x server fails now and then (GOAWAY).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String token;

    LedgerApi(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** GET of a path below the base URL; null for a 404. */
    JsonNode get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = send(request.build(), path);
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new ApiFailure("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ApiFailure("GET " + path + " answered what is not JSON: " + e.getMessage());
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, String path) {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                throw new ApiFailure("GET " + baseUrl + path + " had no answer within " + TIMEOUT.toSeconds() + " s");
            } catch (IOException e) {
                last = e;
                pause(attempt * 500L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiFailure("interrupted");
            }
        }
        throw new ApiFailure("GET " + baseUrl + path + " failed " + ATTEMPTS + " times, last: " + last);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure("interrupted");
        }
    }

    /** Every item of a paged collection, following {@code next} cursors. */
    List<JsonNode> all(String path) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        String next = null;
        do {
            JsonNode page = get(path + (next == null ? "" : separator + "cursor=" + encode(next)));
            if (page == null) {
                return null;
            }
            ((ArrayNode) page.path("items")).forEach(items::add);
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (next != null);
        return items;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The API could not be asked: a network failure or an answer other than 200/404. */
    static final class ApiFailure extends RuntimeException {
        ApiFailure(String message) {
            super(message);
        }
    }
}
