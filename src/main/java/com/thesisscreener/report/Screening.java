package com.thesisscreener.report;

import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.PositionFigures;
import com.thesisscreener.importing.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import java.util.List;
import java.util.Map;

/**
 * One screened portfolio, ready to export: results in rank order (read as often as a report needs, not
 * necessarily held in memory), the rows that could not be read, the rule-set version that produced the scores,
 * and the book's figures (null without positions).
 *
 * @param rowsRejected rows that were read but not screened because a cell could not be used
 */
public record Screening(String source, String sheet, String ruleSetVersion, int rowsRead, int rowsRejected, RankedResults results,
                        List<RowProblem> problems, List<String> ignoredColumns, PositionFigures positions) {

    public Screening {
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** A screening of a portfolio without positions. */
    public Screening(String source, String sheet, String ruleSetVersion, int rowsRead, int rowsRejected, RankedResults results,
                     List<RowProblem> problems, List<String> ignoredColumns) {
        this(source, sheet, ruleSetVersion, rowsRead, rowsRejected, results, problems, ignoredColumns, null);
    }

    /** @param results in import order, as the portfolio's positions are */
    public static Screening of(ImportedPortfolio portfolio, List<Recommendation> results, String ruleSetVersion) {
        return new Screening(portfolio.fileName(), portfolio.sheet(), ruleSetVersion, portfolio.rowsRead(), portfolio.rowsRejected(),
                RankedResults.of(results), portfolio.problems(), portfolio.ignoredColumns(),
                PositionFigures.of(results, portfolio.positions()));
    }

    /** The same screening narrowed to one company, for exports of a single result. */
    public Screening only(Recommendation recommendation) {
        return new Screening(source, sheet, ruleSetVersion, rowsRead, rowsRejected, RankedResults.of(List.of(recommendation)), problems,
                ignoredColumns, positions);
    }

    /** Results screened. */
    public int screened() {
        return results.stats().count();
    }

    /** Every result in rank order, in memory: for small screenings and tests. */
    public List<Recommendation> ranked() {
        return results.toList();
    }

    /** Companies per band, every band present (zero where none), best band first. */
    public Map<Band, Integer> bandCounts() {
        return results.stats().bands();
    }
}
