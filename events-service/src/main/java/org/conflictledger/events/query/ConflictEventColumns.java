package org.conflictledger.events.query;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.domain.AcledSubType;
import org.conflictledger.events.domain.ConflictEventStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The columns of one state of a conflict event, shared by the state it is in now ({@link ConflictEventView}) and
 * the states it was in before ({@link ConflictEventVersion}), so that a list as of an instant filters both alike.
 */
@MappedSuperclass
public abstract class ConflictEventColumns extends PanacheEntityBase {
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Theater theater;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public ConflictEventType type;
    @Enumerated(EnumType.STRING)
    @Column(name = "sub_type", length = 64)
    public AcledSubType subType;
    @Column(name = "event_date", nullable = false)
    public LocalDate date;
    /** The last day the event covers: its end date, or its date. */
    @Column(name = "last_date", nullable = false)
    public LocalDate lastDate;
    public Double latitude;
    public Double longitude;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "acled_id", length = 64)
    public String acledEventId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ConflictEventStatus status;
    @Column(nullable = false)
    public long version;
    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** Lower-case place, admin areas and notes, for text search. */
    @Column(name = "search_text", nullable = false, length = 12000)
    public String searchText;
    @Column(name = "details", nullable = false, length = 1000000)
    public String detailsJson;

    /** Copies every column of another state of the same event. */
    protected void copyColumns(ConflictEventColumns other) {
        theater = other.theater;
        type = other.type;
        subType = other.subType;
        date = other.date;
        lastDate = other.lastDate;
        latitude = other.latitude;
        longitude = other.longitude;
        agreementId = other.agreementId;
        acledEventId = other.acledEventId;
        status = other.status;
        version = other.version;
        reportedAt = other.reportedAt;
        updatedAt = other.updatedAt;
        searchText = other.searchText;
        detailsJson = other.detailsJson;
    }
}
