package org.conflictledger.events.api.formats;

import java.util.List;

import org.conflictledger.events.domain.ConflictEventDetails;

/**
 * One data row of an imported CSV.
 *
 * @param line    the line the row starts on (the header is line 1; a quoted field may span lines)
 * @param details the event the row describes, not yet checked against the domain's rules;
 *                {@code null} when the row has errors
 * @param errors  what could not be read, naming the CSV columns; empty when the row was read
 */
public record ParsedRow(int line, ConflictEventDetails details, List<RowError> errors) {

    public ParsedRow {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Whether the row was read without error. */
    public boolean isValid() {
        return errors.isEmpty();
    }
}
