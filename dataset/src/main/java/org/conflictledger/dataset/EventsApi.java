package org.conflictledger.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.conflictledger.dataset.Dataset.EventActor;
import org.conflictledger.dataset.Dataset.EventEntry;
import org.conflictledger.dataset.Dataset.EventFatalities;
import org.conflictledger.dataset.Dataset.EventLocation;
import org.conflictledger.dataset.Dataset.SourceCitation;

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
import java.time.LocalDate;
import java.util.List;

/**
 * The part of the public conflict event API the importer uses ({@code /api/v1/events}), over plain
 * HTTP, with the same principal, token and correlation id as {@link ActorsApi}.
 */
public final class EventsApi {
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final String EVENTS = "/api/v1/events";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final String principal;
    private final String token;
    private final String correlationId;
    private final HttpClient http;
    private final ObjectMapper json;

    public EventsApi(String baseUrl, String principal, String token, String correlationId) {
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

    /**
     * Reports the event with the {@code Idempotency-Key}; answers the event as recorded (201), which
     * is the first result when the key was used before for the same report.
     */
    public JsonNode report(EventEntry event, String idempotencyKey) {
        Report body = new Report(event.theater().name(), event.type().name(), event.subType(), event.date(),
                event.datePrecision() == null ? null : event.datePrecision().name(), event.endDate(),
                event.location(), event.actors(), event.fatalities(), event.notes(), event.confidence(),
                event.sources(), event.acledEventId(), event.ucdpGedId(), event.reason());
        try {
            HttpRequest.Builder request = request(EVENTS).header("Content-Type", "application/json")
                    .header(IDEMPOTENCY_HEADER, idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            return body(send(request), 201);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the service knows the actor with this key: its replica of the actors, fed from the
     * actors' topic, may lag behind the registrations. A list filtered by an unknown actor is a 400.
     */
    public boolean knowsActor(String key) {
        HttpResponse<String> response = send(request(EVENTS + "?limit=1&actor="
                + URLEncoder.encode(key, StandardCharsets.UTF_8)).GET());
        if (response.statusCode() == 400) {
            return false;
        }
        body(response, 200);
        return true;
    }

    /** True when the API answers a list request at all (any status): it is up. */
    public boolean answers() {
        try {
            send(request(EVENTS + "?limit=1").GET());
            return true;
        } catch (ApiUnreachableException e) {
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header(ActorsApi.PRINCIPAL_HEADER, principal)
                .header(ActorsApi.CORRELATION_HEADER, correlationId);
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

    /** The body of {@code POST /api/v1/events}: the dataset event without its key. */
    record Report(String theater, String type, String subType, LocalDate date, String datePrecision,
                  LocalDate endDate, EventLocation location, List<EventActor> actors, EventFatalities fatalities,
                  String notes, Double confidence, List<SourceCitation> sources, String acledEventId,
                  String ucdpGedId, String reason) {
    }
}
