package org.conflictledger.events.api.formats;

/**
 * Why a value of an imported row was not accepted.
 *
 * @param field   the CSV column the value came from; {@code null} when the error concerns the whole row
 * @param message what is wrong, for a person
 */
public record RowError(String field, String message) {
}
