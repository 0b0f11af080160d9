package com.thesisscreener.importing;

import java.util.List;

/**
 * What a streamed import ({@link PortfolioReader#readEach}) yielded besides the companies themselves.
 *
 * @param fileName         the file's name (no directories)
 * @param sheet            the sheet the companies came from; for CSV the file name
 * @param rowsRead         non-blank data rows (header and blank rows not counted)
 * @param companiesRead    rows that became companies (handed to the consumer)
 * @param problems         one entry per bad cell, in row then column order, at most {@link ImportLimits#maxProblems()}
 * @param problemsOmitted  further problems that were counted but not kept
 * @param ignoredColumns   headers of columns that match no company field, each listed once
 * @param positions        each company's position in the book, in the order companies were handed over
 */
public record ImportSummary(String fileName, String sheet, int rowsRead, int companiesRead, List<RowProblem> problems,
                            int problemsOmitted, List<String> ignoredColumns, Positions positions) {

    public ImportSummary {
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
        positions = positions == null ? Positions.none() : positions;
    }

    public ImportSummary(String fileName, String sheet, int rowsRead, int companiesRead, List<RowProblem> problems,
                         int problemsOmitted, List<String> ignoredColumns) {
        this(fileName, sheet, rowsRead, companiesRead, problems, problemsOmitted, ignoredColumns, Positions.none());
    }

    /** Rows left out because at least one of their cells could not be used. */
    public int rowsRejected() {
        return rowsRead - companiesRead;
    }
}
