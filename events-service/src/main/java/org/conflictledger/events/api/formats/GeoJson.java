package org.conflictledger.events.api.formats;

import java.util.List;
import java.util.Objects;

import org.conflictledger.events.api.ConflictEventRepresentation;
import org.conflictledger.events.api.ConflictEventRepresentation.Participant;
import org.conflictledger.events.domain.Location;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Conflict events as a GeoJSON (RFC 7946) {@code FeatureCollection}: one {@code Feature} per event,
 * its {@code id} the event's id, a {@code Point} at {@code [longitude, latitude]} (a {@code null}
 * geometry when the event has no coordinates, which GeoJSON allows), and as properties the theater,
 * type and sub-type (enum names, as in the JSON API), date, end date, place, actors
 * ({@code [{key, name, role}]}), best fatality estimate, status and version. Absent values are
 * omitted from the properties.
 */
public final class GeoJson {

    public static final String MEDIA_TYPE = "application/geo+json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeoJson() {
    }

    public static ObjectNode featureCollection(List<ConflictEventRepresentation> events) {
        ObjectNode collection = NODES.objectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (ConflictEventRepresentation event : events) {
            features.add(feature(event));
        }
        return collection;
    }

    public static ObjectNode feature(ConflictEventRepresentation event) {
        Objects.requireNonNull(event, "event");
        ObjectNode feature = NODES.objectNode();
        feature.put("type", "Feature");
        if (event.id() != null) {
            feature.put("id", event.id().toString());
        }
        Location location = event.location();
        if (location != null && location.latitude() != null && location.longitude() != null) {
            ObjectNode point = feature.putObject("geometry");
            point.put("type", "Point");
            point.putArray("coordinates").add(location.longitude()).add(location.latitude());
        } else {
            feature.putNull("geometry");
        }
        ObjectNode properties = feature.putObject("properties");
        putIfPresent(properties, "theater", event.theater());
        putIfPresent(properties, "type", event.type());
        putIfPresent(properties, "subType", event.subType());
        putIfPresent(properties, "date", event.date());
        putIfPresent(properties, "endDate", event.endDate());
        putIfPresent(properties, "place", location == null ? null : location.place());
        ArrayNode actors = properties.putArray("actors");
        if (event.actors() != null) {
            for (Participant participant : event.actors()) {
                if (participant == null) {
                    continue;
                }
                ObjectNode actor = actors.addObject();
                putIfPresent(actor, "key", participant.key());
                putIfPresent(actor, "name", participant.name());
                putIfPresent(actor, "role", participant.role());
            }
        }
        if (event.fatalities() != null && event.fatalities().best() != null) {
            properties.put("fatalities", event.fatalities().best());
        }
        putIfPresent(properties, "status", event.status());
        properties.put("version", event.version());
        return feature;
    }

    private static void putIfPresent(ObjectNode node, String field, Object value) {
        if (value instanceof Enum<?> constant) {
            node.put(field, constant.name());
        } else if (value != null) {
            node.put(field, value.toString());
        }
    }
}
