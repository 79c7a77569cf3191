package org.conflictledger.events.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.actorreplica.ActorRef;
import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.domain.ConflictEventStatus;
import org.conflictledger.events.query.ConflictEventFilter;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.QueryParameters;

import java.util.UUID;
import java.util.regex.Pattern;

/** Parses the parameters that choose conflict events (the list's and the exports') into a query filter. */
@ApplicationScoped
public class ConflictEventFilters {
    private static final Pattern DEGREES = Pattern.compile("[-+]?[0-9]{1,3}(\\.[0-9]+)?");
    private final ActorDirectory actors;

    ConflictEventFilters(ActorDirectory actors) {
        this.actors = actors;
    }

    /**
     * The filter the parameters ask for, in date order ({@code descending} for newest first), starting after
     * {@code after} (null for the start); a bad parameter is an {@link InvalidRequest} naming it.
     */
    public ConflictEventFilter filter(ConflictEventFilterQuery query, boolean descending,
                                      ConflictEventFilter.Position after) {
        UUID actor = null;
        if (query.actor != null) {
            actor = actors.byReference(query.actor).map(ActorRef::id)
                    .orElseThrow(() -> new InvalidRequest("actor", "no actor has the id or key " + query.actor));
        }
        ConflictEventFilter filter = new ConflictEventFilter(
                QueryParameters.enumValue("theater", query.theater, Theater.class),
                QueryParameters.enumValue("type", query.type, ConflictEventType.class),
                actor,
                QueryParameters.enumValue("role", query.role, ActorRole.class),
                QueryParameters.date("from", query.from),
                QueryParameters.date("to", query.to),
                bbox(query.bbox),
                query.agreement == null ? null : uuid("agreement", query.agreement),
                QueryParameters.searchText("q", query.q),
                QueryParameters.enumValue("status", query.status, ConflictEventStatus.class),
                acledEventId(query.acledEventId),
                QueryParameters.externalId("externalId", query.externalId),
                descending,
                after);
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new InvalidRequest("to", "must not be before from");
        }
        return filter;
    }

    /**
     * An ACLED id to look for, as a body may carry one: a longer one, or one with blanks, names no event. Blank is no
     * filter, as for every parameter.
     */
    private static String acledEventId(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        if (id.length() > RecordLimits.MAX_EXTERNAL_ID || !RecordLimits.isExternalId(id)) {
            throw new InvalidRequest("acledEventId", "at most " + RecordLimits.MAX_EXTERNAL_ID
                    + " characters without blanks or control characters, as ACLED's event_id_cnty");
        }
        return id;
    }

    private static double[] bbox(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        String message = "must be minLongitude,minLatitude,maxLongitude,maxLatitude";
        if (parts.length != 4) {
            throw new InvalidRequest("bbox", message);
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i].strip();
            // Decimal degrees only: Java would also read NaN, Infinity, 1d and hexadecimal, which name no box.
            if (!DEGREES.matcher(part).matches()) {
                throw new InvalidRequest("bbox", message);
            }
            box[i] = Double.parseDouble(part);
        }
        if (box[0] > box[2] || box[1] > box[3] || Math.abs(box[1]) > 90 || Math.abs(box[3]) > 90
                || Math.abs(box[0]) > 180 || Math.abs(box[2]) > 180) {
            throw new InvalidRequest("bbox", message + " within -180..180 and -90..90, min before max");
        }
        return box;
    }

    private static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field, "must be a UUID");
        }
    }

}
