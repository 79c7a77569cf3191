package org.conflictledger.events.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.conflictledger.events.domain.ConflictEventConfirmed;
import org.conflictledger.events.domain.ConflictEventCorrected;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.conflictledger.events.domain.ConflictEventDisputed;
import org.conflictledger.events.domain.ConflictEventReported;
import org.conflictledger.events.domain.ConflictEventRetracted;
import org.conflictledger.events.domain.ConflictEventRules;
import org.conflictledger.events.domain.ConflictEventStatus;
import org.conflictledger.events.domain.InvolvedActor;
import org.conflictledger.platform.axon.LedgerObjectMapper;
import org.conflictledger.platform.externalid.ExternalIdColumns;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A conflict event as the record currently says, kept by {@link ConflictEventProjection}: the
 * columns filters need, and the full details as JSON. {@link #apply} also folds events into a
 * detached instance to show an event as of an instant; {@link ConflictEventVersion} keeps the
 * states it replaced, for lists as of an instant.
 */
@Entity
@Table(name = "conflict_event_view")
public class ConflictEventView extends ConflictEventColumns {
    private static final ObjectMapper JSON = LedgerObjectMapper.create();

    @Id
    public UUID id;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "conflict_event_actor", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    public List<ParticipantRow> participants = new ArrayList<>();

    /** Every identifier the event has in other datasets, ACLED's and UCDP GED's included, for the externalId filter. */
    @JsonIgnore // an index of what the details hold: read only by the externalId filter
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "conflict_event_external_id", joinColumns = @JoinColumn(name = "event_id"))
    public Set<ExternalIdColumns> externalIds = new HashSet<>();

    @Transient
    private ConflictEventDetails details;

    /** Applies one event of this conflict event, recorded at {@code at} as its {@code sequence}-th event. */
    public void apply(Object event, long sequence, Instant at) {
        if (event instanceof ConflictEventReported e) {
            id = e.eventId();
            status = ConflictEventStatus.REPORTED;
            reportedAt = at;
            setDetails(e.details());
        } else if (event instanceof ConflictEventCorrected e) {
            setDetails(e.details());
        } else if (event instanceof ConflictEventConfirmed) {
            status = ConflictEventStatus.CONFIRMED;
        } else if (event instanceof ConflictEventDisputed) {
            status = ConflictEventStatus.DISPUTED;
        } else if (event instanceof ConflictEventRetracted) {
            status = ConflictEventStatus.RETRACTED;
        }
        version = sequence + 1;
        updatedAt = at;
    }

    public ConflictEventDetails details() {
        if (details == null) {
            try {
                details = JSON.readValue(detailsJson, ConflictEventDetails.class);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("Stored details of event " + id + " are unreadable", e);
            }
        }
        return details;
    }

    private void setDetails(ConflictEventDetails newDetails) {
        details = newDetails;
        try {
            detailsJson = JSON.writeValueAsString(newDetails);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        theater = newDetails.theater();
        type = newDetails.type();
        subType = newDetails.subType();
        date = newDetails.date();
        lastDate = newDetails.endDate() == null ? newDetails.date() : newDetails.endDate();
        latitude = newDetails.location() == null ? null : newDetails.location().latitude();
        longitude = newDetails.location() == null ? null : newDetails.location().longitude();
        agreementId = newDetails.agreementId();
        acledEventId = newDetails.acledEventId();
        participants.clear();
        for (InvolvedActor actor : newDetails.actors()) {
            participants.add(new ParticipantRow(actor.actorId(), actor.role()));
        }
        searchText = searchTextOf(newDetails);
        externalIds.clear();
        ConflictEventRules.externalIds(newDetails).forEach(id -> externalIds.add(ExternalIdColumns.of(id)));
    }

    private static String searchTextOf(ConflictEventDetails details) {
        StringBuilder text = new StringBuilder();
        if (details.location() != null) {
            for (String part : new String[] {details.location().place(), details.location().admin1(),
                    details.location().admin2(), details.location().admin3(), details.location().country()}) {
                if (part != null) {
                    text.append(part).append('\n');
                }
            }
        }
        if (details.notes() != null) {
            text.append(details.notes());
        }
        String lower = text.toString().toLowerCase(Locale.ROOT);
        return lower.length() > 12000 ? lower.substring(0, 12000) : lower;
    }
}
