package org.conflictledger.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import org.conflictledger.dataset.Dataset.ActorEntry;
import org.conflictledger.dataset.Dataset.ExternalIdEntry;
import org.conflictledger.dataset.Dataset.RelationshipEntry;
import org.conflictledger.dataset.Dataset.SourceCitation;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of the public actor API the importer uses ({@code /api/v1/actors}), over plain HTTP.
 * Every request names the caller ({@code X-Ledger-Principal}, and a bearer token when given) and
 * carries one correlation id per import run, so the run can be found in the audit trail.
 */
public final class ActorsApi {
    static final String PRINCIPAL_HEADER = ApiClient.PRINCIPAL_HEADER;
    static final String CORRELATION_HEADER = ApiClient.CORRELATION_HEADER;
    private static final String ACTORS = "/api/v1/actors";

    private final ApiClient api;

    public ActorsApi(String baseUrl, String principal, String token, String correlationId) {
        this.api = new ApiClient(baseUrl, principal, token, correlationId);
    }

    public String baseUrl() {
        return api.baseUrl();
    }

    /** The actor with this key, or empty on 404. */
    public Optional<JsonNode> find(String key) {
        HttpResponse<String> response = api.get(ACTORS + "/" + key);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(api.body(response, 200));
    }

    /** Registers an actor; its affiliation is sent as a key. Answers the registered actor. */
    public JsonNode register(ActorEntry actor) {
        Registration body = new Registration(actor.key(), actor.name(), actor.kind().name(), actor.aliases(),
                actor.country(), actor.affiliation(), actor.reason(), actor.sources());
        return api.body(api.post(ACTORS, body, Map.of()), 201);
    }

    /** The relationships the actor declared, as the API lists them. */
    public List<JsonNode> outgoingRelationships(String key) {
        JsonNode page = api.body(api.get(ACTORS + "/" + key + "/relationships?direction=outgoing"), 200);
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    /** Declares a relationship of the actor; the counterpart is sent as a key. */
    public JsonNode declare(String key, RelationshipEntry relationship) {
        Declaration body = new Declaration(relationship.kind().name(), relationship.counterpart(),
                relationship.theater() == null ? null : relationship.theater().name(), relationship.validFrom(),
                relationship.validUntil(), relationship.confidence(), relationship.reason(), relationship.sources());
        return api.body(api.post(ACTORS + "/" + key + "/relationships", body, Map.of()), 201);
    }

    /** Adds an identifier the actor has in another dataset (one it has already changes nothing). */
    public JsonNode addExternalId(String key, ExternalIdEntry id, String reason, List<SourceCitation> sources) {
        ExternalIdChange body = new ExternalIdChange(id.scheme(), id.value(), reason, sources);
        return api.body(api.post(ACTORS + "/" + key + "/external-ids", body, Map.of()), 200);
    }

    /** True when the API answers a list request at all (any status): it is up. */
    public boolean answers() {
        return api.answers(ACTORS + "?limit=1");
    }

    /** The body of {@code POST /api/v1/actors}. */
    record Registration(String key, String name, String kind, List<String> aliases, String country,
                        String affiliation, String reason, List<SourceCitation> sources) {
    }

    /** The body of {@code POST /api/v1/actors/{key}/relationships}. */
    record ExternalIdChange(String scheme, String value, String reason, List<SourceCitation> sources) {
    }

    record Declaration(String kind, String counterpart, String theater, LocalDate validFrom, LocalDate validUntil,
                       Double confidence, String reason, List<SourceCitation> sources) {
    }
}
