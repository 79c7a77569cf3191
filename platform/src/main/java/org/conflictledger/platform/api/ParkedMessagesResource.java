package org.conflictledger.platform.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.conflictledger.access.Caller;
import org.conflictledger.platform.access.CurrentCaller;
import org.conflictledger.platform.messaging.MessageParking;
import org.conflictledger.platform.messaging.ParkedMessage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/**
 * {@code <collection>/admin/parked}: the messages this service's consumers could not apply (see {@link MessageParking}),
 * listed, replayed once the cause is fixed, or discarded. A service that runs a consumer adds it with a subclass that
 * names its collection and tag, as for {@link TopicRepublishResource}.
 */
public abstract class ParkedMessagesResource {
    private final MessageParking parking;
    private final CurrentCaller caller;

    protected ParkedMessagesResource(MessageParking parking, CurrentCaller caller) {
        this.parking = parking;
        this.caller = caller;
    }

    /** The shape of a page of parked messages, for the OpenAPI document. */
    @Schema(name = "ParkedMessagePage", description = "A page of parked messages, in the order they were parked")
    public record ParkedMessagePage(
            @Schema(description = "The parked messages of this page") List<ParkedMessage> items,
            @Schema(description = "Opaque cursor of the next page, null on the last page") String next) {
    }

    @GET
    @Path("/admin/parked")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "list{Record}ParkedMessages", summary = "List the parked messages",
            description = "The messages this service's topic consumers could not apply, oldest first: each with where it"
                    + " was read (topic, partition, offset, key), its CloudEvent id, type and subject, the message as"
                    + " read, why it was parked and how often it was tried. A consumer parks a message after a few"
                    + " failed attempts, or at once when it is no ledger CloudEvent, and moves on; while a record has a"
                    + " message parked, its later messages are parked behind it. The metric"
                    + " ledger_consumer_parked_messages counts them per consumer. An administrative action.")
    @APIResponse(responseCode = "200", description = "A page of parked messages; Link rel=next when there is more",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ParkedMessagePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter does not parse (named in errors[]: cursor or limit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Only the messages of this consumer", example = "violations")
            @QueryParam("consumer") String consumer,
            @Parameter(description = "Cursor from the previous page's next") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        String only = consumer == null || consumer.isBlank() ? null : consumer.strip();
        return parking.page(only, cursor, QueryParameters.limit(limit)).toResponse(uri);
    }

    @POST
    @Path("/admin/parked/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replay{Record}ParkedMessage", summary = "Replay a parked message",
            description = "Applies the parked message again through its consumer, once the cause of its failure is"
                    + " fixed. On success it is removed, and the messages of the same record parked behind it are"
                    + " replayed in order, up to one that fails again (it stays parked, now first). A message parked"
                    + " behind another of its record is refused: replay or discard the first one first. A message that"
                    + " fails again stays parked with the new error (409). An administrative action.")
    @APIResponse(responseCode = "200", description = "Replayed: the messages applied and removed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MessageParking.Replay.class)))
    @APIResponse(responseCode = "400", description = "The id is not an integer (named in errors[])",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No message is parked under this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It failed again and stays parked (rule parked-message-failed),"
            + " or it waits behind another parked message of its record (rule parked-behind)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessageParking.Replay replay(
            @Parameter(description = "The parked message's id", example = "17") @PathParam("id") String id) {
        return parking.replay(id(id));
    }

    @DELETE
    @Path("/admin/parked/{id}")
    @Operation(operationId = "discard{Record}ParkedMessage", summary = "Discard a parked message",
            description = "Removes the parked message for good without applying it, when it should never be applied"
                    + " (a message that is no ledger CloudEvent, or one its record is better without). Logged with the"
                    + " caller. Messages of the same record parked behind it stay parked: replay them next. An"
                    + " administrative action.")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "400", description = "The id is not an integer (named in errors[])",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No message is parked under this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response discard(
            @Parameter(description = "The parked message's id", example = "17") @PathParam("id") String id) {
        parking.discard(id(id), caller.get().map(Caller::subject).orElse("an anonymous caller"));
        return Response.noContent().build();
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequest("id", "must be the integer id of a parked message");
        }
    }
}
