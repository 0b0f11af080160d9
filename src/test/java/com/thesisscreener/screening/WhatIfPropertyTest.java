package com.thesisscreener.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.rules.WhatIfRules;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * For generated companies: applying any reported change and screening again gives exactly the reported band,
 * and the value one precision step short of it (towards today's value) still gives today's band.
 */
class WhatIfPropertyTest {

    private static final Segment[] SEGMENTS = Segment.values();
    private static final SwitchingCost[] COSTS = SwitchingCost.values();

    private final Screener screener = ShippedRules.screener();
    private final WhatIfSearch search = WhatIfRules.searchFor(ShippedRules.ruleSet());

    @Test
    void everyReportedChangeGivesExactlyTheReportedBandAndAValueJustShortOfItDoesNot() {
        List<Company> companies = generate(300, 20261130L);
        List<Recommendation> today = screener.screen(companies);

        List<List<WhatIf>> answers = search.findAll(companies);

        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (int i = 0; i < companies.size(); i++) {
            Company company = companies.get(i);
            Band band = today.get(i).band();
            for (WhatIf answer : answers.get(i)) {
                CompanyField field = CompanyField.byName(answer.field()).orElseThrow();
                Band changed = screener.screen(field.with(company, answer.value())).band();
                softly.assertThat(changed).as("%s %s = %s", company.ticker(), answer.field(), answer.value()).isEqualTo(answer.band());
                softly.assertThat(answer.direction()).isEqualTo(changed.ordinal() < band.ordinal() ? "up" : "down");
                Object short_ = justShort(field, field.valueOf(company), answer.value());
                if (short_ != null) {
                    softly.assertThat(screener.screen(field.with(company, short_)).band())
                            .as("%s %s = %s, just short of %s", company.ticker(), answer.field(), short_, answer.value()).isEqualTo(band);
                }
                checked++;
            }
        }
        softly.assertAll();
        assertThat(checked).as("answers checked").isGreaterThan(1000);
        assertThat(answers.stream().flatMap(List::stream).map(WhatIf::field).distinct())
                .as("fields with answers").hasSizeGreaterThanOrEqualTo(14);
    }

    /** One precision step from the answer towards today's value, or null when that would reach today's value. */
    private static Object justShort(CompanyField field, Object now, Object answer) {
        if (!(answer instanceof Number number)) return null;
        FieldDomain domain = field.domain();
        double value = number.doubleValue();
        double current = ((Number) now).doubleValue();
        double step = value > current ? -domain.precision() : domain.precision();
        if (domain.kind() == FieldDomain.Kind.COUNT) {
            int shorter = (int) Math.round(value + step);
            return shorter == (int) current ? null : shorter;
        }
        double scale = domain.precision() < 1 ? Math.round(1 / domain.precision()) : 1 / domain.precision();
        double shorter = domain.precision() < 1 ? Math.round(value * scale + step * scale) / scale : value + step;
        return (shorter - current) * (value - current) <= 0 || shorter == current ? null : shorter;
    }

    private static List<Company> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Company> companies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Segment segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
            Company.Builder b = Company.builder("P" + i, segment)
                    .proprietaryData(maybe(random, random.nextInt(3) == 0))
                    .distributionSwitchingCost(maybe(random, COSTS[random.nextInt(COSTS.length)]))
                    .ownsCompute(maybe(random, random.nextInt(3) == 0))
                    .apiRevenueShare(maybe(random, random.nextBoolean() ? 0.0 : share(random)))
                    .tokenVolumeGrowth(maybe(random, round(random.nextDouble(0, 6))))
                    .pricePerTokenChange(maybe(random, round(random.nextDouble(-0.95, 0.1))))
                    .openSourceGapMonths(maybe(random, Math.round(random.nextDouble(0, 24) * 100) / 100.0))
                    .grossMargin(maybe(random, share(random)))
                    .grossMarginChange(maybe(random, round(random.nextDouble(-0.1, 0.1))))
                    .revenueGrowth(maybe(random, round(random.nextDouble(-0.2, 1.2))))
                    .evToSales(maybe(random, Math.round(random.nextDouble(1, 40) * 100) / 100.0))
                    .marketCapUsd(maybe(random, Math.floor(random.nextDouble(0.5e9, 100e9))))
                    .euRevenueShare(maybe(random, share(random)))
                    .singleGeographyFabDependency(maybe(random, share(random)))
                    .hyperscalerRevenueShare(maybe(random, share(random)))
                    .capexToRevenue(maybe(random, round(random.nextDouble(0, 1))))
                    .agenticProductionContracts(maybe(random, random.nextInt(4)))
                    .sovereignAiExposure(maybe(random, random.nextInt(4) == 0));
            companies.add(b.build());
        }
        return companies;
    }

    /** Most inputs known, one in ten missing. */
    private static <T> T maybe(SplittableRandom random, T value) {
        return random.nextInt(10) == 0 ? null : value;
    }

    private static double share(SplittableRandom random) {
        return round(random.nextDouble(0, 1));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
