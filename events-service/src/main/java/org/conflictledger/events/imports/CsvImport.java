package org.conflictledger.events.imports;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.modelling.command.ConcurrencyException;
import org.conflictledger.events.api.formats.ParsedRow;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.conflictledger.events.domain.ReportConflictEvent;
import org.conflictledger.events.query.ConflictEventFilter;
import org.conflictledger.events.query.ConflictEventQueries;
import org.conflictledger.platform.api.AuditContext;
import org.conflictledger.platform.api.Problem.FieldError;
import org.conflictledger.platform.api.SourceCitation;
import org.conflictledger.platform.api.Writes;
import org.conflictledger.platform.audit.AuditTrail;
import org.conflictledger.platform.domain.RuleViolation;
import org.conflictledger.platform.externalid.ExternalIdRegister;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Records the rows of an ACLED-shaped file: each valid row as a new event, unless the record has it already (by its
 * {@link ImportedRowIdentity}, or an event reported with its ACLED id); rows with errors are reported, not recorded.
 * Each row is recorded without waiting for the read models; the import waits for them once, at its end.
 */
@ApplicationScoped
public class CsvImport {
    private final Writes writes;
    private final ConflictEventQueries queries;
    private final AuditTrail audit;

    CsvImport(Writes writes, ConflictEventQueries queries, AuditTrail audit) {
        this.writes = writes;
        this.queries = queries;
        this.audit = audit;
    }

    /**
     * @param writer   who imports and the request's correlation id; each row's event gets the reason and the row's
     *                 sources
     * @param progress told the number of rows done, after each row
     */
    public ImportReport run(List<ParsedRow> rows, String reason, AuditContext writer, IntConsumer progress) {
        int accepted = 0;
        int present = 0;
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        List<UUID> created = new ArrayList<>();
        // ACLED ids recorded by this run, which the read model may not show yet
        Set<String> acledIdsRecorded = new HashSet<>();
        int done = 0;
        for (ParsedRow row : rows) {
            if (!row.isValid()) {
                rejected.add(new ImportReport.RejectedRow(row.line(), row.errors().stream()
                        .map(e -> new FieldError(e.field(), e.message())).toList()));
            } else {
                ConflictEventDetails details = row.details();
                UUID id = ImportedRowIdentity.of(details);
                if (audit.storedVersion(id.toString()) > 0 || acledIdsRecorded.contains(details.acledEventId())
                        || reportedWithItsAcledId(details)) {
                    present++;
                } else {
                    try {
                        writes.record(new ReportConflictEvent(id, details), new AuditContext(writer.principal(),
                                writer.correlationId(), reason == null ? "Imported from CSV (line " + row.line() + ")" : reason,
                                sourcesOf(details)));
                        accepted++;
                        created.add(id);
                        if (details.acledEventId() != null) {
                            acledIdsRecorded.add(details.acledEventId());
                        }
                    } catch (RuleViolation e) {
                        if (ExternalIdRegister.TAKEN.equals(e.rule()) && audit.storedVersion(id.toString()) > 0) {
                            present++; // a retry of this import recorded the row meanwhile and holds its ACLED id
                        } else {
                            rejected.add(new ImportReport.RejectedRow(row.line(),
                                    List.of(new FieldError(e.rule(), e.getMessage()))));
                        }
                    } catch (ConcurrencyException e) {
                        present++; // the same row, imported at the same moment by a retry of this import
                    }
                }
            }
            progress.accept(++done);
        }
        // once for the whole file, not per row: the report is answered when lists show what it created
        writes.awaitReadModels();
        return new ImportReport(accepted, present, rejected, created);
    }

    private boolean reportedWithItsAcledId(ConflictEventDetails details) {
        return details.acledEventId() != null && !queries.list(new ConflictEventFilter(null, null, null, null, null, null,
                null, null, null, null, details.acledEventId(), null, false, null), 1).isEmpty();
    }

    private static List<SourceCitation> sourcesOf(ConflictEventDetails details) {
        return details.sources().stream().map(c -> new SourceCitation(c.title(), c.publisher(), c.url(), c.date())).toList();
    }
}
