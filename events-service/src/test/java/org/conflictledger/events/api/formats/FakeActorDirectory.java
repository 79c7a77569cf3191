package org.conflictledger.events.api.formats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.actorreplica.ActorRef;

/** An in-memory actor directory: ids, keys, names and aliases. */
final class FakeActorDirectory implements ActorDirectory {

    private final Map<UUID, ActorRef> byId = new LinkedHashMap<>();
    private final Map<String, ActorRef> byName = new LinkedHashMap<>();
    private final Map<String, ActorRef> byKey = new LinkedHashMap<>();
    private final Map<String, ActorRef> byExternalId = new LinkedHashMap<>();

    /** Adds an actor (key may be {@code null}); returns it. */
    ActorRef add(String key, String name, String... aliases) {
        ActorRef ref = new ActorRef(UUID.nameUUIDFromBytes((key + "/" + name).getBytes()), key, name, "ACTIVE");
        byId.put(ref.id(), ref);
        if (key != null) {
            byKey.put(key, ref);
        }
        List<String> names = new ArrayList<>(List.of(aliases));
        names.add(name);
        for (String each : names) {
            byName.put(each.toLowerCase(Locale.ROOT), ref);
        }
        return ref;
    }

    /** Gives an actor an id in another dataset. */
    void knownAs(ActorRef actor, String scheme, String value) {
        byExternalId.put(scheme + ":" + value, actor);
    }

    @Override
    public Optional<ActorRef> byExternalId(String scheme, String value) {
        return Optional.ofNullable(byExternalId.get(scheme + ":" + value));
    }

    @Override
    public Optional<ActorRef> byId(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<ActorRef> byReference(String reference) {
        try {
            UUID id = UUID.fromString(reference);
            if (byId.containsKey(id)) {
                return Optional.of(byId.get(id));
            }
        } catch (IllegalArgumentException notAnId) {
            // a key, name or alias
        }
        if (byKey.containsKey(reference)) {
            return Optional.of(byKey.get(reference));
        }
        return Optional.ofNullable(byName.get(reference.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Map<UUID, ActorRef> byIds(Collection<UUID> ids) {
        Map<UUID, ActorRef> found = new LinkedHashMap<>();
        for (UUID id : ids) {
            byId(id).ifPresent(ref -> found.put(id, ref));
        }
        return found;
    }

    /** The fake keeps no name history: its actors were always named as they are. */
    @Override
    public Map<UUID, ActorRef> byIdsAsOf(Collection<UUID> ids, java.time.Instant asOf) {
        return byIds(ids);
    }
}
