package com.thesisscreener.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.cli.SyntheticCompanies;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.ShippedRules;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The differential test: the shipped rules and the plain-Java reading of THESIS.md agree on 100,000 generated
 * companies (score, band, the band from the score alone, and every finding with its points and sentence). It
 * guards both: a rule file that drifts from the thesis, and an engine change that alters results.
 */
class ReferenceAgreementTest {

    private static final int COMPANIES = 100_000;

    @Test
    void theRulesAndThePlainJavaThesisAgreeOnEveryGeneratedCompany() {
        List<Company> companies = withGaps(SyntheticCompanies.generate(COMPANIES, 20260301));

        List<Recommendation> engine = ShippedRules.screener().screen(companies);

        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < companies.size() && disagreements.size() < 10; i++) {
            ReferenceThesis.Result expected = ReferenceThesis.screen(companies.get(i));
            Recommendation actual = engine.get(i);
            if (actual.score() != expected.score() || actual.band() != expected.band() || actual.scoreBand() != expected.scoreBand()
                    || !findings(actual).equals(expected.findings())) {
                disagreements.add(companies.get(i) + "\n    rules:     " + actual.score() + " " + actual.band() + " " + findings(actual)
                        + "\n    reference: " + expected.score() + " " + expected.band() + " " + expected.findings());
            }
        }
        assertThat(disagreements).as("companies the rules and the reference score differently").isEmpty();
    }

    @Test
    void theGeneratedCompaniesReachEveryRuleAndEveryBand() {
        List<Company> companies = withGaps(SyntheticCompanies.generate(COMPANIES / 10, 20260301));

        List<ReferenceThesis.Result> results = companies.stream().map(ReferenceThesis::screen).toList();

        assertThat(results.stream().flatMap(r -> r.ruleIds().stream()).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(com.thesisscreener.rules.ThesisCatalogue.shippedRuleIds());
        assertThat(results.stream().map(ReferenceThesis.Result::band).distinct().count()).isEqualTo(5);
    }

    private static List<ReferenceThesis.Finding> findings(Recommendation r) {
        return r.findings().stream().map((Finding f) -> new ReferenceThesis.Finding(f.ruleId(), f.points(), f.sentence())).toList();
    }

    /** One company in four loses one input, so the tests that need it are skipped on both sides. */
    private static List<Company> withGaps(List<Company> companies) {
        SplittableRandom random = new SplittableRandom(7);
        List<Company> gapped = new ArrayList<>(companies.size());
        for (Company c : companies) {
            Company.Builder b = c.toBuilder();
            switch (random.nextInt(16)) {
                case 0 -> b.proprietaryData(null);
                case 1 -> b.distributionSwitchingCost(null);
                case 2 -> b.ownsCompute(null);
                case 3 -> b.apiRevenueShare(null);
                case 4 -> b.tokenVolumeGrowth(null);
                case 5 -> b.marketCapUsd(null);
                case 6 -> b.agenticProductionContracts(null);
                case 7 -> b.sovereignAiExposure(null);
                case 8 -> b.revenueGrowth(null);
                case 9 -> b.openSourceGapMonths(null);
                case 10 -> b.grossMarginChange(null);
                case 11 -> b.evToSales(15.0);
                case 12 -> b.apiRevenueShare(0.30);
                default -> {
                }
            }
            gapped.add(b.build());
        }
        return gapped;
    }
}
