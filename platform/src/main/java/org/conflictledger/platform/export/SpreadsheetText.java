package org.conflictledger.platform.export;

/**
 * CSV injection (OWASP): a spreadsheet reads a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a CR as a formula, so a note such as {@code =HYPERLINK(...)} would run when an analyst opens an export.
 * The export writes such a text cell with a leading single quote, which spreadsheets show as text; the import takes
 * that quote off again, so an export read back gives what the API stored. A cell that already starts with quotes
 * before such a character gets one more, so that the round trip is exact for it too. Numbers are never text cells
 * here: a longitude of -12.5 stays a number.
 */
public final class SpreadsheetText {
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final char QUOTE = '\'';

    private SpreadsheetText() {
    }

    /** The cell as the export writes it. */
    public static String neutralised(String cell) {
        return cell != null && readAsFormula(cell) ? QUOTE + cell : cell;
    }

    /** The cell as it was before {@link #neutralised}; any other cell unchanged. */
    public static String restored(String cell) {
        return cell != null && !cell.isEmpty() && cell.charAt(0) == QUOTE && readAsFormula(cell)
                ? cell.substring(1) : cell;
    }

    /** Whether the cell, after any leading quotes, starts like a formula. */
    private static boolean readAsFormula(String cell) {
        int first = 0;
        while (first < cell.length() && cell.charAt(first) == QUOTE) {
            first++;
        }
        return first < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(first)) >= 0;
    }
}
