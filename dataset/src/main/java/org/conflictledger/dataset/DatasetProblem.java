package org.conflictledger.dataset;

/** Something wrong in a dataset file, at a JSON path such as {@code $.actors[3].relationships[0].counterpart}. */
public record DatasetProblem(String file, String path, String message) {

    @Override
    public String toString() {
        return file + " " + path + ": " + message;
    }
}
