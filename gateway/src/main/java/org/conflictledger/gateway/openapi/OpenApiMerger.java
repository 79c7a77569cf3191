package org.conflictledger.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI 3 documents into the gateway's one document. A pure function: the inputs are not
 * changed.
 *
 * <ul>
 * <li>Paths: each service owns its prefix, so two services describing one path is a configuration error and fails
 * with an {@link IllegalStateException}.</li>
 * <li>Components (schemas, responses, parameters, … and security schemes): a name that every service defines
 * identically is kept once; where services define one name differently, the definition most of them share keeps the
 * name and each other service's is renamed {@code <Service><Name>}, with that service's {@code $ref}s (or security
 * requirements) rewritten to match, and each renaming listed under {@value #RENAMED}.</li>
 * <li>Tags: deduplicated by name, the first description wins.</li>
 * <li>A service's top-level {@code security} moves onto its own operations, so it does not leak onto another
 * service's; the merged document's top-level {@code security} is the empty list.</li>
 * <li>operationIds: one used by two services is prefixed with the service name in each, except in the gateway's own
 * document ({@value #GATEWAY}), which keeps its operationIds ({@code listReleases} at {@code /api/v1/releases}) while
 * a service's that duplicate them are prefixed; an operation without one
 * gets one made of its method and path ({@code get /api/v1/actors/{actor}/history} → {@code getActorsActorHistory}).</li>
 * </ul>
 */
public final class OpenApiMerger {
    public static final String TITLE = "Conflict Ledger API";
    /** The name under which the gateway's own document is merged; its operationIds are kept as they are. */
    public static final String GATEWAY = "gateway";
    public static final String UNAVAILABLE = "x-unavailable-services";
    /** The components renamed because services define them differently ({@code schemas/Page → EventsPage}). */
    public static final String RENAMED = "x-renamed-components";
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DESCRIPTION = """
            The auditable, event-sourced record of actors, conflict events and agreements, behind one gateway. \
            Each part of `/api/v1` is served by its own service (actors, events, agreements); this document merges \
            their descriptions.""";

    private OpenApiMerger() {
    }

    /**
     * @param documents   each answering service's document, by service name ({@code actors}, {@code events}, …), in
     *                    the order they should appear
     * @param unavailable the services that did not answer, listed under {@value #UNAVAILABLE} when not empty
     * @param version     the API version for {@code info.version}
     */
    public static ObjectNode merge(Map<String, JsonNode> documents, Collection<String> unavailable, String version) {
        Map<String, ObjectNode> docs = new LinkedHashMap<>();
        documents.forEach((service, document) -> {
            if (document == null || !document.isObject()) {
                throw new IllegalArgumentException(service + ": an OpenAPI document is a JSON object");
            }
            docs.put(service, document.deepCopy());
        });
        docs.forEach(OpenApiMerger::pushDownSecurity);
        List<String> renamed = new ArrayList<>();
        renameConflictingComponents(docs, renamed);
        renameDuplicateOperationIds(docs);

        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", openapiVersion(docs.values()));
        ObjectNode info = merged.putObject("info");
        info.put("title", TITLE);
        info.put("version", version);
        StringBuilder description = new StringBuilder(DESCRIPTION);
        docs.forEach((service, doc) -> description.append("\n\n- **").append(service).append("**: ")
                .append(doc.path("info").path("description").asText(doc.path("info").path("title").asText(""))));
        unavailable.forEach(service -> description.append("\n\n- **").append(service)
                .append("**: did not answer; its paths are missing from this document"));
        info.put("description", description.toString());
        merged.putArray("servers").addObject().put("url", "/");

        ArrayNode tags = JSON.arrayNode();
        ObjectNode paths = JSON.objectNode();
        ObjectNode components = JSON.objectNode();
        ObjectNode webhooks = JSON.objectNode();
        Map<String, String> pathOwner = new HashMap<>();
        Set<String> tagNames = new HashSet<>();
        docs.forEach((service, doc) -> {
            doc.path("paths").fields().forEachRemaining(path -> {
                String owner = pathOwner.putIfAbsent(path.getKey(), service);
                if (owner != null) {
                    throw new IllegalStateException("the path " + path.getKey() + " is described by both " + owner
                            + " and " + service + ": each service must own its own prefix");
                }
                paths.set(path.getKey(), path.getValue());
            });
            doc.path("webhooks").fields().forEachRemaining(hook -> webhooks.set(hook.getKey(), hook.getValue()));
            for (JsonNode tag : doc.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
            // Conflicting names were renamed above, so what is left with one name is one definition.
            doc.path("components").fields().forEachRemaining(kind -> {
                ObjectNode target = components.has(kind.getKey())
                        ? (ObjectNode) components.get(kind.getKey()) : components.putObject(kind.getKey());
                kind.getValue().fields().forEachRemaining(c -> target.set(c.getKey(), c.getValue()));
            });
        });
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }
        // Each service's own requirement sits on its operations now; an operation without one needs none, which an
        // empty top-level list says explicitly (and what linters require of an API without authentication).
        merged.putArray("security");
        merged.set("paths", sortedByKey(paths));
        if (!webhooks.isEmpty()) {
            merged.set("webhooks", webhooks);
        }
        if (!components.isEmpty()) {
            ObjectNode sorted = JSON.objectNode();
            components.fields().forEachRemaining(kind -> sorted.set(kind.getKey(), sortedByKey((ObjectNode) kind.getValue())));
            merged.set("components", sorted);
        }
        if (!unavailable.isEmpty()) {
            ArrayNode list = merged.putArray(UNAVAILABLE);
            unavailable.forEach(list::add);
        }
        if (!renamed.isEmpty()) {
            ArrayNode list = merged.putArray(RENAMED);
            renamed.forEach(list::add);
        }
        return merged;
    }

    /** The highest of the services' {@code openapi} versions (they are all 3.x), or 3.1.0 when none answered. */
    private static String openapiVersion(Collection<ObjectNode> docs) {
        String highest = null;
        for (ObjectNode doc : docs) {
            String version = doc.path("openapi").asText("");
            if (!version.startsWith("3.")) {
                throw new IllegalArgumentException("not an OpenAPI 3 document: openapi=" + version);
            }
            if (highest == null || compareVersions(version, highest) > 0) {
                highest = version;
            }
        }
        return highest == null ? "3.1.0" : highest;
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? parse(x[i]) : 0, i < y.length ? parse(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A document-wide security requirement becomes each operation's own, unless the operation says otherwise. */
    private static void pushDownSecurity(String service, ObjectNode doc) {
        JsonNode security = doc.remove("security");
        if (security == null || security.isEmpty()) {
            return;
        }
        for (ObjectNode operation : operations(doc)) {
            if (!operation.has("security")) {
                operation.set("security", security.deepCopy());
            }
        }
    }

    /**
     * Renames every component whose name two services define differently, to {@code <Service><Name>} in each of
     * them, repeating until stable: renaming one schema can make two otherwise identical schemas that refer to it
     * differ.
     */
    private static void renameConflictingComponents(Map<String, ObjectNode> docs, List<String> renamed) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<String, Map<String, JsonNode>> seen = new HashMap<>(); // kind/name → service → definition
            docs.forEach((service, doc) -> doc.path("components").fields().forEachRemaining(kind -> {
                if (kind.getValue().isObject()) {
                    kind.getValue().fields().forEachRemaining(c -> seen
                            .computeIfAbsent(kind.getKey() + "/" + c.getKey(), k -> new LinkedHashMap<>())
                            .put(service, c.getValue()));
                }
            }));
            for (Map.Entry<String, Map<String, JsonNode>> entry : seen.entrySet()) {
                if (entry.getValue().size() > 1 && new HashSet<>(entry.getValue().values()).size() > 1) {
                    String kind = entry.getKey().substring(0, entry.getKey().indexOf('/'));
                    String name = entry.getKey().substring(kind.length() + 1);
                    JsonNode kept = mostCommon(entry.getValue().values());
                    entry.getValue().forEach((service, definition) -> {
                        if (!definition.equals(kept)) {
                            rename(docs.get(service), service, kind, name, prefixed(service, name), seen);
                            renamed.add(kind + "/" + name + " → " + prefixed(service, name));
                        }
                    });
                    changed = true;
                }
            }
        }
    }

    /** The definition most services share; the first one on a tie. */
    private static JsonNode mostCommon(Collection<JsonNode> definitions) {
        JsonNode best = null;
        long bestCount = 0;
        for (JsonNode definition : definitions) {
            long count = definitions.stream().filter(definition::equals).count();
            if (count > bestCount) {
                best = definition;
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * {@code agreements} and {@code HistoryEntry} → {@code AgreementsHistoryEntry}; {@code agreements} and
     * {@code list} → {@code agreementsList}: names a generated client can use as they are.
     */
    static String prefixed(String service, String name) {
        String prefix = service.replaceAll("[^A-Za-z0-9]", "");
        return Character.isUpperCase(name.charAt(0))
                ? Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + name
                : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void rename(ObjectNode doc, String service, String kind, String from, String to,
                               Map<String, Map<String, JsonNode>> seen) {
        if (seen.containsKey(kind + "/" + to)) {
            throw new IllegalStateException(service + ": cannot rename " + kind + " " + from + " to " + to
                    + ", which is taken");
        }
        ObjectNode components = (ObjectNode) doc.get("components").get(kind);
        ObjectNode renamed = JSON.objectNode();
        components.fields().forEachRemaining(c -> renamed.set(c.getKey().equals(from) ? to : c.getKey(), c.getValue()));
        components.removeAll();
        components.setAll(renamed);
        if (kind.equals("securitySchemes")) {
            renameSecurityRequirements(doc, from, to);
        } else {
            rewriteRefs(doc, "#/components/" + kind + "/" + from, "#/components/" + kind + "/" + to);
        }
    }

    /** Rewrites every {@code $ref} equal to {@code from} anywhere in the tree. */
    private static void rewriteRefs(JsonNode node, String from, String to) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().equals(from)) {
                object.set("$ref", TextNode.valueOf(to));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, from, to));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, from, to));
        }
    }

    private static void renameSecurityRequirements(ObjectNode doc, String from, String to) {
        List<JsonNode> requirementLists = new ArrayList<>();
        for (ObjectNode operation : operations(doc)) {
            if (operation.has("security")) {
                requirementLists.add(operation.get("security"));
            }
        }
        for (JsonNode list : requirementLists) {
            for (JsonNode requirement : list) {
                if (requirement.isObject() && requirement.has(from)) {
                    ObjectNode object = (ObjectNode) requirement;
                    object.set(to, object.remove(from));
                }
            }
        }
    }

    /**
     * An operationId used by more than one service is prefixed with the service name in each of them but the
     * gateway's own document; an operation without one gets one made of its method and path.
     */
    private static void renameDuplicateOperationIds(Map<String, ObjectNode> docs) {
        docs.values().forEach(OpenApiMerger::addMissingOperationIds);
        Map<String, Set<String>> services = new HashMap<>();
        docs.forEach((service, doc) -> {
            for (ObjectNode operation : operations(doc)) {
                if (operation.hasNonNull("operationId")) {
                    services.computeIfAbsent(operation.get("operationId").asText(), id -> new HashSet<>()).add(service);
                }
            }
        });
        Set<String> used = new HashSet<>(services.keySet());
        docs.forEach((service, doc) -> {
            for (ObjectNode operation : operations(doc)) {
                String id = operation.path("operationId").asText(null);
                if (id != null && services.get(id).size() > 1 && !service.equals(GATEWAY)) {
                    String unique = prefixed(service, id);
                    if (!used.add(unique)) {
                        throw new IllegalStateException(service + ": cannot rename operationId " + id + " to "
                                + unique + ", which is taken");
                    }
                    operation.put("operationId", unique);
                }
            }
        });
    }

    private static void addMissingOperationIds(ObjectNode doc) {
        Set<String> used = new HashSet<>();
        operations(doc).forEach(operation -> used.add(operation.path("operationId").asText(null)));
        doc.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                if (path.getValue().get(method) instanceof ObjectNode operation && !operation.hasNonNull("operationId")) {
                    String id = operationId(method, path.getKey());
                    String unique = id;
                    for (int n = 2; !used.add(unique); n++) {
                        unique = id + n;
                    }
                    operation.put("operationId", unique);
                }
            }
        });
    }

    /** {@code get /api/v1/actors/{actor}/history} → {@code getActorsActorHistory}. */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method);
        for (String segment : path.replaceFirst("^/api/v\\d+", "").split("[^A-Za-z0-9]+")) {
            if (!segment.isEmpty()) {
                id.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
            }
        }
        return id.toString();
    }

    static List<ObjectNode> operations(JsonNode doc) {
        List<ObjectNode> operations = new ArrayList<>();
        for (Iterator<JsonNode> items = doc.path("paths").elements(); items.hasNext(); ) {
            JsonNode item = items.next();
            for (String method : METHODS) {
                if (item.get(method) instanceof ObjectNode operation) {
                    operations.add(operation);
                }
            }
        }
        return operations;
    }

    private static ObjectNode sortedByKey(ObjectNode node) {
        ObjectNode sorted = JSON.objectNode();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        names.forEach(name -> sorted.set(name, node.get(name)));
        return sorted;
    }
}
