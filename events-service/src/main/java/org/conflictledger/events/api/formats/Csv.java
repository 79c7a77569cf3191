package org.conflictledger.events.api.formats;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 codec: records of fields separated by commas and ended by CRLF; a field holding a
 * comma, a double quote, CR or LF is quoted, with its quotes doubled. The parser also accepts LF or a
 * lone CR as line ends, skips a leading byte order mark and empty lines, and counts lines (a quoted
 * field may span several) and UTF-8 bytes so that it can name where a record starts and refuse an
 * input larger than a limit.
 */
final class Csv {

    static final String LINE_END = "\r\n";

    private Csv() {
    }

    /** Writes one record and its CRLF; {@code null} fields are written empty. */
    static void writeRecord(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(out, fields.get(i));
        }
        out.write(LINE_END);
    }

    static void writeField(Writer out, String field) throws IOException {
        if (field == null || field.isEmpty()) {
            return;
        }
        if (!needsQuotes(field)) {
            out.write(field);
            return;
        }
        out.write('"');
        out.write(field.replace("\"", "\"\""));
        out.write('"');
    }

    static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /** A record as read, with the line it starts on (1-based). */
    record Row(int line, List<String> fields) {
    }

    /** Reads records one at a time; not thread-safe. */
    static final class Parser {
        private static final int EOF = -1;
        private static final int NONE = -2;

        private final Reader in;
        private final long maxBytes;
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;
        private int peeked = NONE;
        private int line = 1;
        private long bytes;
        private boolean started;

        Parser(Reader in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        /** The UTF-8 size of what has been read so far. */
        long bytesRead() {
            return bytes;
        }

        /** The next record that is not an empty line; {@code null} at the end of the input. */
        Row next() throws IOException {
            if (!started) {
                started = true;
                if (peek() == '\uFEFF') {
                    read();
                }
            }
            while (true) {
                if (peek() == EOF) {
                    return null;
                }
                Row row = record();
                if (!(row.fields().size() == 1 && row.fields().get(0).isEmpty())) {
                    return row;
                }
            }
        }

        private Row record() throws IOException {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                int c = read();
                if (c == '"' && field.length() == 0) {
                    quoted(field, start);
                    int after = read();
                    if (after == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                        continue;
                    }
                    if (after == EOF || endOfLine(after)) {
                        fields.add(field.toString());
                        return new Row(start, List.copyOf(fields));
                    }
                    throw new AcledCsvException("Malformed CSV at line " + line + ": a quoted field must be"
                            + " followed by a comma or the end of the line, not '" + (char) after + "'.", line);
                }
                if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == EOF || endOfLine(c)) {
                    fields.add(field.toString());
                    return new Row(start, List.copyOf(fields));
                } else if (c == '"') {
                    throw new AcledCsvException("Malformed CSV at line " + line + ": a double quote inside an"
                            + " unquoted field (quote the field and double the quote).", line);
                } else {
                    field.append((char) c);
                }
            }
        }

        /** Reads a quoted field's content, after its opening quote, up to and including its closing quote. */
        private void quoted(StringBuilder field, int recordStart) throws IOException {
            int opened = line;
            while (true) {
                int c = read();
                if (c == EOF) {
                    throw new AcledCsvException("Malformed CSV: the quoted field opened at line " + opened
                            + " (in the record starting at line " + recordStart + ") is never closed.", opened);
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        return;
                    }
                } else {
                    field.append((char) c);
                    if (c == '\n' || (c == '\r' && peek() != '\n')) {
                        line++;
                    }
                }
            }
        }

        /** Whether {@code c} ends a line outside quotes; consumes the LF of a CRLF and counts the line. */
        private boolean endOfLine(int c) throws IOException {
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
                return true;
            }
            if (c == '\n') {
                line++;
                return true;
            }
            return false;
        }

        private int peek() throws IOException {
            if (peeked == NONE) {
                peeked = fetch();
            }
            return peeked;
        }

        private int read() throws IOException {
            int c = peek();
            peeked = NONE;
            return c;
        }

        private int fetch() throws IOException {
            if (position == limit) {
                int n;
                do {
                    n = in.read(buffer, 0, buffer.length);
                } while (n == 0);
                if (n < 0) {
                    return EOF;
                }
                position = 0;
                limit = n;
            }
            char c = buffer[position++];
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (bytes > maxBytes) {
                throw new AcledCsvLimitException("The CSV is larger than " + maxBytes + " bytes ("
                        + (maxBytes / (1024 * 1024)) + " MB) of UTF-8; split it into smaller files.", line);
            }
            return c;
        }
    }
}
