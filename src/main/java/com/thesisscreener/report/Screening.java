package com.thesisscreener.report;

import com.thesisscreener.portfolio.ImportedPortfolio;
import com.thesisscreener.portfolio.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import java.util.List;
import java.util.Map;

/**
 * One screened portfolio, ready to export: results in rank order (read as often as a report needs, not
 * necessarily held in memory), the rows that could not be read, and the rule-set version that produced the scores.
 *
 * @param rowsRejected rows that were read but not screened because a cell could not be used
 */
public record Screening(String source, String sheet, String ruleSetVersion, int rowsRead, int rowsRejected, RankedResults results,
                        List<RowProblem> problems, List<String> ignoredColumns) {

    public Screening {
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    public static Screening of(ImportedPortfolio portfolio, List<Recommendation> results, String ruleSetVersion) {
        return new Screening(portfolio.fileName(), portfolio.sheet(), ruleSetVersion, portfolio.rowsRead(), portfolio.rowsRejected(),
                RankedResults.of(results), portfolio.problems(), portfolio.ignoredColumns());
    }

    /** The same screening narrowed to one company, for exports of a single result. */
    public Screening only(Recommendation recommendation) {
        return new Screening(source, sheet, ruleSetVersion, rowsRead, rowsRejected, RankedResults.of(List.of(recommendation)), problems,
                ignoredColumns);
    }

    /** Results screened. */
    public int screened() {
        return results.stats().count();
    }

    /** Companies per band, every band present (zero where none), best band first. */
    public Map<Band, Integer> bandCounts() {
        return results.stats().bands();
    }
}
