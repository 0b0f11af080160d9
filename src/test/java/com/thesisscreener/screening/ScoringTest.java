package com.thesisscreener.screening;

import static com.thesisscreener.screening.ShippedRules.apiSeller;
import static com.thesisscreener.screening.ShippedRules.neutral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores, bands, caps, confidence and derived figures as THESIS.md defines them. */
class ScoringTest {

    private final Screener screener = ShippedRules.screener();

    @Test
    void bandFloorsAreInclusive() {
        Company strongBuyAt80 = neutral("SB", Segment.OTHER).proprietaryData(true).distributionSwitchingCost(SwitchingCost.HIGH)
                .agenticProductionContracts(1).build(); // 50 + 10 + 10 + 5 (durable) + 5
        Company buyAt65 = neutral("B", Segment.OTHER).proprietaryData(true).distributionSwitchingCost(SwitchingCost.MEDIUM).build();
        Company holdAt45 = neutral("H", Segment.OTHER).singleGeographyFabDependency(0.95).build();
        Company reduceAt30 = neutral("R", Segment.SEMICONDUCTORS).evToSales(15.0).singleGeographyFabDependency(0.95)
                .capexToRevenue(0.5).build(); // 50 - 10 - 5 - 5
        Company avoidAt25 = neutral("AV", Segment.SEMICONDUCTORS).evToSales(15.0).singleGeographyFabDependency(0.95)
                .capexToRevenue(0.5).hyperscalerRevenueShare(0.5).build();

        List<Recommendation> results = screener.screen(List.of(strongBuyAt80, buyAt65, holdAt45, reduceAt30, avoidAt25));

        assertThat(results).extracting(Recommendation::score).containsExactly(80, 65, 45, 30, 25);
        assertThat(results).extracting(Recommendation::band)
                .containsExactly(Band.STRONG_BUY, Band.BUY, Band.HOLD, Band.REDUCE, Band.AVOID);
    }

    @Test
    void scoreIsClampedToZeroToHundredOnceAtTheEnd() {
        Company everythingGood = neutral("UP", Segment.APPLICATION_SOFTWARE).proprietaryData(true).ownsCompute(true)
                .distributionSwitchingCost(SwitchingCost.HIGH).revenueGrowth(0.5).agenticProductionContracts(3)
                .sovereignAiExposure(true).build(); // 50 + 10 + 12 + 10 + 5 + 10 + 5 + 3 = 105
        Company everythingBad = neutral("DOWN", Segment.MODEL_PROVIDER).apiRevenueShare(0.9).tokenVolumeGrowth(0.2)
                .pricePerTokenChange(-0.8).openSourceGapMonths(2.0).grossMarginChange(-0.1).euRevenueShare(0.4)
                .marketCapUsd(2e9).capexToRevenue(0.6).singleGeographyFabDependency(0.95).build(); // 50-25-10-5-20-8-5-5 = -28

        List<Recommendation> results = screener.screen(List.of(everythingGood, everythingBad));

        assertThat(results.get(0).score()).isEqualTo(100);
        assertThat(results.get(1).score()).isZero();
        assertThat(results.get(1).band()).isEqualTo(Band.AVOID);
    }

    @Test
    void moatNoneCapsTheBandAtReduceWithoutChangingTheScore() {
        Company purePlay = neutral("PP", Segment.MODEL_PROVIDER).apiRevenueShare(0.9).tokenVolumeGrowth(4.0)
                .pricePerTokenChange(-0.5).agenticProductionContracts(2).sovereignAiExposure(true).build(); // 50-25+15+5+3 = 48

        Recommendation result = screener.screen(purePlay);

        assertThat(result.score()).isEqualTo(48);
        assertThat(result.scoreBand()).isEqualTo(Band.HOLD);
        assertThat(result.band()).isEqualTo(Band.REDUCE);
        assertThat(result.caps()).containsExactly(new Cap("MOAT-NONE", Band.REDUCE));
    }

    @Test
    void volShrinkCapsTheBandAtHold() {
        Company shrinking = apiSeller("SH", 0.5, -0.8).proprietaryData(true).ownsCompute(true)
                .distributionSwitchingCost(SwitchingCost.HIGH).build(); // 50 + 10 + 12 + 10 + 5 - 20 = 67

        Recommendation result = screener.screen(shrinking);

        assertThat(result.score()).isEqualTo(67);
        assertThat(result.scoreBand()).isEqualTo(Band.BUY);
        assertThat(result.band()).isEqualTo(Band.HOLD);
    }

    @Test
    void aPurePlayApiProviderWithNoMoatAndTwiceTheDeflationLandsAtReduceOrBelow() {
        Company provider = neutral("API", Segment.MODEL_PROVIDER).apiRevenueShare(0.95).tokenVolumeGrowth(1.6)
                .pricePerTokenChange(-0.8).openSourceGapMonths(9.0).build();

        Recommendation result = screener.screen(provider);

        assertThat(result.band()).isIn(Band.REDUCE, Band.AVOID);
        assertThat(result.findings()).extracting(Finding::ruleId).contains("MOAT-NONE", "VOL-SHORT");
    }

    @Test
    void derivedFiguresCarryTheRatioAndImpliedRevenuePerUnitGrowth() {
        Recommendation result = screener.screen(apiSeller("D", 1.6, -0.8).proprietaryData(true).build());

        assertThat(result.derived().moatAnchorCount()).isEqualTo(1);
        assertThat(result.derived().volumeToDeflationRatio()).isCloseTo(2.0, within(1e-9));
        assertThat(result.derived().impliedRevenuePerUnitGrowth()).isCloseTo((1 + 1.6) * (1 - 0.8) - 1, within(1e-9));
        assertThat(result.derived().priceChangeAssumed()).isFalse();
    }

    @Test
    void aMissingPriceChangeUsesTheIndustrysAnnualisedDeflation() {
        Recommendation result = screener.screen(apiSeller("IND", 2.0, null).build());

        double annualised = Math.pow(0.1, 12.0 / 18.0) - 1; // "90% reduction over 18 months"
        assertThat(annualised).isCloseTo(-0.7846, within(1e-4));
        assertThat(result.derived().priceChangeAssumed()).isTrue();
        assertThat(result.derived().volumeToDeflationRatio()).isCloseTo(2.0 / -annualised, within(1e-9));
        assertThat(result.findings()).extracting(Finding::ruleId).contains("VOL-ASSUMED", "VOL-SHORT");
    }

    @Test
    void aPriceThatRoseLeavesTheRatioUndefinedButPassesTheVolumeTest() {
        Recommendation result = screener.screen(apiSeller("UP", 0.3, 0.1).build());

        assertThat(result.derived().volumeToDeflationRatio()).isNull();
        assertThat(result.derived().impliedRevenuePerUnitGrowth()).isCloseTo(1.3 * 1.1 - 1, within(1e-9));
        assertThat(result.findings()).extracting(Finding::ruleId).contains("VOL-3X");
    }

    @Test
    void missingInputsAreListedAsTestsNotRunAndLowerConfidence() {
        Recommendation bare = screener.screen(Company.builder("BARE", Segment.OTHER).build());
        Recommendation full = screener.screen(neutral("FULL", Segment.OTHER).build());

        assertThat(bare.findings()).isEmpty();
        assertThat(bare.score()).isEqualTo(50);
        assertThat(bare.confidence()).isZero();
        assertThat(bare.testsNotRun()).extracting(TestNotRun::ruleId).contains("MOAT-DATA", "VOL-3X", "RISK-FAB")
                .doesNotContain("TIER1-RERATED", "CHIP-DEMAND", "TIER2-NEXT-LEG");
        assertThat(bare.testsNotRun()).filteredOn(t -> t.ruleId().equals("RISK-EU-ACT")).singleElement()
                .extracting(TestNotRun::missingInputs).isEqualTo(List.of("euRevenueShare", "marketCapUsd"));
        assertThat(full.confidence()).isEqualTo(1.0);
        assertThat(full.testsNotRun()).isEmpty();
    }

    @Test
    void confidenceCountsOnlyTestsThatApplyToTheSegment() {
        Recommendation chip = screener.screen(neutral("CHIP", Segment.SEMICONDUCTORS).hyperscalerRevenueShare(null).build());

        assertThat(chip.testsNotRun()).extracting(TestNotRun::ruleId).containsExactly("CHIP-INHOUSE");
        assertThat(chip.confidence()).isLessThan(1.0).isGreaterThan(0.9);
    }

    @Test
    void theSameInputGivesTheSameOutputAndABatchMatchesSingleCalls() {
        List<Company> companies = new ArrayList<>();
        companies.add(apiSeller("A", 1.6, -0.8).build());
        companies.add(neutral("B", Segment.SEMICONDUCTORS).evToSales(20.0).ownsCompute(true).build());
        companies.add(apiSeller("C", 4.0, null).proprietaryData(true).build());

        List<Recommendation> first = screener.screen(companies);
        List<Recommendation> second = screener.screen(companies);
        List<Recommendation> single = companies.stream().map(screener::screen).toList();

        assertThat(second).isEqualTo(first);
        assertThat(single).isEqualTo(first);
        assertThat(first).extracting(Recommendation::ticker).containsExactly("A", "B", "C");
    }

    @Test
    void findingsAreOrderedByLargestEffectFirst() {
        Recommendation result = screener.screen(neutral("O", Segment.OTHER).proprietaryData(true).ownsCompute(true)
                .sovereignAiExposure(true).build());

        assertThat(result.findings()).extracting(Finding::ruleId)
                .containsExactly("MOAT-COMPUTE", "MOAT-DATA", "MOAT-DURABLE", "WATCH-SOVEREIGN");
    }

    @Test
    void everyResultNamesTheRuleSetVersion() {
        assertThat(screener.screen(neutral("V", Segment.OTHER).build()).ruleSetVersion())
                .isEqualTo(ShippedRules.ruleSet().version())
                .matches("[0-9a-f]{12}");
    }

    @Test
    void rankingPutsTheBestBandFirstThenTheHigherScore() {
        Recommendation capped = screener.screen(neutral("CAP", Segment.MODEL_PROVIDER).apiRevenueShare(0.9)
                .tokenVolumeGrowth(4.0).pricePerTokenChange(-0.5).agenticProductionContracts(2).sovereignAiExposure(true).build());
        Recommendation hold = screener.screen(neutral("HLD", Segment.OTHER).singleGeographyFabDependency(0.95).build());
        Recommendation buy = screener.screen(neutral("BUY", Segment.OTHER).proprietaryData(true).build());

        assertThat(List.of(capped, hold, buy).stream().sorted(Recommendation.RANKING).map(Recommendation::ticker))
                .containsExactly("BUY", "HLD", "CAP");
    }
}
