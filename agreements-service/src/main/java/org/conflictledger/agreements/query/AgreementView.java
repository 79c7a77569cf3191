package org.conflictledger.agreements.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.conflictledger.agreements.domain.AgreementCorrected;
import org.conflictledger.agreements.domain.AgreementDetails;
import org.conflictledger.agreements.domain.AgreementRecorded;
import org.conflictledger.agreements.domain.AgreementRules;
import org.conflictledger.agreements.domain.AgreementState;
import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.axon.LedgerObjectMapper;
import org.conflictledger.platform.externalid.ExternalIdColumns;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * An agreement as the record currently says, kept by {@link AgreementProjection}: the columns
 * filters need, and the whole {@link AgreementState} (terms, assessments, violations) as JSON.
 * {@link #apply} also folds events into a detached instance to show an agreement as of an instant.
 */
@Entity
@Table(name = "agreement_view")
public class AgreementView extends PanacheEntityBase {
    private static final ObjectMapper JSON = LedgerObjectMapper.create();

    @Id
    public UUID id;
    @Column(nullable = false, length = 300)
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public AgreementKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Theater theater;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AgreementStatus status;
    @Column(name = "signed_on")
    public LocalDate signedOn;
    @Column(name = "in_force_at")
    public Instant inForceAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "pax_id", length = 64)
    public String paxAgreementId;
    @Column(nullable = false)
    public long version;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** Lower-case title and signing place, for text search. */
    @Column(name = "search_text", nullable = false, length = 12000)
    public String searchText;
    @Column(name = "document", nullable = false, length = 10000000)
    public String document;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_party", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    public List<PartyRow> parties = new ArrayList<>();

    /** Every identifier the agreement has in other datasets, its PA-X id included, for the externalId filter. */
    @JsonIgnore // an index of what the details hold: read only by the externalId filter
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "agreement_external_id", joinColumns = @JoinColumn(name = "agreement_id"))
    public Set<ExternalIdColumns> externalIds = new HashSet<>();

    @Transient
    private AgreementState state;

    /** Applies one event of this agreement, recorded at {@code at} as its {@code sequence}-th event. */
    public void apply(Object event, long sequence, Instant at) {
        AgreementState next = state().apply(event);
        if (sequence == 0) {
            id = next.agreementId();
            recordedAt = at;
        }
        AgreementDetails details = next.details();
        title = details.title();
        kind = details.kind();
        theater = details.theater();
        status = next.status();
        signedOn = details.signedOn();
        inForceAt = details.inForceAt();
        endedAt = next.endedAt().orElse(null);
        paxAgreementId = details.paxAgreementId();
        if (event instanceof AgreementRecorded || event instanceof AgreementCorrected) {
            // the others change terms or status, not details: the rows (loaded lazily) are left alone
            externalIds.clear();
            AgreementRules.externalIds(details).forEach(id -> externalIds.add(ExternalIdColumns.of(id)));
        }
        parties.clear();
        details.signatories().forEach(actor -> parties.add(new PartyRow(actor, PartyRow.SIGNATORY)));
        details.witnesses().forEach(actor -> parties.add(new PartyRow(actor, PartyRow.WITNESS)));
        String text = (details.title() + "\n" + (details.signedPlace() == null ? "" : details.signedPlace()))
                .toLowerCase(Locale.ROOT);
        searchText = text.length() > 12000 ? text.substring(0, 12000) : text;
        version = sequence + 1;
        updatedAt = at;
        state = next;
        try {
            document = JSON.writeValueAsString(next);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agreement with its terms, as the events applied so far leave it. */
    public AgreementState state() {
        if (state == null) {
            try {
                state = document == null ? new AgreementState() : JSON.readValue(document, AgreementState.class);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("Stored document of agreement " + id + " is unreadable", e);
            }
        }
        return state;
    }
}
