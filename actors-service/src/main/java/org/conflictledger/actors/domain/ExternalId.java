package org.conflictledger.actors.domain;

/**
 * An identifier the actor has in another dataset: {@code scheme} names the dataset ({@code wikidata}, {@code acled},
 * {@code ucdp}, … as {@link org.conflictledger.contracts.ExternalIds} lists), {@code value} the identifier there.
 */
public record ExternalId(String scheme, String value) {

    @Override
    public String toString() {
        return scheme + ":" + value;
    }
}
