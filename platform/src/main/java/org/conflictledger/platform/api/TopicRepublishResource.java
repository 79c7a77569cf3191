package org.conflictledger.platform.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.conflictledger.platform.axon.ReadModels;
import org.conflictledger.platform.config.LedgerConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST <collection>/admin/topic/republish}: publishes every stored event of the service to its topic again,
 * so that a lost or emptied topic is rebuilt from the event store, the source of truth. A service adds it with a
 * subclass that names its collection and tag, as for {@link ChangesResource}.
 */
public abstract class TopicRepublishResource {
    private final ReadModels readModels;
    private final LedgerConfig config;

    protected TopicRepublishResource(ReadModels readModels, LedgerConfig config) {
        this.readModels = readModels;
        this.config = config;
    }

    @Schema(name = "TopicRepublish", description = "What a republish started")
    public record Republish(
            @Schema(description = "The topic the events go to", example = "ledger.actors.v1") String topic,
            @Schema(description = "Stored events the outbox publishes again, oldest first", example = "1960") long events) {
    }

    @POST
    @Path("/admin/topic/republish")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "republish{Record}Topic", summary = "Publish every stored event to the topic again",
            description = "Restarts the Kafka outbox from the first stored event: every event is published again, in"
                    + " store order, with its original CloudEvent id, so consumers skip what they had. Use it when the"
                    + " topic was lost or recreated, or to feed a new consumer the whole history. Answers at once; the"
                    + " outbox publishes in the background. An administrative action.")
    @APIResponse(responseCode = "202", description = "Republishing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Republish.class)))
    @APIResponse(responseCode = "409", description = "Another replica runs the outbox; send it there",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response republish() {
        long events = readModels.republishTopic();
        return Response.accepted(new Republish(config.outbox().topic(), events)).build();
    }
}
