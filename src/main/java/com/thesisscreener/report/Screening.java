package com.thesisscreener.report;

import com.thesisscreener.portfolio.ImportedPortfolio;
import com.thesisscreener.portfolio.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import java.util.List;
import java.util.Map;

/**
 * One screened portfolio, ready to export: results ranked best first, the rows that could not be
 * read, and the rule-set version that produced the scores.
 */
public record Screening(String source, String sheet, String ruleSetVersion, int rowsRead, List<Recommendation> ranked,
                        List<RowProblem> problems, List<String> ignoredColumns) {

    public Screening {
        ranked = ranked.stream().sorted(Recommendation.RANKING).toList();
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    public static Screening of(ImportedPortfolio portfolio, List<Recommendation> results, String ruleSetVersion) {
        return new Screening(portfolio.fileName(), portfolio.sheet(), ruleSetVersion, portfolio.rowsRead(), results,
                portfolio.problems(), portfolio.ignoredColumns());
    }

    /** The same screening narrowed to one company, for exports of a single result. */
    public Screening only(Recommendation recommendation) {
        return new Screening(source, sheet, ruleSetVersion, rowsRead, List.of(recommendation), problems, ignoredColumns);
    }

    public int rowsRejected() {
        return (int) problems.stream().map(RowProblem::row).distinct().count();
    }

    /** Companies per band, every band present (zero where none), best band first. */
    public Map<Band, Integer> bandCounts() {
        return Recommendation.countByBand(ranked);
    }
}
