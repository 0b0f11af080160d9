package com.thesisscreener.cli;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.SwitchingCost;

import java.util.SplittableRandom;

/**
 * Realistic-looking invented portfolio rows, one at a time so a million of them cost no memory: unique
 * four- or five-letter tickers, names in the style of the sample portfolio, every segment, values in the ranges
 * sample-data/README.md gives (not-applicable inputs left empty the way the sample leaves them), and a few
 * unknown inputs. The same seed always gives the same rows. No name or ticker is meant to be a real company's.
 */
final class SyntheticPortfolio {

    private static final Segment[] SEGMENTS = Segment.values();
    private static final SwitchingCost[] SWITCHING_COSTS = SwitchingCost.values();
    private static final String[] FIRST = {"Cor", "Tes", "Hal", "Quil", "Bright", "Node", "Fer", "Cold", "Grid", "Polar",
            "Arc", "Stone", "Meri", "Iron", "Nim", "Vel", "Orion", "Kes", "Veri", "Cael", "Pris", "Drift", "Opal", "Tar",
            "Quin", "Ledger", "Clav", "Med", "Path", "Scribe", "Tag", "Aeg", "Lum", "Sil", "Hex", "Cirr", "Alder", "Brim"};
    private static final String[] SECOND = {"vane", "arine", "vern", "mark", "water", "line", "ox", "spring", "mere", "well",
            "grid", "dian", "leaf", "bara", "trix", "field", "trel", "dian", "umark", "mora", "well", "ine", "nova", "tara",
            "haven", "ern", "quill", "weave", "line", "brook", "ent", "ora", "ica", "cove", "ridge", "dale"};
    private static final String[][] SUFFIX = {
            {"Silicon", "Micro", "Semiconductor", "Photonics", "Logic", "Memory"},
            {"Power Systems", "Thermal", "Energy", "Cooling"},
            {"Data Realty", "Campus REIT", "Vault Properties", "Digital Trust"},
            {"Cloud", "Compute", "Networks", "Sovereign Cloud"},
            {"AI", "Labs", "Intelligence", "Models"},
            {"Software", "Systems", "Workflows", "Analytics", "Health AI"},
            {"Data Services", "Cyberdefense", "Holdings", "Robotics"}};

    private final SplittableRandom random;
    private final int letters;
    private final long space;
    private final long offset;
    private int index;

    /** @param rows how many rows will be drawn, to size the ticker space so every ticker is unique */
    SyntheticPortfolio(int rows, long seed) {
        this.random = new SplittableRandom(seed);
        this.letters = rows <= 200_000 ? 4 : 5;
        this.space = letters == 4 ? 26L * 26 * 26 * 26 : 26L * 26 * 26 * 26 * 26;
        if (rows > space) {
            throw new IllegalArgumentException("at most " + space + " rows");
        }
        this.offset = Math.floorMod(seed * 7_777L, space);
    }

    Company next() {
        Company company = company(ticker(index), random);
        index++;
        return company;
    }

    /** index -> ticker is a bijection (the multiplier is odd and not a multiple of 13), so tickers never repeat. */
    private String ticker(int i) {
        long code = Math.floorMod(i * 1_000_003L + offset, space);
        char[] chars = new char[letters];
        for (int k = letters - 1; k >= 0; k--) {
            chars[k] = (char) ('A' + code % 26);
            code /= 26;
        }
        return new String(chars);
    }

    private static Company company(String ticker, SplittableRandom random) {
        Segment segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
        boolean sellsApi = segment == Segment.MODEL_PROVIDER || segment == Segment.HYPERSCALER
                || (segment == Segment.APPLICATION_SOFTWARE && random.nextBoolean());
        String[] suffixes = SUFFIX[segment.ordinal()];
        String name = FIRST[random.nextInt(FIRST.length)] + SECOND[random.nextInt(SECOND.length)] + " "
                + suffixes[random.nextInt(suffixes.length)];
        boolean chips = segment == Segment.SEMICONDUCTORS;
        boolean infrastructure = chips || segment == Segment.POWER_AND_COOLING || segment == Segment.DATA_CENTER_REIT;
        Company.Builder b = Company.builder(ticker, segment)
                .name(name)
                .proprietaryData(unknown(random) ? null : random.nextInt(3) == 0)
                .distributionSwitchingCost(unknown(random) ? null : SWITCHING_COSTS[random.nextInt(SWITCHING_COSTS.length)])
                .ownsCompute(unknown(random) ? null : infrastructure || segment == Segment.HYPERSCALER || random.nextInt(5) == 0)
                .apiRevenueShare(sellsApi ? round(random.nextDouble(0.05, 0.95)) : 0.0)
                .grossMargin(round(random.nextDouble(0.2, 0.85)))
                .grossMarginChange(round(random.nextDouble(-0.08, 0.06)))
                .revenueGrowth(unknown(random) ? null : round(random.nextDouble(-0.1, 0.9)))
                .evToSales(unknown(random) ? null : Math.round(random.nextDouble(2, 35) * 10) / 10.0)
                .marketCapUsd(Math.floor(random.nextDouble(0.5e9, 500e9) / 1e6) * 1e6)
                .euRevenueShare(unknown(random) ? null : round(random.nextDouble(0, 0.45)))
                .singleGeographyFabDependency(chips || segment == Segment.HYPERSCALER ? round(random.nextDouble(0.3, 0.99)) : null)
                .hyperscalerRevenueShare(infrastructure ? round(random.nextDouble(0.1, 0.7)) : null)
                .capexToRevenue(unknown(random) ? null : round(random.nextDouble(0.05, 0.7)))
                .agenticProductionContracts(unknown(random) ? null : random.nextInt(6))
                .sovereignAiExposure(unknown(random) ? null : random.nextInt(4) == 0);
        if (sellsApi) {
            b.tokenVolumeGrowth(round(random.nextDouble(0.2, 6)))
                    .pricePerTokenChange(random.nextInt(10) == 0 ? null : round(random.nextDouble(-0.9, 0.05)))
                    .openSourceGapMonths((double) random.nextInt(1, 19));
        }
        return b.build();
    }

    /** About one optional input in forty is not known, as in a real analyst's sheet. */
    private static boolean unknown(SplittableRandom random) {
        return random.nextInt(40) == 0;
    }

    /** Ratios to a tenth of a percent, as analysts type them. */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
