package org.conflictledger.platform.storage;

import java.util.Comparator;
import java.util.UUID;

/** Orders in Java as H2 and PostgreSQL order in SQL, for lists merged or sorted outside the database. */
public final class DatabaseOrder {
    /**
     * UUIDs as both databases sort them: as two unsigned 64-bit numbers, most significant first. {@link UUID#compareTo}
     * compares them signed, which puts ids starting with 8 to f before those starting with 0 to 7.
     */
    public static final Comparator<UUID> UUIDS = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private DatabaseOrder() {
    }
}
