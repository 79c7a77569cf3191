package org.conflictledger.agreements.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.ws.rs.core.MediaType;
import org.conflictledger.platform.axon.LedgerObjectMapper;
import org.conflictledger.platform.export.CsvRows;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * The forms an export is written in, a row at a time so that memory stays constant: CSV with a header row
 * ({@link CsvRows}), or a JSON array of objects whose keys are the CSV's columns in the same order, with the same
 * values (numbers and booleans as such, an empty cell as null).
 */
enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    JSON(MediaType.APPLICATION_JSON, "json");

    static final String CSV_MEDIA_TYPE = "text/csv";
    /**
     * What the CSV methods produce: below JSON for a client that accepts anything ({@code *}{@code /*}, or no Accept).
     * Without the lower server quality the choice between two methods of the same path would follow their names.
     */
    static final String CSV_PRODUCED = CSV_MEDIA_TYPE + ";qs=0.5";
    private static final JsonFactory JSON_FACTORY = LedgerObjectMapper.create().getFactory();

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /** A table of {@code columns} written to {@code out} in this form. */
    Table table(OutputStream out, List<String> columns) throws IOException {
        return this == CSV ? new CsvTable(new CsvRows(out, columns)) : new JsonTable(out, columns);
    }

    /** Rows written one by one; {@link #finish} ends the table and flushes it (the stream stays open). */
    interface Table {
        void row(List<?> cells) throws IOException;

        void finish() throws IOException;
    }

    private record CsvTable(CsvRows rows) implements Table {
        @Override
        public void row(List<?> cells) throws IOException {
            rows.row(cells);
        }

        @Override
        public void finish() throws IOException {
            rows.flush();
        }
    }

    private static final class JsonTable implements Table {
        private final JsonGenerator json;
        private final List<String> columns;

        JsonTable(OutputStream out, List<String> columns) throws IOException {
            this.json = JSON_FACTORY.createGenerator(out, JsonEncoding.UTF8)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            this.columns = columns;
            json.writeStartArray();
        }

        @Override
        public void row(List<?> cells) throws IOException {
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + cells.size() + " cells for " + columns.size() + " columns");
            }
            json.writeStartObject();
            for (int i = 0; i < cells.size(); i++) {
                json.writeFieldName(columns.get(i));
                write(cells.get(i));
            }
            json.writeEndObject();
        }

        private void write(Object cell) throws IOException {
            if (cell == null) {
                json.writeNull();
            } else if (cell instanceof Boolean value) {
                json.writeBoolean(value);
            } else if (cell instanceof Integer value) {
                json.writeNumber(value);
            } else if (cell instanceof Long value) {
                json.writeNumber(value);
            } else if (cell instanceof BigDecimal value) {
                json.writeNumber(value);
            } else {
                json.writeString(cell.toString());
            }
        }

        @Override
        public void finish() throws IOException {
            json.writeEndArray();
            json.close();
        }
    }
}
