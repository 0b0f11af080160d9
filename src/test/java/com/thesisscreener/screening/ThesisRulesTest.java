package com.thesisscreener.screening;

import static com.thesisscreener.screening.ShippedRules.apiSeller;
import static com.thesisscreener.screening.ShippedRules.neutral;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.rules.ThesisCatalogue;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every thesis rule id, with a company it fires for and one it does not, at the thresholds THESIS.md gives. */
class ThesisRulesTest {

    static final Set<String> THESIS_RULE_IDS = ThesisCatalogue.shipped().ruleIds();

    static Stream<Arguments> firing() {
        return Stream.of(
                fires("MOAT-DATA", 10, "the company controls proprietary data", neutral("A", Segment.OTHER).proprietaryData(true)),
                fires("MOAT-DIST", 10, "switching costs are HIGH", neutral("A", Segment.OTHER).distributionSwitchingCost(SwitchingCost.HIGH)),
                fires("MOAT-DIST", 5, "switching costs are MEDIUM", neutral("A", Segment.OTHER).distributionSwitchingCost(SwitchingCost.MEDIUM)),
                fires("MOAT-COMPUTE", 12, "the company owns compute", neutral("A", Segment.OTHER).ownsCompute(true)),
                fires("MOAT-DURABLE", 5, "two anchors are held", neutral("A", Segment.OTHER).proprietaryData(true).ownsCompute(true)),
                fires("MOAT-NONE", -25, "a model provider holds no anchor", neutral("A", Segment.MODEL_PROVIDER)),
                fires("MOAT-NONE", -25, "half of revenue comes through APIs and no anchor is held", neutral("A", Segment.OTHER).apiRevenueShare(0.5)),
                fires("API-OPEN-SOURCE", -10, "30% API revenue and open models 6 months behind", neutral("A", Segment.OTHER).apiRevenueShare(0.3).openSourceGapMonths(6.0)),
                fires("API-MARGIN", -5, "40% API revenue and gross margin falling", neutral("A", Segment.OTHER).apiRevenueShare(0.4).grossMarginChange(-0.01)),
                fires("VOL-3X", 15, "volume grew exactly 3x the deflation", apiSeller("A", 1.5, -0.5)),
                fires("VOL-3X", 15, "the price per token did not fall", apiSeller("A", 0.4, 0.05)),
                fires("VOL-SHORT", -10, "volume grew 2x the deflation", apiSeller("A", 1.6, -0.8)),
                fires("VOL-SHORT", -10, "volume grew exactly 1x the deflation", apiSeller("A", 0.8, -0.8)),
                fires("VOL-SHRINK", -20, "volume grew 0.6x the deflation", apiSeller("A", 0.5, -0.8)),
                fires("VOL-ASSUMED", 0, "the price change is missing", apiSeller("A", 4.0, null)),
                fires("TIER1-RERATED", -10, "a chip designer trades at 15x sales", neutral("A", Segment.SEMICONDUCTORS).evToSales(15.0)),
                fires("TIER1-RERATED", -10, "a data center REIT trades at 20x sales", neutral("A", Segment.DATA_CENTER_REIT).evToSales(20.0)),
                fires("TIER2-NEXT-LEG", 10, "application software grows 20%", neutral("A", Segment.APPLICATION_SOFTWARE).revenueGrowth(0.20)),
                fires("CHIP-INHOUSE", -5, "40% of chip revenue comes from hyperscalers", neutral("A", Segment.SEMICONDUCTORS).hyperscalerRevenueShare(0.4)),
                fires("CHIP-DEMAND", 5, "chip revenue grows 40%", neutral("A", Segment.SEMICONDUCTORS).revenueGrowth(0.40)),
                fires("RISK-EU-ACT", -8, "25% EU revenue at a $9.9B market cap", neutral("A", Segment.OTHER).euRevenueShare(0.25).marketCapUsd(9.9e9)),
                fires("RISK-FAB", -5, "90% of chip supply comes from one geography", neutral("A", Segment.OTHER).singleGeographyFabDependency(0.9)),
                fires("RISK-DEMAND", -5, "capex is 40% of revenue", neutral("A", Segment.OTHER).capexToRevenue(0.4)),
                fires("WATCH-AGENTIC", 5, "one agentic production contract is signed", neutral("A", Segment.OTHER).agenticProductionContracts(1)),
                fires("WATCH-SOVEREIGN", 3, "the company sells into sovereign AI programmes", neutral("A", Segment.OTHER).sovereignAiExposure(true)));
    }

    static Stream<Arguments> notFiring() {
        return Stream.of(
                doesNotFire("MOAT-DATA", "the company has no proprietary data", neutral("A", Segment.OTHER).proprietaryData(false)),
                doesNotFire("MOAT-DIST", "switching costs are LOW", neutral("A", Segment.OTHER).distributionSwitchingCost(SwitchingCost.LOW)),
                doesNotFire("MOAT-COMPUTE", "the company owns no compute", neutral("A", Segment.OTHER).ownsCompute(false)),
                doesNotFire("MOAT-DURABLE", "only one anchor is held (MEDIUM switching cost is no anchor)",
                        neutral("A", Segment.OTHER).proprietaryData(true).distributionSwitchingCost(SwitchingCost.MEDIUM)),
                doesNotFire("MOAT-NONE", "a model provider owns compute", neutral("A", Segment.MODEL_PROVIDER).ownsCompute(true)),
                doesNotFire("MOAT-NONE", "49% API revenue is no pure play", neutral("A", Segment.OTHER).apiRevenueShare(0.49)),
                doesNotFire("MOAT-NONE", "whether a model provider has proprietary data is unknown", neutral("A", Segment.MODEL_PROVIDER).proprietaryData(null)),
                doesNotFire("API-OPEN-SOURCE", "open models trail by 7 months", neutral("A", Segment.OTHER).apiRevenueShare(0.3).openSourceGapMonths(7.0)),
                doesNotFire("API-OPEN-SOURCE", "only 29% of revenue comes through APIs", neutral("A", Segment.OTHER).apiRevenueShare(0.29).openSourceGapMonths(3.0)),
                doesNotFire("API-MARGIN", "gross margin held steady", neutral("A", Segment.OTHER).apiRevenueShare(0.4).grossMarginChange(0.0)),
                doesNotFire("VOL-3X", "volume grew 2x the deflation", apiSeller("A", 1.6, -0.8)),
                doesNotFire("VOL-3X", "the company sells nothing through APIs", neutral("A", Segment.OTHER).apiRevenueShare(0.0).tokenVolumeGrowth(5.0).pricePerTokenChange(-0.5)),
                doesNotFire("VOL-SHORT", "volume grew exactly 3x the deflation", apiSeller("A", 1.5, -0.5)),
                doesNotFire("VOL-SHRINK", "volume grew exactly 1x the deflation", apiSeller("A", 0.8, -0.8)),
                doesNotFire("VOL-SHRINK", "token volume growth is unknown", apiSeller("A", 0.5, -0.8).tokenVolumeGrowth(null)),
                doesNotFire("VOL-ASSUMED", "the price change is reported", apiSeller("A", 4.0, -0.5)),
                doesNotFire("TIER1-RERATED", "a chip designer trades at 14.9x sales", neutral("A", Segment.SEMICONDUCTORS).evToSales(14.9)),
                doesNotFire("TIER1-RERATED", "a hyperscaler is not first tier", neutral("A", Segment.HYPERSCALER).evToSales(30.0)),
                doesNotFire("TIER2-NEXT-LEG", "application software grows 19%", neutral("A", Segment.APPLICATION_SOFTWARE).revenueGrowth(0.19)),
                doesNotFire("TIER2-NEXT-LEG", "a model provider is not second tier", neutral("A", Segment.MODEL_PROVIDER).ownsCompute(true).revenueGrowth(0.5)),
                doesNotFire("CHIP-INHOUSE", "39% of chip revenue comes from hyperscalers", neutral("A", Segment.SEMICONDUCTORS).hyperscalerRevenueShare(0.39)),
                doesNotFire("CHIP-INHOUSE", "the company is not a chip designer", neutral("A", Segment.OTHER).hyperscalerRevenueShare(0.6)),
                doesNotFire("CHIP-DEMAND", "chip revenue grows 39%", neutral("A", Segment.SEMICONDUCTORS).revenueGrowth(0.39)),
                doesNotFire("RISK-EU-ACT", "the company is worth exactly $10B", neutral("A", Segment.OTHER).euRevenueShare(0.3).marketCapUsd(10e9)),
                doesNotFire("RISK-EU-ACT", "24% of revenue comes from the EU", neutral("A", Segment.OTHER).euRevenueShare(0.24).marketCapUsd(1e9)),
                doesNotFire("RISK-FAB", "89% of chip supply comes from one geography", neutral("A", Segment.OTHER).singleGeographyFabDependency(0.89)),
                doesNotFire("RISK-DEMAND", "capex is 39% of revenue", neutral("A", Segment.OTHER).capexToRevenue(0.39)),
                doesNotFire("WATCH-AGENTIC", "no agentic production contract is signed", neutral("A", Segment.OTHER).agenticProductionContracts(0)),
                doesNotFire("WATCH-SOVEREIGN", "the company has no sovereign exposure", neutral("A", Segment.OTHER).sovereignAiExposure(false)));
    }

    @ParameterizedTest(name = "{0} fires with {1} points when {2}")
    @MethodSource("firing")
    void ruleFiresWithItsPoints(String ruleId, int points, String when, Company company) {
        Recommendation result = ShippedRules.screener().screen(company);

        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(ruleId))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.points()).isEqualTo(points);
                    assertThat(f.sentence()).isNotBlank();
                    assertThat(f.thesis()).isNotBlank();
                });
    }

    @ParameterizedTest(name = "{0} does not fire when {1}")
    @MethodSource("notFiring")
    void ruleDoesNotFire(String ruleId, String when, Company company) {
        Recommendation result = ShippedRules.screener().screen(company);

        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(ruleId);
    }

    @Test
    void aNeutralCompanyTriggersNoRuleAndScoresTheStartingFifty() {
        Recommendation result = ShippedRules.screener().screen(neutral("N", Segment.OTHER).build());

        assertThat(result.findings()).isEmpty();
        assertThat(result.score()).isEqualTo(50);
        assertThat(result.band()).isEqualTo(Band.HOLD);
    }

    @Test
    void everyThesisRuleIdHasAFiringAndANonFiringCase() {
        assertThat(ids(firing())).containsExactlyInAnyOrderElementsOf(THESIS_RULE_IDS);
        assertThat(ids(notFiring())).containsExactlyInAnyOrderElementsOf(THESIS_RULE_IDS);
    }

    @Test
    void everyThesisRuleIdExistsInTheShippedRules() {
        List<String> fired = firing().map(a -> ShippedRules.screener().screen((Company) a.get()[3]))
                .flatMap(r -> r.findings().stream()).map(Finding::ruleId).distinct().toList();

        assertThat(fired).containsAll(THESIS_RULE_IDS);
    }

    @Test
    void findingSentencesStateTheCompanysValueAndTheThreshold() {
        Recommendation result = ShippedRules.screener().screen(apiSeller("V", 1.6, -0.8).build());

        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("VOL-SHORT")).singleElement()
                .extracting(Finding::sentence)
                .isEqualTo("token volume grew 2.0x the price deflation (volume +160%, price per token -80%); the thesis asks for 3.0x");
    }

    private static Set<String> ids(Stream<Arguments> cases) {
        return cases.map(a -> (String) a.get()[0]).collect(Collectors.toSet());
    }

    private static Arguments fires(String ruleId, int points, String when, Company.Builder company) {
        return Arguments.of(ruleId, points, when, company.build());
    }

    private static Arguments doesNotFire(String ruleId, String when, Company.Builder company) {
        return Arguments.of(ruleId, when, company.build());
    }

}
