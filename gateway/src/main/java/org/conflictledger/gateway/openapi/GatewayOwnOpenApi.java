package org.conflictledger.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Optional;

/**
 * The gateway's own OpenAPI document (the audit view from its annotations, the live stream from
 * {@code META-INF/openapi.yaml}), as SmallRye OpenAPI built it, so that the merged document describes the
 * gateway's endpoints next to the services'.
 */
@ApplicationScoped
public class GatewayOwnOpenApi {
    private static final Logger LOG = Logger.getLogger(GatewayOwnOpenApi.class);
    private static final String DEFAULT_DOCUMENT = "<default>";

    private final OpenApiDocumentService documents;
    private final ObjectMapper mapper;

    GatewayOwnOpenApi(OpenApiDocumentService documents, ObjectMapper mapper) {
        this.documents = documents;
        this.mapper = mapper;
    }

    public Optional<JsonNode> document() {
        try {
            return Optional.of(mapper.readTree(documents.getDocument(DEFAULT_DOCUMENT, Format.JSON)));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The gateway's own OpenAPI document cannot be had (%s); merging without it", e.toString());
            return Optional.empty();
        }
    }
}
