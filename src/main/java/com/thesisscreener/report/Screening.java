package com.thesisscreener.report;

import com.thesisscreener.portfolio.ImportedPortfolio;
import com.thesisscreener.portfolio.PositionFigures;
import com.thesisscreener.portfolio.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import java.util.List;
import java.util.Map;

/**
 * One screened portfolio, ready to export: results ranked best first, the rows that could not be
 * read, the rule-set version that produced the scores, and the book's figures (null without positions).
 */
public record Screening(String source, String sheet, String ruleSetVersion, int rowsRead, List<Recommendation> ranked,
                        List<RowProblem> problems, List<String> ignoredColumns, PositionFigures positions) {

    public Screening {
        ranked = ranked.stream().sorted(Recommendation.RANKING).toList();
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** A screening of a portfolio without positions. */
    public Screening(String source, String sheet, String ruleSetVersion, int rowsRead, List<Recommendation> ranked,
                     List<RowProblem> problems, List<String> ignoredColumns) {
        this(source, sheet, ruleSetVersion, rowsRead, ranked, problems, ignoredColumns, null);
    }

    /** @param results in import order, as the portfolio's positions are */
    public static Screening of(ImportedPortfolio portfolio, List<Recommendation> results, String ruleSetVersion) {
        return new Screening(portfolio.fileName(), portfolio.sheet(), ruleSetVersion, portfolio.rowsRead(), results,
                portfolio.problems(), portfolio.ignoredColumns(), PositionFigures.of(results, portfolio.positions()));
    }

    /** The same screening narrowed to one company, for exports of a single result. */
    public Screening only(Recommendation recommendation) {
        return new Screening(source, sheet, ruleSetVersion, rowsRead, List.of(recommendation), problems, ignoredColumns, positions);
    }

    public int rowsRejected() {
        return (int) problems.stream().map(RowProblem::row).distinct().count();
    }

    /** Companies per band, every band present (zero where none), best band first. */
    public Map<Band, Integer> bandCounts() {
        return Recommendation.countByBand(ranked);
    }
}
