package org.conflictledger.platform.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV export: RFC 4180 (CRLF line ends, a field quoted only when it holds a comma, a quote or a line
 * end), UTF-8 without a byte order mark, a header row first. A text cell a spreadsheet would read as a formula is
 * written with a leading {@code '} ({@link SpreadsheetText}); numbers are written without exponent ({@link #plain}),
 * {@code null} as an empty cell. Quoting is Commons CSV's minimal rule: a field is quoted when it holds a comma, a
 * double quote or a line end, starts with a space or one of {@code !"#}, or ends with a blank; an empty first field
 * is written {@code ""}.
 */
public final class CsvRows implements Flushable {
    private final CSVPrinter printer;
    private final int columns;

    public CsvRows(OutputStream out, List<String> header) throws IOException {
        this.columns = header.size();
        this.printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get()
                .print(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }

    /** One row, a cell per header column. */
    public void row(List<?> cells) throws IOException {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells for " + columns + " columns");
        }
        List<Object> written = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            written.add(cell instanceof CharSequence text ? SpreadsheetText.neutralised(text.toString())
                    : cell instanceof Double number ? plain(number)
                    : cell instanceof BigDecimal number ? number.toPlainString() : cell);
        }
        printer.printRecord(written);
    }

    /** A double as a decimal without exponent that reads back as the same double ({@code 0.00010}, not {@code 1.0E-4}). */
    public static String plain(Double value) {
        if (value == null) {
            return null;
        }
        return value.isNaN() || value.isInfinite() ? value.toString() : BigDecimal.valueOf(value).toPlainString();
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }
}
