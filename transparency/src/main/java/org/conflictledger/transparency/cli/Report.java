package org.conflictledger.transparency.cli;

import java.io.PrintStream;

/** What a check found, line by line: {@code ok}, {@code note} (not a failure) or {@code FAIL}. */
final class Report {
    private final PrintStream out;
    private int failures;

    Report(PrintStream out) {
        this.out = out;
    }

    void ok(String line) {
        out.println("ok    " + line);
    }

    void note(String line) {
        out.println("note  " + line);
    }

    void fail(String line) {
        failures++;
        out.println("FAIL  " + line);
    }

    /** Checks a condition: ok when it holds, FAIL otherwise. */
    boolean check(boolean holds, String ok, String fail) {
        if (holds) {
            ok(ok);
        } else {
            fail(fail);
        }
        return holds;
    }

    int failures() {
        return failures;
    }
}
