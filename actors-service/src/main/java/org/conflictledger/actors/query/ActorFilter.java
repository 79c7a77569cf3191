package org.conflictledger.actors.query;

import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.Theater;

import java.util.UUID;

/**
 * Filters of the actor list; null means "any".
 *
 * @param text      part of the name or of an alias, case-insensitive
 * @param theater   actors with a relationship (either way) in this theater
 * @param relatedTo actors with a relationship (either way) with this actor
 * @param externalId actors known by this id in another dataset
 * @param afterKey  the page starts after this key (actors are listed by key)
 */
public record ActorFilter(ActorKind kind, String country, String text, Theater theater, UUID relatedTo,
                          ActorStatus status, ExternalId externalId, String afterKey) {
}
