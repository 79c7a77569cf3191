package org.conflictledger.actors.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.conflictledger.actors.api.ActorFixtures.registered;
import static org.conflictledger.actors.api.ActorFixtures.uniqueKey;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every bad input to the actor API gets a 4xx problem document that names what is wrong, never a
 * 5xx, and leaves the record as it was.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ActorBadInputApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String ACTORS = "/api/v1/actors";

    // ---------------------------------------------------------------- registration bodies

    @Test
    void malformedJsonIsABadRequestNamingTheBody() {
        String name = uniqueName("Malformed");
        validation(postJson(ACTORS, "{\"key\": \"" + uniqueKey("MAL") + "\", \"name\": \"" + name + "\", "), "body");
        assertNoActorNamed(name);
    }

    @Test
    void aBodyThatIsNotAnObjectIsABadRequest() {
        problem(postJson(ACTORS, "[1, 2, 3]"), 400);
        problem(postJson(ACTORS, "\"just a string\""), 400);
    }

    @Test
    void anEmptyBodyIsABadRequestNamingTheBody() {
        validation(given().contentType(ContentType.JSON).post(ACTORS).then(), "body");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        String name = uniqueName("Missing");
        problem(postJson(ACTORS, "{}"), 400)
                .body("errors.field", hasItems("key", "name", "kind"));
        validation(postJson(ACTORS, registration(null, name, "STATE")), "key");
        validation(postJson(ACTORS, registration(uniqueKey("MIS"), null, "STATE")), "name");
        validation(postJson(ACTORS, registration(uniqueKey("MIS"), "   ", "STATE")), "name");
        validation(postJson(ACTORS, registration(uniqueKey("MIS"), name, null)), "kind");
        assertNoActorNamed(name);
    }

    @Test
    void aNameOfMoreThan200CharactersIsRefusedAndOneOf200IsAccepted() {
        String key = uniqueKey("LONG");
        String marker = uniqueName("Long");
        String tooLong = (marker + " " + "x".repeat(300)).substring(0, 201);
        validation(postJson(ACTORS, registration(key, tooLong, "STATE")), "name");
        notFound(given().get(ACTORS + "/" + key).then());
        assertNoActorNamed(marker);

        String longest = tooLong.substring(0, 200);
        given().contentType(ContentType.JSON).body(registration(key, longest, "STATE")).post(ACTORS)
                .then().statusCode(201).body("name", equalTo(longest));
    }

    @Test
    void moreThan50AliasesAreRefused() {
        String key = uniqueKey("ALI");
        String name = uniqueName("Aliases");
        Map<String, Object> body = registration(key, name, "ARMED_GROUP");
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            aliases.add("Alias " + i);
        }
        body.put("aliases", aliases);
        validation(postJson(ACTORS, body), "aliases");
        notFound(given().get(ACTORS + "/" + key).then());
        assertNoActorNamed(name);
    }

    @Test
    void aBlankOrOverlongAliasIsRefusedNamingItsPosition() {
        String key = uniqueKey("ALB");
        Map<String, Object> body = registration(key, uniqueName("Alias"), "STATE");
        body.put("aliases", List.of("Fine", " "));
        validation(postJson(ACTORS, body), "aliases[1]");
        body.put("aliases", List.of("y".repeat(201)));
        validation(postJson(ACTORS, body), "aliases[0]");
        notFound(given().get(ACTORS + "/" + key).then());
    }

    @Test
    void aKeyThatIsNotShortUpperCaseIsRefused() {
        String name = uniqueName("BadKey");
        for (String key : List.of("tur", "T", "-TUR", "TUR KEY", "TÜR", "A" + "B".repeat(64))) {
            validation(postJson(ACTORS, registration(key, name, "STATE")), "key")
                    .body("errors.find { it.field == 'key' }.message", notNullValue());
        }
        assertNoActorNamed(name);
    }

    @Test
    void anUnknownKindIsRefusedListingTheAllowedValues() {
        String key = uniqueKey("KND");
        validation(postJson(ACTORS, registration(key, uniqueName("Kind"), "WARLORD")), "kind")
                .body("errors.find { it.field == 'kind' }.message",
                        allOf(containsString("STATE"), containsString("ARMED_GROUP"), containsString("GOVERNMENT")));
        notFound(given().get(ACTORS + "/" + key).then());
    }

    @Test
    void aCountryThatIsNotAnAlpha3CodeIsRefused() {
        String key = uniqueKey("CTY");
        Map<String, Object> body = registration(key, uniqueName("Country"), "STATE");
        body.put("country", "tr");
        validation(postJson(ACTORS, body), "country");
        notFound(given().get(ACTORS + "/" + key).then());
    }

    @Test
    void anUnknownAffiliationIsABadRequestNamingTheField() {
        String key = uniqueKey("AFF");
        Map<String, Object> body = registration(key, uniqueName("Affiliation"), "LEADER");
        body.put("affiliation", uniqueKey("NOSUCH"));
        validation(postJson(ACTORS, body), "affiliation");
        notFound(given().get(ACTORS + "/" + key).then());
    }

    @Test
    void aSourceWithANonHttpUrlIsRefusedNamingTheSourceField() {
        String key = uniqueKey("SRC");
        Map<String, Object> body = registration(key, uniqueName("Source"), "STATE");
        body.put("sources", List.of(Map.of("title", "Fine", "url", "https://example.org/ok"),
                Map.of("title", "Report", "url", "ftp://x")));
        validation(postJson(ACTORS, body), "sources[1].url")
                .body("errors.field", not(hasItem("url")));
        notFound(given().get(ACTORS + "/" + key).then());
    }

    @Test
    void aSourceWithABlankTitleIsRefusedNamingTheSourceField() {
        String key = uniqueKey("SRT");
        Map<String, Object> body = registration(key, uniqueName("Source"), "STATE");
        body.put("sources", List.of(Map.of("title", " ", "url", "https://example.org/report")));
        validation(postJson(ACTORS, body), "sources[0].title");
        notFound(given().get(ACTORS + "/" + key).then());
    }

    @Test
    void aSourceWithAnInvalidDateIsRefusedNamingTheSourceField() {
        String key = uniqueKey("SRD");
        Map<String, Object> body = registration(key, uniqueName("Source"), "STATE");
        body.put("sources", List.of(Map.of("title", "Report", "date", "2020-02-30")));
        validation(postJson(ACTORS, body), "sources[0].date");
        notFound(given().get(ACTORS + "/" + key).then());
    }

    @Test
    void aBodyOfTheWrongMediaTypeIsUnsupported() {
        String key = uniqueKey("TXT");
        problem(given().contentType(ContentType.TEXT)
                .body("key=" + key + "&name=Text&kind=STATE")
                .post(ACTORS).then(), 415);
        notFound(given().get(ACTORS + "/" + key).then());
    }

    // ---------------------------------------------------------------- duplicate key

    @Test
    void aDuplicateKeyIsAConflictAndLeavesTheFirstActorAlone() {
        String key = uniqueKey("DUP");
        String marker = uniqueName("Dup");
        String firstId = given().contentType(ContentType.JSON).body(registration(key, marker + " first", "STATE"))
                .post(ACTORS).then().statusCode(201).extract().path("id");

        problem(postJson(ACTORS, registration(key, marker + " second", "ARMED_GROUP")), 409)
                .body("rule", equalTo("key-taken"))
                .body("detail", containsString(key));

        given().get(ACTORS + "/" + key).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(firstId))
                .body("name", equalTo(marker + " first"))
                .body("kind", equalTo("STATE"))
                .body("version", equalTo(1));
        given().queryParam("q", marker).get(ACTORS).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items.key", contains(key))
                .body("items.id", contains(firstId));
        given().get(ACTORS + "/" + firstId + "/history").then().statusCode(200).body("items", hasSize(1));
    }

    // ---------------------------------------------------------------- unknown records in the path

    @Test
    void anUnknownActorIdInThePathIsNotFound() {
        String id = UUID.randomUUID().toString();
        notFound(given().get(ACTORS + "/" + id).then());
        notFound(given().get(ACTORS + "/" + id + "/history").then());
        notFound(given().get(ACTORS + "/" + id + "/relationships").then());
        notFound(postJson(ACTORS + "/" + id + "/rename", Map.of("name", "Nobody")));
    }

    @Test
    void anUnknownKeyInThePathIsNotFound() {
        String key = uniqueKey("NOSUCH");
        notFound(given().get(ACTORS + "/" + key).then());
        notFound(given().get(ACTORS + "/" + key + "/verify").then());
        notFound(postJson(ACTORS + "/" + key + "/retract", Map.of("reason", "none")));
        notFound(given().get(ACTORS + "/not-a-key-or-id").then());
    }

    // ---------------------------------------------------------------- relationship declarations

    @Test
    void anInvalidDateInARelationshipIsABadRequestNamingTheField() {
        String key = uniqueKey("TUR");
        registered(key, "Turkey", "STATE");
        String counterpart = uniqueKey("GNA");
        registered(counterpart, "Government of National Accord", "GOVERNMENT");
        Map<String, Object> body = declaration(counterpart);
        body.put("validFrom", "2020-13-45");
        validation(postJson(ACTORS + "/" + key + "/relationships", body), "validFrom")
                .body("errors[0].message", containsString("date"));
        body.put("validFrom", "27.11.2019");
        validation(postJson(ACTORS + "/" + key + "/relationships", body), "validFrom");
        assertUnchanged(key, "1");
    }

    @Test
    void aRelationshipEndingBeforeItStartsIsABadRequestNamingValidUntil() {
        String key = uniqueKey("TUR");
        registered(key, "Turkey", "STATE");
        String counterpart = uniqueKey("GNA");
        registered(counterpart, "Government of National Accord", "GOVERNMENT");
        Map<String, Object> body = declaration(counterpart);
        body.put("validFrom", "2020-09-27");
        body.put("validUntil", "2020-09-26");
        validation(postJson(ACTORS + "/" + key + "/relationships", body), "validUntil");
        assertUnchanged(key, "1");
    }

    @Test
    void aConfidenceOutsideZeroToOneIsABadRequest() {
        String key = uniqueKey("TUR");
        registered(key, "Turkey", "STATE");
        String counterpart = uniqueKey("GNA");
        registered(counterpart, "Government of National Accord", "GOVERNMENT");
        Map<String, Object> body = declaration(counterpart);
        body.put("confidence", 1.5);
        validation(postJson(ACTORS + "/" + key + "/relationships", body), "confidence");
        body.put("confidence", -0.1);
        validation(postJson(ACTORS + "/" + key + "/relationships", body), "confidence");
        body.put("confidence", "high");
        validation(postJson(ACTORS + "/" + key + "/relationships", body), "confidence");
        assertUnchanged(key, "1");
    }

    @Test
    void anUnknownRelationshipKindOrTheaterIsABadRequestNamingTheField() {
        String key = uniqueKey("TUR");
        registered(key, "Turkey", "STATE");
        String counterpart = uniqueKey("GNA");
        registered(counterpart, "Government of National Accord", "GOVERNMENT");
        Map<String, Object> body = declaration(counterpart);
        body.put("kind", "LOVES");
        validation(postJson(ACTORS + "/" + key + "/relationships", body), "kind")
                .body("errors[0].message", containsString("SUPPORTS"));
        body = declaration(counterpart);
        body.put("theater", "ATLANTIS");
        validation(postJson(ACTORS + "/" + key + "/relationships", body), "theater")
                .body("errors[0].message", containsString("LIBYA"));
        assertUnchanged(key, "1");
    }

    @Test
    void anUnknownCounterpartIsABadRequestNamingTheField() {
        String key = uniqueKey("TUR");
        registered(key, "Turkey", "STATE");
        validation(postJson(ACTORS + "/" + key + "/relationships", declaration(uniqueKey("NOSUCH"))), "counterpart");
        validation(postJson(ACTORS + "/" + key + "/relationships", declaration(UUID.randomUUID().toString())),
                "counterpart");
        Map<String, Object> missing = declaration("X");
        missing.remove("counterpart");
        validation(postJson(ACTORS + "/" + key + "/relationships", missing), "counterpart");
        assertUnchanged(key, "1");
    }

    @Test
    void aRelationshipWithItselfIsAConflict() {
        String key = uniqueKey("TUR");
        String id = registered(key, "Turkey", "STATE");
        problem(postJson(ACTORS + "/" + key + "/relationships", declaration(id)), 409)
                .body("rule", equalTo("relationship-with-itself"));
        problem(postJson(ACTORS + "/" + key + "/relationships", declaration(key)), 409)
                .body("rule", equalTo("relationship-with-itself"));
        assertUnchanged(key, "1");
    }

    @Test
    void endingAnUnknownRelationshipIsAConflict() {
        String key = uniqueKey("TUR");
        registered(key, "Turkey", "STATE");
        problem(postJson(ACTORS + "/" + key + "/relationships/" + UUID.randomUUID() + "/end",
                Map.of("validUntil", "2020-11-10")), 409)
                .body("rule", equalTo("relationship-unknown"));
        assertUnchanged(key, "1");
    }

    @Test
    void endingARelationshipWithoutOrWithAnInvalidDateIsABadRequest() {
        String key = uniqueKey("TUR");
        registered(key, "Turkey", "STATE");
        String counterpart = uniqueKey("AZE");
        registered(counterpart, "Azerbaijan", "STATE");
        Map<String, Object> body = declaration(counterpart);
        body.put("validFrom", "2020-09-27");
        String rid = given().contentType(ContentType.JSON).body(body).post(ACTORS + "/" + key + "/relationships")
                .then().statusCode(201).extract().path("id");
        String end = ACTORS + "/" + key + "/relationships/" + rid + "/end";
        validation(postJson(end, Map.of("reason", "no date")), "validUntil");
        validation(postJson(end, Map.of("validUntil", "2020-11-31")), "validUntil");
        // the body alone is valid; it conflicts with the stored start of the relationship: a broken rule
        problem(postJson(end, Map.of("validUntil", "2020-09-26")), 409)
                .body("rule", equalTo("relationship-period-invalid"));
        assertUnchanged(key, "2");
        given().get(ACTORS + "/" + key + "/relationships").then().statusCode(200)
                .body("items[0].ended", equalTo(false))
                .body("items[0].validUntil", nullValue());
    }

    // ---------------------------------------------------------------- If-Match

    @Test
    void aMalformedIfMatchIsABadRequestNamingTheHeader() {
        String key = uniqueKey("ARM");
        registered(key, "Armenia", "STATE");
        for (String ifMatch : List.of("abc", "\"abc\"", "\"0\"", "1,2")) {
            validation(given().contentType(ContentType.JSON).header("If-Match", ifMatch)
                    .body(Map.of("name", "Hayastan")).post(ACTORS + "/" + key + "/rename").then(), "If-Match");
        }
        assertUnchanged(key, "1");
        given().get(ACTORS + "/" + key).then().body("name", equalTo("Armenia"));
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailureAndChangesNothing() {
        String key = uniqueKey("ARM");
        registered(key, "Armenia", "STATE");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("name", "Republic of Armenia"))
                .post(ACTORS + "/" + key + "/rename").then().statusCode(200).header("ETag", "\"2\"");
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("name", "Hayastan"))
                .post(ACTORS + "/" + key + "/rename").then(), 412)
                .body("type", containsString("stale-version"));
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("aliases", List.of("X")))
                .put(ACTORS + "/" + key + "/aliases").then(), 412);
        assertUnchanged(key, "2");
        given().get(ACTORS + "/" + key).then().body("name", equalTo("Republic of Armenia")).body("aliases", empty());
    }

    // ---------------------------------------------------------------- query parameters

    @Test
    void anAsOfThatIsNotAnInstantIsABadRequestNamingIt() {
        String key = uniqueKey("AZE");
        registered(key, "Azerbaijan", "STATE");
        validation(given().queryParam("asOf", "yesterday").get(ACTORS + "/" + key).then(), "asOf");
        validation(given().queryParam("asOf", "2020-11-10").get(ACTORS + "/" + key).then(), "asOf");
    }

    @Test
    void aCursorThisApiDidNotIssueIsABadRequestNamingIt() {
        validation(given().queryParam("cursor", "!!!").get(ACTORS).then(), "cursor");
        String key = uniqueKey("AZE");
        registered(key, "Azerbaijan", "STATE");
        validation(given().queryParam("cursor", "!!!").get(ACTORS + "/" + key + "/history").then(), "cursor");
    }

    @Test
    void aLimitOutsideOneTo500IsABadRequestNamingIt() {
        validation(given().queryParam("limit", 0).get(ACTORS).then(), "limit");
        validation(given().queryParam("limit", 501).get(ACTORS).then(), "limit");
        validation(given().queryParam("limit", -1).get(ACTORS).then(), "limit");
        given().queryParam("limit", 1).get(ACTORS).then().statusCode(200);
        given().queryParam("limit", 500).get(ACTORS).then().statusCode(200);
        String key = uniqueKey("AZE");
        registered(key, "Azerbaijan", "STATE");
        validation(given().queryParam("limit", 0).get(ACTORS + "/" + key + "/history").then(), "limit");
        validation(given().queryParam("limit", 501).get(ACTORS + "/" + key + "/history").then(), "limit");
    }

    @Test
    void aLimitThatIsNotANumberIsABadRequestNamingIt() {
        validation(given().queryParam("limit", "ten").get(ACTORS).then(), "limit");
    }

    @Test
    void anUnknownKindFilterIsABadRequestNamingIt() {
        validation(given().queryParam("kind", "WARLORD").get(ACTORS).then(), "kind");
    }

    @Test
    void anUnknownTheaterFilterIsABadRequestNamingIt() {
        validation(given().queryParam("theater", "ATLANTIS").get(ACTORS).then(), "theater");
    }

    @Test
    void aCountryFilterThatIsNotAnAlpha3CodeIsABadRequestNamingIt() {
        validation(given().queryParam("country", "tr").get(ACTORS).then(), "country");
    }

    @Test
    void anUnknownRelatedToIsABadRequestNamingIt() {
        validation(given().queryParam("relatedTo", uniqueKey("NOSUCH")).get(ACTORS).then(), "relatedTo");
    }

    @Test
    void anInvalidValidAtIsABadRequestNamingIt() {
        String key = uniqueKey("TUR");
        registered(key, "Turkey", "STATE");
        validation(given().queryParam("validAt", "2020-13-45").get(ACTORS + "/" + key + "/relationships").then(),
                "validAt");
    }

    @Test
    void anInvalidDirectionIsABadRequestNamingIt() {
        String key = uniqueKey("TUR");
        registered(key, "Turkey", "STATE");
        validation(given().queryParam("direction", "sideways").get(ACTORS + "/" + key + "/relationships").then(),
                "direction");
    }

    // ---------------------------------------------------------------- strict types

    @Test
    void aNumberWhereTheNameIsExpectedIsRefusedNamingItAndNotRecorded() {
        String key = uniqueKey("ARM");
        registered(key, "Armenia", "STATE");
        validation(postJson(ACTORS + "/" + key + "/rename", "{\"name\": 123}"), "name")
                .body("errors.message", hasItem(containsString("a string")));
        validation(postJson(ACTORS + "/" + key + "/rename", "{\"name\": true}"), "name");
        validation(postJson(ACTORS + "/" + key + "/rename", "{\"name\": 1.5}"), "name");
        validation(postJson(ACTORS + "/" + key + "/rename", "{\"name\": \"Hayastan\", \"reason\": 7}"), "reason");
        assertUnchanged(key, "1");
        given().get(ACTORS + "/" + key).then().body("name", equalTo("Armenia"));
    }

    @Test
    void aScalarOfTheWrongJsonTypeIsRefusedNamingTheField() {
        String name = uniqueName("Typed");
        Map<String, Object> registration = registration(uniqueKey("TYP"), name, "STATE");
        registration.put("kind", true);
        validation(postJson(ACTORS, registration), "kind");
        registration.put("kind", 0);
        validation(postJson(ACTORS, registration), "kind");
        registration.put("kind", "STATE");
        registration.put("aliases", List.of("Typed", 42));
        validation(postJson(ACTORS, registration), "aliases[1]");
        assertNoActorNamed(name);

        String key = uniqueKey("TUR");
        registered(key, "Turkey", "STATE");
        String counterpart = uniqueKey("GNA");
        registered(counterpart, "Government of National Accord", "GOVERNMENT");
        Map<String, Object> declaration = declaration(counterpart);
        declaration.put("confidence", "0.9");
        validation(postJson(ACTORS + "/" + key + "/relationships", declaration), "confidence")
                .body("errors.message", hasItem(containsString("a number")));
        assertUnchanged(key, "1");
    }

    // ---------------------------------------------------------------- unknown query parameters

    @Test
    void anUnknownQueryParameterOnTheListIsRefusedListingTheAcceptedOnes() {
        unknownParameter(given().queryParam("theatre", "LIBYA").get(ACTORS).then(), "theatre")
                .body("detail", allOf(containsString("theater"), containsString("relatedTo"), containsString("limit")));
        unknownParameter(given().queryParam("asof", "2020-01-01T00:00:00Z").get(ACTORS).then(), "asof")
                .body("detail", containsString("asOf"));
    }

    @Test
    void aListAsOfSomethingThatIsNotAnInstantOrIsInTheFutureIsRefusedNamingAsOf() {
        validation(given().queryParam("asOf", "yesterday").get(ACTORS).then(), "asOf");
        validation(given().queryParam("asOf", "2020-11-10").get(ACTORS).then(), "asOf");
        validation(given().queryParam("asOf", "2999-01-01T00:00:00Z").get(ACTORS).then(), "asOf")
                .body("errors[0].message", containsString("future"));
        given().queryParam("asOf", "2020-01-01T00:00:00Z").get(ACTORS).then().statusCode(200);
    }

    @Test
    void anUnknownQueryParameterOnAReadOrAWriteIsRefusedAndChangesNothing() {
        String key = uniqueKey("ARM");
        registered(key, "Armenia", "STATE");
        unknownParameter(given().queryParam("at", "2020-01-01T00:00:00Z").get(ACTORS + "/" + key).then(), "at")
                .body("detail", containsString("asOf"));
        unknownParameter(given().queryParam("dryRun", "true").contentType(ContentType.JSON)
                .body(Map.of("name", "Hayastan")).post(ACTORS + "/" + key + "/rename").then(), "dryRun");
        assertUnchanged(key, "1");
        given().queryParam("asOf", "2030-01-01T00:00:00Z").get(ACTORS + "/" + key).then().statusCode(200);
    }

    // ---------------------------------------------------------------- merge

    @Test
    void mergingAnActorIntoItselfIsAConflict() {
        String key = uniqueKey("RUS");
        String id = registered(key, "Russia", "STATE");
        problem(postJson(ACTORS + "/" + key + "/merge", Map.of("into", id)), 409)
                .body("rule", equalTo("merge-into-itself"));
        problem(postJson(ACTORS + "/" + key + "/merge", Map.of("into", key)), 409)
                .body("rule", equalTo("merge-into-itself"));
        assertUnchanged(key, "1");
        given().get(ACTORS + "/" + key).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void mergingIntoAnUnknownActorIsABadRequestNamingInto() {
        String key = uniqueKey("RUS");
        registered(key, "Russia", "STATE");
        validation(postJson(ACTORS + "/" + key + "/merge", Map.of("into", uniqueKey("NOSUCH"))), "into");
        validation(postJson(ACTORS + "/" + key + "/merge", Map.of("reason", "no target")), "into");
        assertUnchanged(key, "1");
    }

    @Test
    void aMergedActorTakesNoFurtherWrite() {
        String duplicate = uniqueKey("RUSDUP");
        registered(duplicate, "Russian Federation (duplicate)", "STATE");
        String survivor = uniqueKey("RUS");
        String survivorId = registered(survivor, "Russia", "STATE");
        String other = uniqueKey("SYR");
        registered(other, "Syria", "STATE");
        given().contentType(ContentType.JSON).body(Map.of("into", survivor)).post(ACTORS + "/" + duplicate + "/merge")
                .then().statusCode(200).body("status", equalTo("MERGED")).body("mergedInto", equalTo(survivorId));

        String base = ACTORS + "/" + duplicate;
        problem(postJson(base + "/rename", Map.of("name", "Anything")), 409).body("rule", equalTo("actor-merged"));
        problem(given().contentType(ContentType.JSON).body(Map.of("aliases", List.of("RF"))).put(base + "/aliases")
                .then(), 409).body("rule", equalTo("actor-merged"));
        problem(postJson(base + "/relationships", declaration(other)), 409).body("rule", equalTo("actor-merged"));
        problem(postJson(base + "/merge", Map.of("into", other)), 409).body("rule", equalTo("actor-merged"));
        problem(postJson(base + "/retract", Map.of("reason", "again")), 409).body("rule", equalTo("actor-merged"));
        assertUnchanged(duplicate, "2");
        given().get(base).then().body("name", equalTo("Russian Federation (duplicate)")).body("status", equalTo("MERGED"));
    }

    // ---------------------------------------------------------------- helpers

    private static ValidatableResponse postJson(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    /** A problem document with this status, and nothing of the server's internals. */
    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.log().ifValidationFails()
                .statusCode(status)
                .contentType(PROBLEM)
                .body("status", equalTo(status))
                .body("type", startsWith("urn:conflict-ledger:problem:"))
                .body("title", notNullValue())
                .body("instance", startsWith(ACTORS))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("\tat ")));
    }

    /** A 400 problem document naming {@code field} among its errors. */
    private static ValidatableResponse validation(ValidatableResponse response, String field) {
        return problem(response, 400)
                .body("type", equalTo("urn:conflict-ledger:problem:validation"))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }

    /** A 400 problem document naming the unknown query parameter {@code name}. */
    private static ValidatableResponse unknownParameter(ValidatableResponse response, String name) {
        return validation(response, name)
                .body("errors.message", hasItem(containsString("unknown query parameter")));
    }

    private static ValidatableResponse notFound(ValidatableResponse response) {
        return problem(response, 404).body("type", containsString("not-found"));
    }

    /** The actor still has the version (ETag) it had before the rejected writes. */
    private static void assertUnchanged(String key, String version) {
        given().get(ACTORS + "/" + key).then().statusCode(200)
                .header("ETag", "\"" + version + "\"")
                .body("version", equalTo(Integer.parseInt(version)));
        given().get(ACTORS + "/" + key + "/history").then().statusCode(200)
                .body("items", hasSize(Integer.parseInt(version)));
    }

    private static void assertNoActorNamed(String text) {
        given().queryParam("q", text).get(ACTORS).then().statusCode(200).body("items", empty());
    }

    private static String uniqueName(String prefix) {
        return prefix + " " + uniqueKey("N");
    }

    private static Map<String, Object> registration(String key, String name, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (key != null) {
            body.put("key", key);
        }
        if (name != null) {
            body.put("name", name);
        }
        if (kind != null) {
            body.put("kind", kind);
        }
        body.put("aliases", List.of());
        body.put("reason", "test");
        return body;
    }

    private static Map<String, Object> declaration(String counterpart) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "SUPPORTS");
        body.put("counterpart", counterpart);
        body.put("theater", "LIBYA");
        body.put("validFrom", "2019-11-27");
        body.put("confidence", 0.9);
        body.put("reason", "test");
        return body;
    }
}
