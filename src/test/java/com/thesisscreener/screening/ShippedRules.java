package com.thesisscreener.screening;

import com.thesisscreener.rules.RuleCompilationException;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.RuleSetCompiler;
import java.nio.file.Path;

/** The rules in the repository's {@code rules/} folder, compiled once per test run (compiling takes seconds). */
public final class ShippedRules {

    private static RuleSet ruleSet;

    private ShippedRules() {
    }

    public static synchronized RuleSet ruleSet() {
        if (ruleSet == null) {
            try {
                ruleSet = new RuleSetCompiler().compile(Path.of("rules"));
            } catch (RuleCompilationException e) {
                throw new AssertionError("the shipped rules must compile:\n" + e.getMessage(), e);
            }
        }
        return ruleSet;
    }

    public static Screener screener() {
        return ruleSet().screener();
    }

    /** A company that no rule fires for: every input known, none near a threshold. */
    public static Company.Builder neutral(String ticker, Segment segment) {
        return Company.builder(ticker, segment)
                .name(ticker + " Corp")
                .proprietaryData(false)
                .distributionSwitchingCost(SwitchingCost.LOW)
                .ownsCompute(false)
                .apiRevenueShare(0.0)
                .openSourceGapMonths(12.0)
                .grossMargin(0.5)
                .grossMarginChange(0.01)
                .revenueGrowth(0.05)
                .evToSales(5.0)
                .marketCapUsd(50e9)
                .euRevenueShare(0.10)
                .singleGeographyFabDependency(0.5)
                .hyperscalerRevenueShare(0.1)
                .capexToRevenue(0.1)
                .agenticProductionContracts(0)
                .sovereignAiExposure(false);
    }

    /** A neutral company selling at the API layer with the given volume growth and price change. */
    public static Company.Builder apiSeller(String ticker, double volumeGrowth, Double priceChange) {
        return neutral(ticker, Segment.OTHER).apiRevenueShare(0.2).tokenVolumeGrowth(volumeGrowth).pricePerTokenChange(priceChange);
    }
}
