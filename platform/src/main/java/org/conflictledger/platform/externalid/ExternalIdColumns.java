package org.conflictledger.platform.externalid;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;

import java.util.Objects;

/** One external id of a record in a read model: a row of the record's external id table, searched by both columns. */
@Embeddable
public class ExternalIdColumns {
    @Column(nullable = false, length = ExternalIds.MAX_SCHEME)
    public String scheme;
    @Column(name = "external_value", nullable = false, length = ExternalIds.MAX_VALUE)
    public String value;

    /** For JPA. */
    protected ExternalIdColumns() {
    }

    public ExternalIdColumns(String scheme, String value) {
        this.scheme = scheme;
        this.value = value;
    }

    public static ExternalIdColumns of(ExternalId id) {
        return new ExternalIdColumns(id.scheme(), id.value());
    }

    public boolean is(String scheme, String value) {
        return this.scheme.equals(scheme) && this.value.equals(value);
    }

    public ExternalId externalId() {
        return new ExternalId(scheme, value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExternalIdColumns that && scheme.equals(that.scheme) && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, value);
    }
}
