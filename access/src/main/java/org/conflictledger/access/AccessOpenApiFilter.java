package org.conflictledger.access;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes the token checks in every service's OpenAPI document: the bearer scheme, and on each API operation
 * the requirement, the role it needs and its 401 and 403 answers. Reads say they need {@code reader}; a deployment
 * with open reads (ledger.auth.open-reads) accepts them without a token.
 */
public class AccessOpenApiFilter implements OASFilter {
    public static final String SCHEME = "bearerAuth";
    private static final List<String> PROBLEM_SCHEMAS = List.of("Problem", "ProblemDocument");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An RS256 JWT from the ledger's issuer; its groups claim holds reader, editor or admin "
                        + "(they nest: an editor may read, an admin may edit). Locally: ./ledger token."));
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String problem = "#/components/schemas/" + problemSchema(components);
        openAPI.getPaths().getPathItems().forEach((path, item) -> describe(path, item, problem));
    }

    /** The document's own problem schema, or a plain one added for the 401 and 403 answers. */
    private static String problemSchema(Components components) {
        Map<String, Schema> schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
        for (String name : PROBLEM_SCHEMAS) {
            if (schemas.containsKey(name)) {
                return name;
            }
        }
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("instance", text));
        return "Problem";
    }

    private static void describe(String path, PathItem item, String problem) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            Optional<Role> role = RequiredRole.of(entry.getKey().name(), path, false);
            role.ifPresent(needed -> secure(entry.getValue(), needed, problem));
        }
    }

    private static void secure(Operation operation, Role role, String problem) {
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        operation.addExtension("x-required-role", role.claim());
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getAPIResponse("401") == null) {
            operation.getResponses().addAPIResponse("401", problem(problem, "No valid bearer token: missing, "
                    + "expired, or not signed by the ledger's key"));
        }
        if (operation.getResponses().getAPIResponse("403") == null) {
            operation.getResponses().addAPIResponse("403", problem(problem,
                    "The token does not grant the role " + role.claim()));
        }
    }

    private static APIResponse problem(String schemaRef, String description) {
        Content content = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schemaRef)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
