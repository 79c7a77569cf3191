package org.conflictledger.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import org.conflictledger.dataset.Dataset.EventActor;
import org.conflictledger.dataset.Dataset.EventEntry;
import org.conflictledger.dataset.Dataset.EventFatalities;
import org.conflictledger.dataset.Dataset.EventLocation;
import org.conflictledger.dataset.Dataset.SourceCitation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The part of the public conflict event API the importer uses ({@code /api/v1/events}), over plain
 * HTTP, with the same principal, token and correlation id as {@link ActorsApi}.
 */
public final class EventsApi {
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final String EVENTS = "/api/v1/events";

    private final ApiClient api;

    public EventsApi(String baseUrl, String principal, String token, String correlationId) {
        this.api = new ApiClient(baseUrl, principal, token, correlationId);
    }

    public String baseUrl() {
        return api.baseUrl();
    }

    /**
     * Reports the event with the {@code Idempotency-Key}; answers the event as recorded (201), which
     * is the first result when the key was used before for the same report. {@code agreementId} is the
     * id of the agreement the event names by key (null when it names none).
     */
    public JsonNode report(EventEntry event, String agreementId, String idempotencyKey) {
        Report body = new Report(event.theater().name(), event.type().name(), event.subType(), event.date(),
                event.datePrecision() == null ? null : event.datePrecision().name(), event.endDate(),
                event.location(), event.actors(), event.fatalities(), event.notes(), event.confidence(),
                agreementId, event.term(), event.sources(), event.acledEventId(), event.ucdpGedId(), event.reason());
        return api.body(api.post(EVENTS, body, Map.of(IDEMPOTENCY_HEADER, idempotencyKey)), 201);
    }

    /** Whether the service's replica of the actors knows the actor with this key yet. */
    public boolean knowsActor(String key) {
        return api.knowsActor(EVENTS, "actor", key);
    }

    /** True when the API answers a list request at all (any status): it is up. */
    public boolean answers() {
        return api.answers(EVENTS + "?limit=1");
    }

    /** The body of {@code POST /api/v1/events}: the dataset event without its key, its agreement by id. */
    record Report(String theater, String type, String subType, LocalDate date, String datePrecision,
                  LocalDate endDate, EventLocation location, List<EventActor> actors, EventFatalities fatalities,
                  String notes, Double confidence, String agreement, String term, List<SourceCitation> sources,
                  String acledEventId, String ucdpGedId, String reason) {
    }
}
