package com.thesisscreener.screening;

import static com.thesisscreener.screening.ShippedRules.apiSeller;
import static com.thesisscreener.screening.ShippedRules.neutral;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.rules.RuleCompilationException;
import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.RuleSetCompiler;
import com.thesisscreener.rules.WhatIfRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Hand-computed what-if answers, one per kind of threshold the shipped rules use (THESIS.md, "Scoring"). */
class WhatIfSearchTest {

    private static final WhatIfSearch SEARCH = WhatIfRules.searchFor(ShippedRules.ruleSet());
    private final Screener screener = ShippedRules.screener();

    @Test
    void anInclusiveThresholdIsReportedAtTheThresholdItself() {
        // HOLD at 50; TIER1-RERATED fires at EV/sales >= 15 (-10 -> 40, REDUCE).
        Company chipMaker = neutral("CHIP", Segment.SEMICONDUCTORS).evToSales(12.0).build();

        assertThat(answer(chipMaker, "evToSales", 12.0, +1)).contains(new WhatIf("evToSales", 15.0, Band.REDUCE, "down"));
        assertThat(WhatIfSentences.sentence(chipMaker, Band.HOLD, answer(chipMaker, "evToSales", 12.0, +1).orElseThrow()))
                .isEqualTo("an EV/sales of 15.0 (now 12.0) would drop CHIP from HOLD to REDUCE");
    }

    @Test
    void anInclusiveThresholdAlreadyMetIsLeftOneStepBelowIt() {
        // REDUCE at 40 because EV/sales 15 >= 15; at 14.99 (EV/sales to 0.01) TIER1-RERATED no longer fires: HOLD.
        Company chipMaker = neutral("CHIP", Segment.SEMICONDUCTORS).evToSales(15.0).build();

        assertThat(answer(chipMaker, "evToSales", 15.0, -1)).contains(new WhatIf("evToSales", 14.99, Band.HOLD, "up"));
    }

    @Test
    void aStrictThresholdIsReportedOnePrecisionStepBeyondIt() {
        // 50 - 5 (RISK-FAB) = 45, HOLD; API-MARGIN needs a gross margin change < 0 (-5 -> 40, REDUCE).
        Company apiLayer = neutral("MRGN", Segment.OTHER).apiRevenueShare(0.3).singleGeographyFabDependency(0.95).build();
        // RISK-EU-ACT needs a market cap < $10B: one million dollars below it.
        Company european = neutral("EURO", Segment.OTHER).euRevenueShare(0.3).singleGeographyFabDependency(0.95).build();

        assertThat(answer(apiLayer, "grossMarginChange", 0.01, -1)).contains(new WhatIf("grossMarginChange", -0.001, Band.REDUCE, "down"));
        assertThat(answer(european, "marketCapUsd", 50e9, -1)).contains(new WhatIf("marketCapUsd", 9_999e6, Band.REDUCE, "down"));
    }

    @Test
    void aRatioThresholdIsFoundByTheRulesArithmeticNotByRearrangingIt() {
        // Volume 1.6 / deflation 0.8 = 2: VOL-SHORT, 50 - 10 = 40, REDUCE. VOL-3X (+15 -> 65, BUY) needs a ratio >= 3.
        // 3 x 0.8 = 2.4, but the rules divide in doubles: 2.4 / 0.8 = 2.9999999999999996 < 3, so 2.401 is the nearest.
        Company apiSeller = apiSeller("VOL", 1.6, -0.8).build();

        assertThat(answer(apiSeller, "tokenVolumeGrowth", 1.6, +1)).contains(new WhatIf("tokenVolumeGrowth", 2.401, Band.BUY, "up"));
        assertThat(screener.screen(withValue(apiSeller, "tokenVolumeGrowth", 2.4)).band()).isEqualTo(Band.REDUCE);
        // Price side: 1.6 / 0.533 = 3.002 passes, 1.6 / 0.534 = 2.996 does not.
        assertThat(answer(apiSeller, "pricePerTokenChange", -0.8, +1)).contains(new WhatIf("pricePerTokenChange", -0.533, Band.BUY, "up"));
        // Below a ratio of 1, VOL-SHRINK (-20, cap HOLD) gives 30: still REDUCE, so lowering volume moves nothing.
        assertThat(answer(apiSeller, "tokenVolumeGrowth", 1.6, -1)).isEmpty();
    }

    @Test
    void aChangeThatLiftsACapIsAnUpgradeEvenThoughTheScoreBandWasThereAllAlong() {
        // 50 + 10 + 10 + 12 + 5 - 20 (VOL-SHRINK) = 67: BUY by score, capped at HOLD. At a ratio of exactly 1
        // (0.8 / 0.8) VOL-SHORT takes over: 77, no cap, BUY.
        Company capped = apiSeller("CAPD", 0.4, -0.8).proprietaryData(true).distributionSwitchingCost(SwitchingCost.HIGH)
                .ownsCompute(true).build();
        assertThat(screener.screen(capped).band()).isEqualTo(Band.HOLD);
        assertThat(screener.screen(capped).scoreBand()).isEqualTo(Band.BUY);

        assertThat(answer(capped, "tokenVolumeGrowth", 0.4, +1)).contains(new WhatIf("tokenVolumeGrowth", 0.8, Band.BUY, "up"));
    }

    @Test
    void aCapIsAlsoWhatADowngradeCanHitFirst() {
        // Pure-play model provider: 50 - 25 + 15 + 5 + 3 = 48, HOLD by score, capped at REDUCE by MOAT-NONE.
        Company purePlay = apiSeller("PURE", 4.0, -0.5).segment(Segment.MODEL_PROVIDER).agenticProductionContracts(2)
                .sovereignAiExposure(true).build();

        // Proprietary data removes MOAT-NONE (and its cap) and adds MOAT-DATA: 50 + 10 + 15 + 5 + 3 = 83.
        assertThat(SEARCH.find(purePlay)).contains(new WhatIf("proprietaryData", true, Band.STRONG_BUY, "up"));
        // 1.5 / 0.5 = 3 exactly still passes; 1.499 gives VOL-SHORT: 50 - 25 - 10 + 8 = 23, AVOID.
        assertThat(answer(purePlay, "tokenVolumeGrowth", 4.0, -1)).contains(new WhatIf("tokenVolumeGrowth", 1.499, Band.AVOID, "down"));
    }

    @Test
    void oneChangeCanStopOneRuleAndFireAnother() {
        // Proprietary data +10 and MEDIUM switching cost (MOAT-DIST +5): 65, BUY.
        Company dataOwner = neutral("DATA", Segment.OTHER).proprietaryData(true).distributionSwitchingCost(SwitchingCost.MEDIUM).build();
        Recommendation today = screener.screen(dataOwner);
        assertThat(today.band()).isEqualTo(Band.BUY);

        // Volume: VOL-SHORT (-10) stops and VOL-3X (+15) fires with one change of token volume growth.
        Company apiSeller = apiSeller("VOL", 1.6, -0.8).build();
        WhatIf lift = answer(apiSeller, "tokenVolumeGrowth", 1.6, +1).orElseThrow();
        Recommendation changed = screener.screen(withValue(apiSeller, "tokenVolumeGrowth", lift.value()));
        assertThat(changed.findings()).extracting(Finding::ruleId).contains("VOL-3X").doesNotContain("VOL-SHORT");
        assertThat(changed.score()).isEqualTo(65);
        // HIGH switching cost makes MOAT-DIST +10 and, as a second anchor, fires MOAT-DURABLE +5: 75, still BUY, so no
        // answer; NONE stops MOAT-DIST: 60, HOLD.
        Recommendation high = screener.screen(withValue(dataOwner, "distributionSwitchingCost", SwitchingCost.HIGH));
        assertThat(high.findings()).extracting(Finding::ruleId).contains("MOAT-DIST", "MOAT-DURABLE");
        assertThat(SEARCH.find(dataOwner)).noneMatch(w -> w.field().equals("distributionSwitchingCost") && w.value() == SwitchingCost.HIGH);
        assertThat(SEARCH.find(dataOwner)).contains(new WhatIf("distributionSwitchingCost", SwitchingCost.NONE, Band.HOLD, "down"));
    }

    @Test
    void aCountThresholdIsAWholeNumber() {
        // 50 - 5 (RISK-FAB) - 5 (RISK-DEMAND) = 40, REDUCE; one agentic production contract (+5) makes 45, HOLD.
        Company noContracts = neutral("AGNT", Segment.OTHER).singleGeographyFabDependency(0.95).capexToRevenue(0.5).build();
        assertThat(screener.screen(noContracts).band()).isEqualTo(Band.REDUCE);

        assertThat(answer(noContracts, "agenticProductionContracts", 0, +1))
                .contains(new WhatIf("agenticProductionContracts", 1, Band.HOLD, "up"));
        assertThat(answer(noContracts, "agenticProductionContracts", 0, -1)).isEmpty();
    }

    @Test
    void yesNoInputsAndTheSwitchingCostTryEveryOtherValue() {
        Company plain = neutral("PLN", Segment.OTHER).singleGeographyFabDependency(0.95).capexToRevenue(0.5).build(); // 40, REDUCE

        List<WhatIf> answers = SEARCH.find(plain);

        assertThat(answers).contains(
                new WhatIf("proprietaryData", true, Band.HOLD, "up"),
                new WhatIf("ownsCompute", true, Band.HOLD, "up"),
                new WhatIf("distributionSwitchingCost", SwitchingCost.MEDIUM, Band.HOLD, "up"),
                new WhatIf("distributionSwitchingCost", SwitchingCost.HIGH, Band.HOLD, "up"));
        // Sovereign AI exposure (+3) makes 43 and LOW switching cost is what it has: neither moves the band.
        assertThat(answers).extracting(WhatIf::field).doesNotContain("sovereignAiExposure");
        assertThat(answers).noneMatch(w -> w.value() == SwitchingCost.NONE);
    }

    @Test
    void missingInputsSegmentAndNamesAreNeverVariedAndValuesStayInTheirRange() {
        Company sparse = Company.builder("SPRS", Segment.MODEL_PROVIDER).apiRevenueShare(0.9).tokenVolumeGrowth(0.5)
                .agenticProductionContracts(3).build();

        List<WhatIf> answers = SEARCH.find(sparse);

        assertThat(answers).extracting(WhatIf::field).isSubsetOf("apiRevenueShare", "tokenVolumeGrowth", "agenticProductionContracts");
        for (WhatIf answer : answers) {
            FieldDomain domain = CompanyField.byName(answer.field()).orElseThrow().domain();
            double value = ((Number) answer.value()).doubleValue();
            assertThat(value).isBetween(domain.lowest(), domain.highest());
        }
    }

    @Test
    void answersFollowTheRuleFilesWhenAThresholdIsEdited() throws IOException, RuleCompilationException {
        List<RuleFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(Path.of("rules"))) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = path.getFileName().toString();
                if (!name.endsWith(".drl") && !name.endsWith(".drl.xlsx")) continue;
                byte[] bytes = Files.readAllBytes(path);
                if (name.equals("volume.drl")) {
                    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("function double requiredVolumeMultiple() { return 3.0; }", "function double requiredVolumeMultiple() { return 2.5; }");
                    assertThat(text).contains("return 2.5;");
                    bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                files.add(new RuleFile(name, bytes));
            }
        }
        RuleSet edited = new RuleSetCompiler().compile(files);
        Company apiSeller = apiSeller("VOL", 1.6, -0.8).build();

        // 2.5 x 0.8 = 2.0, and 2.0 / 0.8 is exactly 2.5 in doubles.
        assertThat(WhatIfRules.searchFor(edited).find(apiSeller)).contains(new WhatIf("tokenVolumeGrowth", 2.0, Band.BUY, "up"));
    }

    @Test
    void theSearchFindsTheSameAnswersWithoutAnySeedFromTheRuleText() {
        Company apiSeller = apiSeller("VOL", 1.6, -0.8).build();
        Company chipMaker = neutral("CHIP", Segment.SEMICONDUCTORS).evToSales(12.0).build();

        WhatIfSearch unseeded = new WhatIfSearch(screener, WhatIfSeeds.none());

        assertThat(unseeded.findAll(List.of(apiSeller, chipMaker))).isEqualTo(SEARCH.findAll(List.of(apiSeller, chipMaker)));
    }

    @Test
    void aSentenceSaysTheValueTheBandAndWhatItIsNow() {
        Company apiSeller = apiSeller("VRSP", 1.6, -0.8).build();
        WhatIf lift = answer(apiSeller, "tokenVolumeGrowth", 1.6, +1).orElseThrow();

        assertThat(WhatIfSentences.sentence(apiSeller, Band.REDUCE, lift))
                .isEqualTo("token volume growth of 2.401x (now 1.60x) would lift VRSP from REDUCE to BUY");
    }

    /** The answer for one field on one side of its value (+1 above, -1 below). */
    private static Optional<WhatIf> answer(Company company, String field, double now, int side) {
        return SEARCH.find(company).stream()
                .filter(w -> w.field().equals(field))
                .filter(w -> Double.compare(((Number) w.value()).doubleValue(), now) == side)
                .findFirst();
    }

    private static Company withValue(Company company, String field, Object value) {
        return CompanyField.byName(field).orElseThrow().with(company, value);
    }
}
