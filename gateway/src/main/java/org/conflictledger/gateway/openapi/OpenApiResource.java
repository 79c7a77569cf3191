package org.conflictledger.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.conflictledger.gateway.routing.ServiceProblems;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /openapi}: the services' OpenAPI documents merged into one; JSON, or YAML with {@code ?format=yaml} or
 * {@code Accept: application/yaml}. 503 problem when no service answers.
 */
@Path("/openapi")
public class OpenApiResource {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private final MergedOpenApi merged;
    private final ObjectMapper json;

    OpenApiResource(MergedOpenApi merged, ObjectMapper json) {
        this.merged = merged;
        this.json = json;
    }

    @GET
    @Operation(hidden = true)
    public CompletionStage<Response> get(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        boolean yaml = wantsYaml(format, accept);
        return merged.document().thenApply(document -> document.map(d -> render(d, yaml))
                .orElseGet(() -> problem(503, "service-unavailable", "Service unavailable",
                        "No service answered with its OpenAPI document; try again shortly")))
                .exceptionally(failure -> problem(502, "openapi-merge-failed", "The OpenAPI documents cannot be merged",
                        (failure.getCause() != null ? failure.getCause() : failure).getMessage()));
    }

    private static Response problem(int status, String kind, String title, String detail) {
        JsonObject problem = ServiceProblems.of(kind, title, status, detail, "/openapi");
        return Response.status(status).type(ServiceProblems.MEDIA_TYPE).entity(problem.encode()).build();
    }

    static boolean wantsYaml(String format, String accept) {
        if (format != null) {
            return format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml");
        }
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        boolean yamlAccepted = a.contains("application/yaml") || a.contains("application/x-yaml")
                || a.contains("text/yaml");
        return yamlAccepted && !a.contains("application/json");
    }

    static String yaml(ObjectNode document) throws com.fasterxml.jackson.core.JsonProcessingException {
        return YAML.writeValueAsString(document);
    }

    private Response render(ObjectNode document, boolean yaml) {
        try {
            return yaml
                    ? Response.ok(yaml(document), "application/yaml;charset=UTF-8").build()
                    : Response.ok(json.writeValueAsString(document), "application/json;charset=UTF-8").build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
