package org.conflictledger.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP to one of the ledger's public APIs, as the importer uses it: every request names the
 * caller ({@code X-Ledger-Principal}, and a bearer token when given) and carries one correlation id
 * per import run, so the run can be found in the audit trail. JSON in, JSON or problem documents out.
 */
final class ApiClient {
    static final String PRINCIPAL_HEADER = "X-Ledger-Principal";
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** How often one request waits out a 429 (rate limited) before the answer counts as the 429 itself. */
    static final int RATE_LIMIT_RETRIES = 5;

    private final String base;
    private final String principal;
    private final String token;
    private final String correlationId;
    private final HttpClient http;
    private final ObjectMapper json;

    ApiClient(String baseUrl, String principal, String token, String correlationId) {
        this.base = baseUrl.replaceAll("/+$", "");
        this.principal = principal;
        this.token = token;
        this.correlationId = correlationId;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    }

    String baseUrl() {
        return base;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the API answers a request at all (any status): it is up. */
    boolean answers(String path) {
        try {
            get(path);
            return true;
        } catch (ApiUnreachableException e) {
            return false;
        }
    }

    /**
     * Whether a service with a replica of the actors knows the actor with this key yet: its replica, fed from the
     * actors' topic, may lag behind the registrations, and a list filtered by an actor it does not know is a 400.
     */
    boolean knowsActor(String listPath, String actorParameter, String key) {
        HttpResponse<String> response = get(listPath + "?limit=1&" + actorParameter + "="
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
        if (response.statusCode() == 400) {
            return false;
        }
        body(response, 200);
        return true;
    }

    /** The answer's JSON when its status is the expected one; otherwise the problem it reports. */
    JsonNode body(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw ApiException.of(response.statusCode(), response.body(), json);
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ApiException(response.statusCode(), "HTTP " + response.statusCode()
                    + " with a body that is not JSON: " + e.getOriginalMessage());
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header(PRINCIPAL_HEADER, principal)
                .header(CORRELATION_HEADER, correlationId);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Sends the request; a 429 is waited out (its Retry-After, at most {@value #RATE_LIMIT_RETRIES} times). */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<String> response = sendOnce(built);
        for (int retry = 0; retry < RATE_LIMIT_RETRIES && response.statusCode() == 429; retry++) {
            pause(retryAfter(response));
            response = sendOnce(built);
        }
        return response;
    }

    static Duration retryAfter(HttpResponse<?> response) {
        long seconds = response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                return 1L;
            }
        }).orElse(1L);
        return Duration.ofSeconds(Math.max(1, Math.min(seconds, 60)));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnreachableException("interrupted", e);
        }
    }

    private HttpResponse<String> sendOnce(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new ApiUnreachableException("connection timed out", e);
        } catch (HttpTimeoutException e) {
            throw new ApiUnreachableException("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new ApiUnreachableException("connection refused", e);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ApiUnreachableException(why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnreachableException("interrupted", e);
        }
    }
}
