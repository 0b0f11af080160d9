package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.importing.ImportLimits;
import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.PortfolioReader;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.ShippedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The analysts' scenarios in rules/tests/ pin the thesis; mvn verify fails listing any that does not hold. */
class RuleScenariosTest {

    @TempDir
    Path tests;

    /** One test per scenario in rules/tests/, named by its file, line and title, so a report names what broke. */
    @TestFactory
    Stream<DynamicTest> eachShippedScenarioHolds() {
        RuleScenarios.Report report = RuleScenarios.run(ShippedRules.ruleSet(), Path.of("rules", "tests"));

        assertThat(report.problems()).as("unreadable scenario files").isEmpty();
        assertThat(report.outcomes()).as("scenarios found in rules/tests").hasSizeGreaterThanOrEqualTo(8);
        return report.outcomes().stream().map(outcome -> DynamicTest.dynamicTest(outcome.scenario().where(),
                () -> assertThat(outcome.failures()).as("got: %s", outcome.actual()).isEmpty()));
    }

    @Test
    void aFailingScenarioSaysWhatCameOutInstead() throws IOException {
        Files.writeString(tests.resolve("wrong.yaml"), """
                - name: a chip company at 20x is a buy
                  company:
                    segment: semiconductors
                    evToSales: 20x
                    singleGeographyFabDependency: 95%
                  expect:
                    band: BUY
                    score: { min: 60 }
                    findings: [TIER1-RERATED -5, CHIP-DEMAND]
                    absent: [RISK-FAB]
                    caps: [REDUCE]
                """);

        RuleScenarios.Report report = RuleScenarios.run(ShippedRules.ruleSet(), tests);

        assertThat(report.passed()).isFalse();
        assertThat(report.failed()).singleElement().satisfies(outcome -> {
            assertThat(outcome.scenario().where()).isEqualTo("wrong.yaml:1 \"a chip company at 20x is a buy\"");
            assertThat(outcome.failures()).containsExactly(
                    "expected band BUY, got REDUCE",
                    "expected score of at least 60, got 35",
                    "expected finding TIER1-RERATED to give -5, it gave -10",
                    "expected finding CHIP-DEMAND, which did not fire",
                    "expected no finding RISK-FAB, but it fired: 95% of leading-edge chip supply from one geography (threshold 90%): "
                            + "a vulnerability capital expenditure cannot hedge",
                    "expected cap(s) REDUCE, not applied");
            assertThat(outcome.actual()).isEqualTo("score 35, band REDUCE; findings TIER1-RERATED -10, RISK-FAB -5; caps none");
        });
        assertThat(report.describeFailures()).startsWith("FAIL wrong.yaml:1 ").contains("  got: score 35, band REDUCE");
    }

    @Test
    void aScenarioThatCannotBeReadIsReportedWithItsLine() throws IOException {
        Files.writeString(tests.resolve("typo.yaml"), """
                scenarios:
                  - name: fine
                    company: { apiRevenueShare: 20%, tokenVolumeGrowth: 3.5, pricePerTokenChange: -100% }
                    expect: { findings: [VOL-3X] }
                  - name: mistyped input
                    company:
                      apiRevenueShar: 20%
                    expect: { band: HOLD }
                  - name: bad value
                    company:
                      ownsCompute: perhaps
                    expect: { band: HOLD }
                """);

        RuleScenarios.Report report = RuleScenarios.run(ShippedRules.ruleSet(), tests);

        assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.passed()).isTrue());
        assertThat(report.problems()).extracting(RuleError::toString).containsExactly(
                "typo.yaml:7:23 'apiRevenueShar' is not an input; inputs are ticker, name, segment, proprietaryData, "
                        + "distributionSwitchingCost, ownsCompute, apiRevenueShare, tokenVolumeGrowth, pricePerTokenChange, "
                        + "openSourceGapMonths, grossMargin, grossMarginChange, revenueGrowth, evToSales, marketCapUsd, euRevenueShare, "
                        + "singleGeographyFabDependency, hyperscalerRevenueShare, capexToRevenue, agenticProductionContracts, sovereignAiExposure",
                "typo.yaml:11:20 ownsCompute takes yes or no, not 'perhaps'");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void valuesAreReadLikePortfolioCells() throws Exception {
        assertThat(RuleScenarios.convert(com.thesisscreener.screening.CompanyField.API_REVENUE_SHARE, "45%", null)).isEqualTo(0.45);
        assertThat(RuleScenarios.convert(com.thesisscreener.screening.CompanyField.MARKET_CAP_USD, "$2.5B", null)).isEqualTo(2.5e9);
        assertThat(RuleScenarios.convert(com.thesisscreener.screening.CompanyField.EV_TO_SALES, "15x", null)).isEqualTo(15.0);
        assertThat(RuleScenarios.convert(com.thesisscreener.screening.CompanyField.MARKET_CAP_USD, "10e9", null)).isEqualTo(10e9);
        assertThat(RuleScenarios.convert(com.thesisscreener.screening.CompanyField.PROPRIETARY_DATA, "yes", null)).isEqualTo(true);
        assertThat(RuleScenarios.convert(com.thesisscreener.screening.CompanyField.DISTRIBUTION_SWITCHING_COST, "high", null))
                .isEqualTo(com.thesisscreener.screening.SwitchingCost.HIGH);
        assertThat(RuleScenarios.convert(com.thesisscreener.screening.CompanyField.GROSS_MARGIN, "n/a", null)).isNull();
    }

    @Test
    void aScenarioAndAnImportedPortfolioReadTheSameTextAsTheSameValues() throws Exception {
        Files.writeString(tests.resolve("comma.yaml"), """
                - name: typed with a decimal comma
                  company:
                    apiRevenueShare: 0,45
                    grossMargin: n.a.
                    evToSales: 12,5x
                  expect: {}
                """);
        Path csv = Files.writeString(tests.resolve("p.csv"),
                "ticker,segment,apiRevenueShare,grossMargin,evToSales\nA,OTHER,\"0,45\",n.a.,\"12,5x\"\n");

        Company scenario = RuleScenarios.load(tests).scenarios().get(0).company();
        Company imported = new PortfolioReader(ImportLimits.defaults()).read(csv).companies().get(0);

        assertThat(scenario.apiRevenueShare()).isEqualTo(imported.apiRevenueShare()).isEqualTo(0.45);
        assertThat(scenario.grossMargin()).isNull();
        assertThat(imported.grossMargin()).isNull();
        assertThat(scenario.evToSales()).isEqualTo(imported.evToSales()).isEqualTo(12.5);
    }

    @Test
    void aShareOf45IsRefusedByScenariosAsByTheImporterRatherThanReadAs45Percent() throws Exception {
        Files.writeString(tests.resolve("share.yaml"), """
                - name: a share typed as a whole percentage
                  company:
                    apiRevenueShare: 45
                  expect: {}
                """);
        Path csv = Files.writeString(tests.resolve("p.csv"), "ticker,segment,apiRevenueShare\nA,OTHER,45\n");

        RuleScenarios.Loaded loaded = RuleScenarios.load(tests);
        ImportedPortfolio imported = new PortfolioReader(ImportLimits.defaults()).read(csv);

        assertThat(loaded.problems()).extracting(RuleError::toString).containsExactly(
                "share.yaml:3:22 apiRevenueShare takes a fraction between 0 and 1 or a percentage like 45%, not '45'");
        assertThat(imported.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).endsWith("'45' is not readable; expected a fraction between 0 and 1 or a percentage like 45%"));
    }
}
