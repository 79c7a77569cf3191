package org.conflictledger.events.api.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class GeoJsonTest {

    private final Fixtures fixtures = new Fixtures();

    @Test
    void eventsAreFeaturesOfACollectionWithPointsAtLongitudeLatitude() throws Exception {
        UUID battleId = UUID.randomUUID();
        UUID agreementId = UUID.randomUUID();

        ObjectNode collection = GeoJson.featureCollection(List.of(
                fixtures.representation(battleId, fixtures.battle()),
                fixtures.representation(agreementId, fixtures.agreement())));

        assertThat(GeoJson.MEDIA_TYPE).isEqualTo("application/geo+json");
        assertThat(collection.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features")).hasSize(2);

        JsonNode battle = collection.get("features").get(0);
        assertThat(battle.get("type").asText()).isEqualTo("Feature");
        assertThat(battle.get("id").asText()).isEqualTo(battleId.toString());
        assertThat(battle.get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(battle.get("geometry").get("coordinates")).hasSize(2);
        assertThat(battle.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(46.9304);
        assertThat(battle.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(40.3404);
        JsonNode properties = battle.get("properties");
        assertThat(properties.get("theater").asText()).isEqualTo("NAGORNO_KARABAKH");
        assertThat(properties.get("type").asText()).isEqualTo("BATTLE");
        assertThat(properties.get("subType").asText()).isEqualTo("ARMED_CLASH");
        assertThat(properties.get("date").asText()).isEqualTo("2020-09-27");
        assertThat(properties.get("endDate").asText()).isEqualTo("2020-09-28");
        assertThat(properties.get("place").asText()).isEqualTo("Tartar");
        assertThat(properties.get("fatalities").asInt()).isEqualTo(20);
        assertThat(properties.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(properties.get("version").asLong()).isEqualTo(3);
        assertThat(properties.get("actors")).hasSize(5);
        assertThat(properties.get("actors").get(0).toString())
                .isEqualTo("{\"key\":\"AZE\",\"name\":\"Azerbaijan\",\"role\":\"PERPETRATOR\"}");

        JsonNode agreement = collection.get("features").get(1);
        assertThat(agreement.has("geometry")).isTrue();
        assertThat(agreement.get("geometry").isNull()).isTrue();
        assertThat(agreement.get("properties").has("place")).isFalse();
        assertThat(agreement.get("properties").has("endDate")).isFalse();
        assertThat(agreement.get("properties").get("fatalities").asInt()).isZero();

        // serialises as plain JSON
        String json = new ObjectMapper().writeValueAsString(collection);
        assertThat(json).startsWith("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"");
        assertThat(json).contains("\"geometry\":{\"type\":\"Point\",\"coordinates\":[46.9304,40.3404]}");
        assertThat(json).contains("\"geometry\":null");
    }

    @Test
    void anEmptyListIsAnEmptyCollection() {
        assertThat(GeoJson.featureCollection(List.of()).toString())
                .isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[]}");
    }

    @Test
    void anEventWithoutKnownFatalitiesOmitsThem() {
        JsonNode feature = GeoJson.feature(fixtures.representation(UUID.randomUUID(),
                fixtures.violation(UUID.randomUUID(), null)));

        assertThat(feature.get("geometry").isNull()).isTrue();
        assertThat(feature.get("properties").has("fatalities")).isFalse();
        assertThat(feature.get("properties").get("actors").get(0).has("key")).isFalse();
        assertThat(feature.get("properties").get("actors").get(0).get("name").asText())
                .isEqualTo("Unidentified Armed Group");
    }
}
