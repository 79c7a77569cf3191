package org.conflictledger.actorreplica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The actor replica as an {@link ActorDirectory}. */
@ApplicationScoped
@Transactional
public class ActorReplicaDirectory implements ActorDirectory {
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    @Override
    public Optional<ActorRef> byId(UUID id) {
        return ActorReplica.<ActorReplica>findByIdOptional(id).map(ActorReplica::toRef);
    }

    @Override
    public Optional<ActorRef> byReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String text = reference.strip();
        if (UUID_TEXT.matcher(text).matches()) {
            return byId(UUID.fromString(text));
        }
        Optional<ActorReplica> byKey = ActorReplica.find("key", text).firstResultOptional();
        if (byKey.isPresent()) {
            return byKey.map(ActorReplica::toRef);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Optional<ActorReplica> byName = ActorReplica.find("lower(name) = ?1", lower).firstResultOptional();
        if (byName.isPresent()) {
            return byName.map(ActorReplica::toRef);
        }
        List<ActorReplica> candidates = ActorReplica.list("aliases like ?1", "%" + lower + "%");
        return candidates.stream()
                .filter(a -> List.of(a.aliases.split("\n")).contains(lower))
                .findFirst().map(ActorReplica::toRef);
    }

    @Override
    public Optional<ActorRef> byExternalId(String scheme, String value) {
        if (scheme == null || value == null) {
            return Optional.empty();
        }
        List<ActorRef> active = ActorReplicaExternalId.<ActorReplicaExternalId>list("scheme = ?1 and value = ?2",
                        scheme, value).stream()
                .map(holder -> byId(holder.actorId)).flatMap(Optional::stream)
                .filter(actor -> "ACTIVE".equals(actor.status())).toList();
        return active.size() == 1 ? Optional.of(active.get(0)) : Optional.empty();
    }

    @Override
    public Map<UUID, ActorRef> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return ActorReplica.<ActorReplica>list("id in ?1", ids).stream()
                .map(ActorReplica::toRef)
                .collect(Collectors.toMap(ActorRef::id, Function.identity()));
    }

    @Override
    public Map<UUID, ActorRef> byIdsAsOf(Collection<UUID> ids, Instant asOf) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ActorRef> named = new HashMap<>();
        // Oldest first, so that each actor ends with the last name given at or before the instant.
        ActorReplicaName.<ActorReplicaName>list("actorId in ?1 and validFrom <= ?2 order by actorId, validFrom, sequence",
                ids, asOf.truncatedTo(ChronoUnit.MICROS)).forEach(row -> named.put(row.actorId, row.toRef()));
        Map<UUID, ActorRef> now = byIds(ids.stream().filter(id -> !named.containsKey(id)).toList());
        named.putAll(now);
        return named;
    }
}
