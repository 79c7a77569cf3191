package org.conflictledger.agreements.query;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What this service knows of a conflict event from {@code ledger.events.v1}: its type and status,
 * and the agreement and term it names. Written only by the violation follower.
 */
@Entity
@Table(name = "conflict_event_link")
public class ConflictEventLink extends PanacheEntityBase {
    public static final String RETRACTED = "RETRACTED";

    @Id
    @Column(name = "conflict_event_id")
    public UUID conflictEventId;
    @Column(nullable = false, length = 40)
    public String type;
    @Column(nullable = false, length = 16)
    public String status;
    @Column(name = "event_date")
    public LocalDate date;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "term_reference", length = 200)
    public String termReference;
    /** The sequence of the last conflict event message applied: older or repeated ones are skipped. */
    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
