package org.conflictledger.events.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.conflictledger.platform.externalid.ExternalIdColumns;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A state a conflict event was in until a later event of it replaced it: from {@link #updatedAt} (inclusive) to
 * {@link #recordedTo} (exclusive). With the current states of {@link ConflictEventView}, it answers "the list as it
 * stood at an instant". Only replaced states are kept here, so a report, the commonest write, adds no row.
 */
@Entity
@Table(name = "conflict_event_version")
public class ConflictEventVersion extends ConflictEventColumns {
    /** Derived from the event and its version, so that one state is one row. */
    @Id
    @Column(name = "row_id")
    public UUID rowId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    /** When the next event of this conflict event was recorded. */
    @Column(name = "recorded_to", nullable = false)
    public Instant recordedTo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "conflict_event_version_actor", joinColumns = @JoinColumn(name = "row_id"))
    @OrderColumn(name = "position")
    public List<ParticipantRow> participants = new ArrayList<>();

    @JsonIgnore // an index of what the details hold: read only by the externalId filter
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "conflict_event_version_external_id", joinColumns = @JoinColumn(name = "row_id"))
    public Set<ExternalIdColumns> externalIds = new HashSet<>();

    /** The state {@code current} was in until an event recorded at {@code replacedAt} changed it. */
    static ConflictEventVersion replaced(ConflictEventView current, Instant replacedAt) {
        ConflictEventVersion before = new ConflictEventVersion();
        before.copyColumns(current);
        before.eventId = current.id;
        before.rowId = UUID.nameUUIDFromBytes((current.id + "/" + current.version).getBytes(StandardCharsets.UTF_8));
        // Never before the state began: clocks of two replicas may disagree by a little, and overlapping intervals would
        // show the event twice in a list as of an instant between them.
        before.recordedTo = replacedAt.isBefore(current.updatedAt) ? current.updatedAt : replacedAt;
        for (ParticipantRow participant : current.participants) {
            before.participants.add(new ParticipantRow(participant.actorId, participant.role));
        }
        current.externalIds.forEach(id -> before.externalIds.add(new ExternalIdColumns(id.scheme, id.value)));
        return before;
    }

    /** This state as a detached view, to be shown like the current one. */
    ConflictEventView asView() {
        ConflictEventView view = new ConflictEventView();
        view.copyColumns(this);
        view.id = eventId;
        for (ParticipantRow participant : participants) {
            view.participants.add(new ParticipantRow(participant.actorId, participant.role));
        }
        return view;
    }
}
