package org.conflictledger.contracts;

/**
 * An identifier a record has in another dataset: {@code scheme} names the dataset ({@code wikidata}, {@code acled},
 * {@code pax}, … as {@link ExternalIds} lists), {@code value} the identifier there. Written {@code scheme:value}.
 */
public record ExternalId(String scheme, String value) {

    @Override
    public String toString() {
        return scheme + ":" + value;
    }
}
