package org.conflictledger.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import org.conflictledger.dataset.Dataset.AgreementEntry;
import org.conflictledger.dataset.Dataset.SourceCitation;
import org.conflictledger.dataset.Dataset.TermDurationEntry;
import org.conflictledger.dataset.Dataset.TermEntry;
import org.conflictledger.dataset.Dataset.TermQuantity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of the public agreement API the importer uses ({@code /api/v1/agreements} and its terms),
 * over plain HTTP, with the same principal, token and correlation id as {@link ActorsApi}.
 */
public final class AgreementsApi {
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** What agreements-service says (in a 400) when its replica of the actors does not know an actor yet. */
    static final String UNKNOWN_ACTOR = "no actor has the id or key";
    private static final String AGREEMENTS = "/api/v1/agreements";
    /** The API's largest page; an agreement has at most 500 terms. */
    private static final int PAGE = 500;

    private final ApiClient api;

    public AgreementsApi(String baseUrl, String principal, String token, String correlationId) {
        this.api = new ApiClient(baseUrl, principal, token, correlationId);
    }

    public String baseUrl() {
        return api.baseUrl();
    }

    /**
     * Records the agreement with the {@code Idempotency-Key}; answers the agreement as recorded (201), which
     * is the first result when the key was used before for the same request. {@code supersedes} and
     * {@code complements} are the ids of the agreements the dataset names by key.
     */
    public JsonNode record(AgreementEntry agreement, List<String> supersedes, List<String> complements,
                           String idempotencyKey) {
        Recording body = new Recording(agreement.title(), agreement.kind().name(), agreement.theater().name(),
                agreement.signedOn(), agreement.signedPlace(), agreement.inForceAt(), agreement.inForceZone(),
                agreement.signatories(), agreement.witnesses(), supersedes, complements,
                agreement.status() == null ? null : agreement.status().name(), agreement.paxAgreementId(),
                agreement.reason(), agreement.sources());
        return api.body(api.post(AGREEMENTS, body, Map.of(IDEMPOTENCY_HEADER, idempotencyKey)), 201);
    }

    /** The agreement's terms, in their order. */
    public List<JsonNode> terms(String agreementId) {
        List<JsonNode> terms = new ArrayList<>();
        String path = AGREEMENTS + "/" + agreementId + "/terms?limit=" + PAGE;
        String cursor = null;
        do {
            JsonNode page = api.body(api.get(cursor == null ? path
                    : path + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), 200);
            page.path("items").forEach(terms::add);
            cursor = page.path("next").asText(null);
        } while (cursor != null && !cursor.isEmpty());
        return terms;
    }

    /**
     * Adds the term with the {@code Idempotency-Key}; answers the term as added (201). Conditions name the
     * other terms by order, which the service resolves among the terms already added.
     */
    public JsonNode addTerm(String agreementId, TermEntry term, String idempotencyKey) {
        TermDurationEntry d = term.duration();
        Addition body = new Addition(term.order(), term.article(), term.text(), term.category().name(), term.obligated(),
                term.beneficiaries(), term.deadline(),
                d == null ? null : new Duration(text(d.period()), d.autoRenew(), text(d.renewalPeriod()),
                        text(d.noticePeriod())),
                term.quantities(),
                term.conditions().stream().map(c -> new Condition(c.kind(), String.valueOf(c.term()))).toList(),
                term.reason(), term.sources());
        return api.body(api.post(AGREEMENTS + "/" + agreementId + "/terms", body,
                Map.of(IDEMPOTENCY_HEADER, idempotencyKey)), 201);
    }

    /** Whether the service's replica of the actors knows the actor with this key yet. */
    public boolean knowsActor(String key) {
        return api.knowsActor(AGREEMENTS, "signatory", key);
    }

    /** True when the API answers a list request at all (any status): it is up. */
    public boolean answers() {
        return unreachableBecause() == null;
    }

    /** Why the API does not answer a list request (refused, timed out, …), or null when it answers. */
    public String unreachableBecause() {
        try {
            api.get(AGREEMENTS + "?limit=1");
            return null;
        } catch (ApiUnreachableException e) {
            return e.getMessage();
        }
    }

    private static String text(Period period) {
        return period == null ? null : period.toString();
    }

    /** The body of {@code POST /api/v1/agreements}: the dataset agreement without its key, notes and terms. */
    record Recording(String title, String kind, String theater, LocalDate signedOn, String signedPlace,
                     Instant inForceAt, String inForceZone, List<String> signatories, List<String> witnesses,
                     List<String> supersedes, List<String> complements, String status, String paxAgreementId,
                     String reason, List<SourceCitation> sources) {
    }

    /** The body of {@code POST /api/v1/agreements/{id}/terms}: the dataset term without its notes. */
    record Addition(Integer order, String article, String text, String category, List<String> obligated,
                    List<String> beneficiaries, LocalDate deadline, Duration duration, List<TermQuantity> quantities,
                    List<Condition> conditions, String reason, List<SourceCitation> sources) {
    }

    record Duration(String period, boolean autoRenew, String renewalPeriod, String noticePeriod) {
    }

    record Condition(String kind, String term) {
    }
}
