package org.conflictledger.gateway.release;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A release as the gateway shows it: the services' parts of one name merged into one, with a content hash per
 * collection. Its {@code cutAt} and {@code cutBy} are those of the earliest part; it is {@code complete} when every
 * collection holds it and all parts agree on {@code freezesAt} and {@code note}.
 *
 * @param consistent whether the parts agree on {@code freezesAt} and {@code note} (they always should)
 */
public record MergedRelease(String name, Instant freezesAt, JsonObject json, boolean consistent) {
    /** Newest first by the instant frozen; on the same instant by name. */
    public static final Comparator<MergedRelease> NEWEST_FIRST = Comparator.comparing(MergedRelease::freezesAt)
            .reversed().thenComparing(MergedRelease::name);

    /**
     * @param parts       the parts of one release by collection ({@code actors}, …), in the order of the collections
     * @param collections every collection there is, for {@code complete}
     */
    public static MergedRelease of(Map<String, JsonObject> parts, List<String> collections) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a release has at least one part");
        }
        JsonObject first = collections.stream().filter(parts::containsKey).map(parts::get).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("parts of unknown collections " + parts.keySet()));
        Instant freezesAt = Instant.parse(first.getString("freezesAt"));
        String note = first.getString("note");
        JsonObject earliest = first;
        boolean consistent = true;
        JsonObject hashes = new JsonObject();
        for (String collection : collections) {
            JsonObject part = parts.get(collection);
            if (part == null) {
                continue;
            }
            consistent &= Instant.parse(part.getString("freezesAt")).equals(freezesAt) && note.equals(part.getString("note"));
            if (Instant.parse(part.getString("cutAt")).isBefore(Instant.parse(earliest.getString("cutAt")))) {
                earliest = part;
            }
            hashes.put(collection, new JsonObject().put("contentHash", part.getString("contentHash"))
                    .put("records", part.getLong("records")).put("export", part.getString("export")));
        }
        boolean complete = consistent && parts.keySet().containsAll(collections);
        String name = first.getString("name");
        JsonObject json = new JsonObject().put("name", name).put("freezesAt", freezesAt.toString()).put("note", note)
                .put("cutBy", earliest.getString("cutBy"))
                .put("cutAt", Instant.parse(earliest.getString("cutAt")).toString())
                .put("complete", complete).put("collections", hashes);
        return new MergedRelease(name, freezesAt, json, consistent);
    }

    /**
     * Every release the services hold, merged by name, newest first.
     *
     * @param partsByCollection each collection's parts, in the order of the collections
     */
    public static List<MergedRelease> all(Map<String, List<JsonObject>> partsByCollection) {
        Map<String, Map<String, JsonObject>> byName = new LinkedHashMap<>();
        partsByCollection.forEach((collection, parts) -> parts.forEach(part -> byName
                .computeIfAbsent(part.getString("name"), name -> new LinkedHashMap<>()).put(collection, part)));
        List<String> collections = List.copyOf(partsByCollection.keySet());
        List<MergedRelease> merged = new ArrayList<>();
        byName.values().forEach(parts -> merged.add(of(parts, collections)));
        merged.sort(NEWEST_FIRST);
        return merged;
    }
}
