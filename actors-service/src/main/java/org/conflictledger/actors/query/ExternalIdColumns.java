package org.conflictledger.actors.query;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/** One external id of an actor in the read model ({@code actor_view_external_id}). */
@Embeddable
public class ExternalIdColumns {
    @Column(nullable = false, length = 32)
    public String scheme;
    @Column(name = "external_value", nullable = false, length = 200)
    public String value;

    /** For JPA. */
    protected ExternalIdColumns() {
    }

    ExternalIdColumns(String scheme, String value) {
        this.scheme = scheme;
        this.value = value;
    }

    boolean is(String scheme, String value) {
        return this.scheme.equals(scheme) && this.value.equals(value);
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
