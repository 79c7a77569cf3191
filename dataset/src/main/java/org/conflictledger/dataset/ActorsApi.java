package org.conflictledger.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.conflictledger.dataset.Dataset.ActorEntry;
import org.conflictledger.dataset.Dataset.RelationshipEntry;
import org.conflictledger.dataset.Dataset.SourceCitation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of the public actor API the importer uses ({@code /api/v1/actors}), over plain HTTP.
 * Every request names the caller ({@code X-Ledger-Principal}, and a bearer token when given) and
 * carries one correlation id per import run, so the run can be found in the audit trail.
 */
public final class ActorsApi {
    static final String PRINCIPAL_HEADER = "X-Ledger-Principal";
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final String ACTORS = "/api/v1/actors";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final String principal;
    private final String token;
    private final String correlationId;
    private final HttpClient http;
    private final ObjectMapper json;

    public ActorsApi(String baseUrl, String principal, String token, String correlationId) {
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

    public String baseUrl() {
        return base;
    }

    /** The actor with this key, or empty on 404. */
    public Optional<JsonNode> find(String key) {
        HttpResponse<String> response = send(request(ACTORS + "/" + key).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(body(response, 200));
    }

    /** Registers an actor; its affiliation is sent as a key. Answers the registered actor. */
    public JsonNode register(ActorEntry actor) {
        Registration body = new Registration(actor.key(), actor.name(), actor.kind().name(), actor.aliases(),
                actor.country(), actor.affiliation(), actor.reason(), actor.sources());
        return body(send(post(ACTORS, body)), 201);
    }

    /** The relationships the actor declared, as the API lists them. */
    public List<JsonNode> outgoingRelationships(String key) {
        JsonNode page = body(send(request(ACTORS + "/" + key + "/relationships?direction=outgoing").GET()), 200);
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    /** Declares a relationship of the actor; the counterpart is sent as a key. */
    public JsonNode declare(String key, RelationshipEntry relationship) {
        Declaration body = new Declaration(relationship.kind().name(), relationship.counterpart(),
                relationship.theater() == null ? null : relationship.theater().name(), relationship.validFrom(),
                relationship.validUntil(), relationship.confidence(), relationship.reason(), relationship.sources());
        return body(send(post(ACTORS + "/" + key + "/relationships", body)), 201);
    }

    /** True when the API answers a list request at all (any status): it is up. */
    public boolean answers() {
        try {
            send(request(ACTORS + "?limit=1").GET());
            return true;
        } catch (ApiUnreachableException e) {
            return false;
        }
    }

    private HttpRequest.Builder post(String path, Object body) {
        try {
            return request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
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

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    private JsonNode body(HttpResponse<String> response, int expected) {
        if (response.statusCode() >= 400 || response.statusCode() != expected) {
            throw ApiException.of(response.statusCode(), response.body(), json);
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ApiException(response.statusCode(), "HTTP " + response.statusCode()
                    + " with a body that is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The body of {@code POST /api/v1/actors}. */
    record Registration(String key, String name, String kind, List<String> aliases, String country,
                        String affiliation, String reason, List<SourceCitation> sources) {
    }

    /** The body of {@code POST /api/v1/actors/{key}/relationships}. */
    record Declaration(String kind, String counterpart, String theater, LocalDate validFrom, LocalDate validUntil,
                       Double confidence, String reason, List<SourceCitation> sources) {
    }
}
