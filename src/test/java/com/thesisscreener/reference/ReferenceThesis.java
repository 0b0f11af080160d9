package com.thesisscreener.reference;

import static com.thesisscreener.screening.Phrases.number;
import static com.thesisscreener.screening.Phrases.pct;
import static com.thesisscreener.screening.Phrases.signedPct;
import static com.thesisscreener.screening.Phrases.times;
import static com.thesisscreener.screening.Phrases.usd;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.SwitchingCost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * THESIS.md written out once more in plain Java, independently of the rule files: the oracle the differential
 * test holds the engine to, and the yardstick the benchmark measures it against. Deliberately a second copy of the
 * thesis (test sources only): if a rule file drifts from the article, the two disagree.
 *
 * <p>Every company starts at 50; each finding adds its points; the sum is clamped to 0..100 once; bands are
 * STRONG_BUY >= 80, BUY >= 65, HOLD >= 45, REDUCE >= 30, else AVOID; a cap lowers the band, never the score.
 * Sentences are built as the rules build them, so the comparison costs the same work.
 */
public final class ReferenceThesis implements Function<Company, ReferenceThesis.Result> {

    private static final int STARTING_SCORE = 50;
    private static final double INDUSTRY_PRICE_CHANGE = Math.pow(0.1, 12.0 / 18.0) - 1;
    private static final Comparator<Finding> LARGEST_EFFECT_FIRST =
            Comparator.comparingInt((Finding f) -> -Math.abs(f.points())).thenComparing(Finding::ruleId);

    /** One reason behind a score, as the engine reports it (without the thesis passage). */
    public record Finding(String ruleId, int points, String sentence) {
    }

    /** What the thesis makes of one company. */
    public record Result(String ticker, int score, Band scoreBand, Band band, List<Finding> findings, List<Band> caps) {

        public List<String> ruleIds() {
            return findings.stream().map(Finding::ruleId).sorted().toList();
        }
    }

    /** For {@code ./screener bench}, which finds this class by name when the test classes are on its class path. */
    public ReferenceThesis() {
    }

    @Override
    public Result apply(Company company) {
        return screen(company);
    }

    public static Result screen(Company c) {
        List<Finding> findings = new ArrayList<>(8);
        List<Band> caps = new ArrayList<>(1);
        moat(c, findings, caps);
        apiLayer(c, findings);
        volume(c, findings, caps);
        tiers(c, findings);
        risks(c, findings);
        watchList(c, findings);
        int points = 0;
        for (Finding f : findings) points += f.points();
        int score = Math.max(0, Math.min(100, STARTING_SCORE + points));
        Band scoreBand = band(score);
        Band band = scoreBand;
        for (Band cap : caps) band = band.lowerOf(cap);
        findings.sort(LARGEST_EFFECT_FIRST);
        return new Result(c.ticker(), score, scoreBand, band, findings, caps);
    }

    static Band band(int score) {
        if (score >= 80) return Band.STRONG_BUY;
        if (score >= 65) return Band.BUY;
        if (score >= 45) return Band.HOLD;
        if (score >= 30) return Band.REDUCE;
        return Band.AVOID;
    }

    /** Three anchors: proprietary data, distribution with HIGH switching costs, physical compute. */
    private static void moat(Company c, List<Finding> findings, List<Band> caps) {
        if (Boolean.TRUE.equals(c.proprietaryData())) {
            findings.add(new Finding("MOAT-DATA", 10, "controls proprietary data assets, one of the three moat anchors"));
        }
        if (c.distributionSwitchingCost() == SwitchingCost.HIGH) {
            findings.add(new Finding("MOAT-DIST", 10, "sells through distribution with HIGH switching costs, one of the three moat anchors"));
        } else if (c.distributionSwitchingCost() == SwitchingCost.MEDIUM) {
            findings.add(new Finding("MOAT-DIST", 5, "sells through distribution with MEDIUM switching costs: worth points, but the anchor needs HIGH"));
        }
        if (Boolean.TRUE.equals(c.ownsCompute())) {
            findings.add(new Finding("MOAT-COMPUTE", 12, "controls physical compute (silicon, power or cooling), one of the three moat anchors"));
        }
        int anchors = (Boolean.TRUE.equals(c.proprietaryData()) ? 1 : 0) + (c.distributionSwitchingCost() == SwitchingCost.HIGH ? 1 : 0)
                + (Boolean.TRUE.equals(c.ownsCompute()) ? 1 : 0);
        if (anchors >= 2) {
            findings.add(new Finding("MOAT-DURABLE", 5, "holds " + anchors + " of the 3 moat anchors; the thesis calls 2 or more a durable moat"));
        }
        boolean anchorsKnown = c.proprietaryData() != null && c.distributionSwitchingCost() != null && c.ownsCompute() != null;
        boolean purePlay = c.segment() == Segment.MODEL_PROVIDER || (c.apiRevenueShare() != null && c.apiRevenueShare() >= 0.50);
        if (anchorsKnown && anchors == 0 && purePlay) {
            String who = c.segment() == Segment.MODEL_PROVIDER ? "a model provider"
                    : "earns " + pct(c.apiRevenueShare()) + " of revenue through APIs (pure play from " + pct(0.50) + ")";
            findings.add(new Finding("MOAT-NONE", -25, who + " with none of the three moat anchors: commoditized revenue ahead; band capped at REDUCE"));
            caps.add(Band.REDUCE);
        }
    }

    /** At the API layer (30 % of revenue or more): open-source catch-up and margin compression. */
    private static void apiLayer(Company c, List<Finding> findings) {
        if (c.apiRevenueShare() == null || c.apiRevenueShare() < 0.30) return;
        if (c.openSourceGapMonths() != null && c.openSourceGapMonths() <= 6) {
            findings.add(new Finding("API-OPEN-SOURCE", -10, "earns " + pct(c.apiRevenueShare()) + " of revenue at the API layer (threshold "
                    + pct(0.30) + ") and open-weight models trail by only " + number(c.openSourceGapMonths()) + " months (threshold "
                    + number(6) + ")"));
        }
        if (c.grossMarginChange() != null && c.grossMarginChange() < 0) {
            findings.add(new Finding("API-MARGIN", -5, "earns " + pct(c.apiRevenueShare()) + " of revenue at the API layer (threshold "
                    + pct(0.30) + ") and its gross margin changed " + signedPct(c.grossMarginChange())
                    + " year on year: API-layer margin compression"));
        }
    }

    /** Volume growth must exceed price deflation three times; a missing price change takes the industry's rate. */
    private static void volume(Company c, List<Finding> findings, List<Band> caps) {
        if (c.apiRevenueShare() == null || c.apiRevenueShare() <= 0 || c.tokenVolumeGrowth() == null) return;
        boolean assumed = c.pricePerTokenChange() == null;
        double growth = c.tokenVolumeGrowth();
        double price = assumed ? INDUSTRY_PRICE_CHANGE : c.pricePerTokenChange();
        if (assumed) {
            findings.add(new Finding("VOL-ASSUMED", 0, "price per token change is missing: assumed the industry's "
                    + signedPct(INDUSTRY_PRICE_CHANGE) + " a year (90% over 18 months) for the volume test"));
        }
        boolean fell = price < 0;
        double ratio = fell ? growth / -price : Double.POSITIVE_INFINITY;
        String shownPrice = signedPct(price) + (assumed ? " assumed" : "");
        String measured = fell
                ? "token volume grew " + times(ratio) + " the price deflation (volume " + signedPct(growth) + ", price per token " + shownPrice + ")"
                : "price per token did not fall (" + shownPrice + "), so token volume growth (" + signedPct(growth) + ") trivially outruns deflation";
        if (ratio >= 3.0) {
            findings.add(new Finding("VOL-3X", 15, measured + "; the thesis asks for " + times(3.0) + " or more"));
        } else if (ratio >= 1.0) {
            findings.add(new Finding("VOL-SHORT", -10, measured + "; the thesis asks for " + times(3.0)));
        } else {
            findings.add(new Finding("VOL-SHRINK", -20, measured + ": revenue per unit falls faster than volume grows (below "
                    + times(1.0) + "); band capped at HOLD"));
            caps.add(Band.HOLD);
        }
    }

    /** The first tier has re-rated; the second tier is the next leg; chips face in-house silicon but 40 % demand growth. */
    private static void tiers(Company c, List<Finding> findings) {
        Segment s = c.segment();
        boolean firstTier = s == Segment.SEMICONDUCTORS || s == Segment.POWER_AND_COOLING || s == Segment.DATA_CENTER_REIT;
        if (firstTier && c.evToSales() != null && c.evToSales() >= 15) {
            findings.add(new Finding("TIER1-RERATED", -10, "first-tier infrastructure at " + number(c.evToSales())
                    + "x EV/Sales has already re-rated (threshold " + number(15) + "x)"));
        }
        if (s == Segment.APPLICATION_SOFTWARE && c.revenueGrowth() != null && c.revenueGrowth() >= 0.20) {
            findings.add(new Finding("TIER2-NEXT-LEG", 10, "application-layer software growing revenue " + signedPct(c.revenueGrowth())
                    + " a year, the next leg of value creation (threshold " + signedPct(0.20) + ")"));
        }
        if (s == Segment.SEMICONDUCTORS && c.hyperscalerRevenueShare() != null && c.hyperscalerRevenueShare() >= 0.40) {
            findings.add(new Finding("CHIP-INHOUSE", -5, pct(c.hyperscalerRevenueShare())
                    + " of revenue comes from hyperscalers building in-house silicon (threshold " + pct(0.40) + ")"));
        }
        if (s == Segment.SEMICONDUCTORS && c.revenueGrowth() != null && c.revenueGrowth() >= 0.40) {
            findings.add(new Finding("CHIP-DEMAND", 5, "chip revenue growing " + signedPct(c.revenueGrowth()) + " a year keeps pace with the "
                    + pct(0.40) + " demand growth the thesis expects"));
        }
    }

    /** The EU AI Act on smaller companies, single-geography fabs, capital committed ahead of demand. */
    private static void risks(Company c, List<Finding> findings) {
        if (c.euRevenueShare() != null && c.euRevenueShare() >= 0.25 && c.marketCapUsd() != null && c.marketCapUsd() < 10e9) {
            findings.add(new Finding("RISK-EU-ACT", -8, pct(c.euRevenueShare()) + " of revenue from the EU (threshold " + pct(0.25)
                    + ") at a market cap of " + usd(c.marketCapUsd()) + " (smaller than " + usd(10e9)
                    + "): EU AI Act compliance costs weigh on smaller participants"));
        }
        if (c.singleGeographyFabDependency() != null && c.singleGeographyFabDependency() >= 0.90) {
            findings.add(new Finding("RISK-FAB", -5, pct(c.singleGeographyFabDependency()) + " of leading-edge chip supply from one geography (threshold "
                    + pct(0.90) + "): a vulnerability capital expenditure cannot hedge"));
        }
        if (c.capexToRevenue() != null && c.capexToRevenue() >= 0.40) {
            findings.add(new Finding("RISK-DEMAND", -5, "capital expenditure is " + pct(c.capexToRevenue()) + " of revenue (threshold "
                    + pct(0.40) + "): capacity committed 18 to 36 months ahead of unvalidated demand"));
        }
    }

    /** What to watch: agentic production contracts, sovereign AI programmes. */
    private static void watchList(Company c, List<Finding> findings) {
        if (c.agenticProductionContracts() != null && c.agenticProductionContracts() >= 1) {
            findings.add(new Finding("WATCH-AGENTIC", 5, c.agenticProductionContracts() + " enterprise production contract(s) for agentic systems (threshold 1)"));
        }
        if (Boolean.TRUE.equals(c.sovereignAiExposure())) {
            findings.add(new Finding("WATCH-SOVEREIGN", 3, "sells into sovereign AI programmes outside the US"));
        }
    }
}
