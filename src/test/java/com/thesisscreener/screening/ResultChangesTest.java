package com.thesisscreener.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultChangesTest {

    @Test
    void aCompanyWhoseFindingChangedPointsIsListedWithTheRuleAndTheOldAndNewPoints() {
        List<Recommendation> before = ShippedRules.screener().screen(List.of(ShippedRules.apiSeller("SELL", 1.6, -0.8).build(),
                ShippedRules.neutral("SAME", Segment.SEMICONDUCTORS).build()));
        Recommendation seller = before.get(0);
        Finding finding = seller.findings().get(0);
        List<Finding> harsher = new ArrayList<>(seller.findings());
        harsher.set(0, new Finding(finding.ruleId(), finding.points() - 20, finding.sentence(), finding.thesis()));
        // The score and band are kept as they were: a points change that another rule offsets must still be named.
        List<Recommendation> after = List.of(new Recommendation(seller.ticker(), seller.name(), seller.segment(), seller.score(),
                seller.scoreBand(), seller.band(), seller.confidence(), harsher, seller.caps(), seller.derived(), seller.testsNotRun(),
                seller.ruleSetVersion()), before.get(1));

        ResultChanges changes = ResultChanges.between(before, after);

        assertThat(changes.unchanged()).isEqualTo(1);
        assertThat(changes.changes()).singleElement().satisfies(change -> {
            assertThat(change.ticker()).isEqualTo("SELL");
            assertThat(change.findingsAdded()).isEmpty();
            assertThat(change.findingsRemoved()).isEmpty();
            assertThat(change.pointsChanged()).containsExactly(
                    new ResultChanges.PointsChange(finding.ruleId(), finding.points(), finding.points() - 20));
        });
    }

    @Test
    void findingsThatAppearOrVanishAreNotAlsoCountedAsPointsChanges() {
        Recommendation seller = ShippedRules.screener().screen(List.of(ShippedRules.apiSeller("SELL", 1.6, -0.8).build())).get(0);
        Recommendation without = new Recommendation(seller.ticker(), seller.name(), seller.segment(), seller.score() + 10, seller.scoreBand(),
                seller.band(), seller.confidence(), List.of(), seller.caps(), seller.derived(), seller.testsNotRun(), seller.ruleSetVersion());

        ResultChanges.Change change = ResultChanges.between(List.of(seller), List.of(without)).changes().get(0);

        assertThat(change.findingsRemoved()).hasSize(seller.findings().size());
        assertThat(change.pointsChanged()).isEmpty();
    }
}
