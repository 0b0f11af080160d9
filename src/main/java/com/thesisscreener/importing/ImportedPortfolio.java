package com.thesisscreener.importing;

import com.thesisscreener.screening.Company;

import java.util.List;

/**
 * What one file yielded: the companies whose rows were fully readable, and a problem for every bad cell of the rest.
 *
 * @param fileName        the file's name (no directories)
 * @param sheet           the sheet the companies came from; for CSV the file name
 * @param companies       readable rows, in file order
 * @param problems        one entry per bad cell, in row then column order; at most {@link ImportLimits#maxProblems()}
 * @param rowsRead        non-blank data rows (header and blank rows not counted)
 * @param ignoredColumns  headers of columns that match no company field, each listed once
 * @param problemsOmitted problems beyond {@link ImportLimits#maxProblems()}, counted but not listed
 * @param positions       each company's position in the book, aligned with {@code companies}; none without position columns
 */
public record ImportedPortfolio(String fileName, String sheet, List<Company> companies, List<RowProblem> problems,
                                int rowsRead, List<String> ignoredColumns, int problemsOmitted, Positions positions) {

    public ImportedPortfolio {
        companies = List.copyOf(companies);
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
        positions = positions == null ? Positions.none() : positions;
    }

    /** The companies a streamed import handed over, with what it said besides. */
    public static ImportedPortfolio of(ImportSummary summary, List<Company> companies) {
        return new ImportedPortfolio(summary.fileName(), summary.sheet(), companies, summary.problems(), summary.rowsRead(),
                summary.ignoredColumns(), summary.problemsOmitted(), summary.positions());
    }

    public ImportedPortfolio(String fileName, String sheet, List<Company> companies, List<RowProblem> problems,
                             int rowsRead, List<String> ignoredColumns, int problemsOmitted) {
        this(fileName, sheet, companies, problems, rowsRead, ignoredColumns, problemsOmitted, Positions.none());
    }

    public ImportedPortfolio(String fileName, String sheet, List<Company> companies, List<RowProblem> problems,
                             int rowsRead, List<String> ignoredColumns) {
        this(fileName, sheet, companies, problems, rowsRead, ignoredColumns, 0);
    }

    /** Rows left out because at least one of their cells could not be used; each has a problem listed. */
    public int rowsRejected() {
        return rowsRead - companies.size();
    }
}
