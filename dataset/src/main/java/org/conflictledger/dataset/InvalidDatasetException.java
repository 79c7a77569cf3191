package org.conflictledger.dataset;

import java.util.List;

/** A dataset that must not be imported, with every problem found in it. */
public class InvalidDatasetException extends RuntimeException {
    private final transient List<DatasetProblem> problems;

    public InvalidDatasetException(List<DatasetProblem> problems) {
        super(problems.size() + " problem(s) in the dataset, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<DatasetProblem> problems() {
        return problems;
    }
}
