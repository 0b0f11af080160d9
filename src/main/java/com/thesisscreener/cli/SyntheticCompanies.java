package com.thesisscreener.cli;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.SwitchingCost;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic-looking made-up companies for benchmarks: every segment, the spread of values the rules
 * test, and a few missing inputs. The same seed always gives the same companies.
 */
public final class SyntheticCompanies {

    private static final Segment[] SEGMENTS = Segment.values();
    private static final SwitchingCost[] SWITCHING_COSTS = SwitchingCost.values();

    private SyntheticCompanies() {
    }

    public static List<Company> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Company> companies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            companies.add(company(i, random));
        }
        return companies;
    }

    private static Company company(int index, SplittableRandom random) {
        Segment segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
        boolean sellsApi = segment == Segment.MODEL_PROVIDER || segment == Segment.HYPERSCALER
                || (segment == Segment.APPLICATION_SOFTWARE && random.nextBoolean());
        Company.Builder b = Company.builder(String.format("S%06d", index), segment)
                .name("Synthetic " + index)
                .proprietaryData(random.nextInt(3) == 0)
                .distributionSwitchingCost(SWITCHING_COSTS[random.nextInt(SWITCHING_COSTS.length)])
                .ownsCompute(segment == Segment.SEMICONDUCTORS || segment == Segment.POWER_AND_COOLING || random.nextInt(5) == 0)
                .apiRevenueShare(sellsApi ? round(random.nextDouble(0.05, 0.95)) : 0.0)
                .grossMargin(round(random.nextDouble(0.2, 0.85)))
                .grossMarginChange(round(random.nextDouble(-0.08, 0.06)))
                .revenueGrowth(round(random.nextDouble(-0.1, 0.9)))
                .evToSales(round(random.nextDouble(2, 35)))
                .marketCapUsd(Math.floor(random.nextDouble(0.5e9, 500e9)))
                .euRevenueShare(round(random.nextDouble(0, 0.45)))
                .singleGeographyFabDependency(round(random.nextDouble(0.3, 0.99)))
                .hyperscalerRevenueShare(segment == Segment.SEMICONDUCTORS ? round(random.nextDouble(0.1, 0.7)) : null)
                .capexToRevenue(round(random.nextDouble(0.05, 0.7)))
                .agenticProductionContracts(random.nextInt(6))
                .sovereignAiExposure(random.nextInt(4) == 0);
        if (sellsApi) {
            b.tokenVolumeGrowth(round(random.nextDouble(0.2, 6)))
                    .pricePerTokenChange(random.nextInt(10) == 0 ? null : round(random.nextDouble(-0.9, 0.05)))
                    .openSourceGapMonths(round(random.nextDouble(1, 18)));
        }
        if (random.nextInt(20) == 0) b.capexToRevenue(null).euRevenueShare(null);
        return b.build();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
