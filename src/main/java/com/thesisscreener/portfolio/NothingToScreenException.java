package com.thesisscreener.portfolio;

import com.thesisscreener.importing.RowProblem;
import java.util.List;

/** An uploaded file whose rows could all not be read: nothing is stored. */
public class NothingToScreenException extends RuntimeException {

    private final transient List<RowProblem> problems;

    public NothingToScreenException(String message, List<RowProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
