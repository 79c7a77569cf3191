package org.conflictledger.actors.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Helpers shared by the actor API tests: unique keys and registrations over HTTP. */
final class ActorFixtures {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private ActorFixtures() {
    }

    /** A key no other test uses, e.g. {@code T3F9A1C07}. */
    static String uniqueKey(String prefix) {
        return (prefix + UUID.randomUUID().toString().substring(0, 6) + COUNTER.incrementAndGet())
                .toUpperCase(Locale.ROOT).replace("-", "");
    }

    static ValidatableResponse register(String key, String name, String kind) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"key": "%s", "name": "%s", "kind": "%s", "aliases": [], "reason": "test",
                         "sources": [{"title": "Seed document", "publisher": "Conflict Ledger", "date": "2020-12-01"}]}
                        """.formatted(key, name, kind))
                .post("/api/v1/actors")
                .then();
    }

    /** Registers an actor and returns its id. */
    static String registered(String key, String name, String kind) {
        return register(key, name, kind).statusCode(201).extract().path("id");
    }
}
