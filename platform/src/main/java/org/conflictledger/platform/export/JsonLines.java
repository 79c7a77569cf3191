package org.conflictledger.platform.export;

import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.io.OutputStream;

/** JSON Lines (one JSON object per line, UTF-8, each line ended by {@code \n}), counting what it writes. */
public final class JsonLines {
    public static final String MEDIA_TYPE = "application/jsonl";
    public static final String MEDIA_TYPE_UTF8 = MEDIA_TYPE + "; charset=utf-8";

    private final ObjectWriter writer;
    private final OutputStream out;
    private long lines;

    JsonLines(ObjectWriter writer, OutputStream out) {
        this.writer = writer;
        this.out = out;
    }

    public void write(Object value) throws IOException {
        out.write(writer.writeValueAsBytes(value));
        out.write('\n');
        lines++;
    }

    /** Lines written so far. */
    public long lines() {
        return lines;
    }
}
