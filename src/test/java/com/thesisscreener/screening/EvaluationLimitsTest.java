package com.thesisscreener.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.RuleSetCompiler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule set that keeps re-triggering itself ends with a clear error instead of a hung request. */
class EvaluationLimitsTest {

    private static final List<RuleFile> LOOPING = List.of(
            new RuleFile("banding.drl", """
                    package thesis;
                    import com.thesisscreener.screening.Band;
                    global com.thesisscreener.screening.Scorecard scorecard;
                    rule "BANDS" when then
                        scorecard.scoreStartsAt(50);
                        scorecard.bandFloor(Band.STRONG_BUY, 80);
                        scorecard.bandFloor(Band.BUY, 65);
                        scorecard.bandFloor(Band.HOLD, 45);
                        scorecard.bandFloor(Band.REDUCE, 30);
                    end
                    """),
            new RuleFile("loop.drl", """
                    package thesis;
                    import com.thesisscreener.screening.Company;
                    import com.thesisscreener.screening.VolumeCheck;
                    global com.thesisscreener.screening.Scorecard scorecard;
                    rule "VOL-REPORTED" when
                        $c : Company( tokenVolumeGrowth != null )
                    then
                        insert(new VolumeCheck($c, $c.tokenVolumeGrowth(), -0.5, false));
                    end
                    // Every VolumeCheck inserts another one: an endless chain.
                    rule "ECHO" when
                        $v : VolumeCheck( )
                    then
                        insert(new VolumeCheck($v.company(), $v.tokenVolumeGrowth() + 1, $v.pricePerTokenChange(), false));
                    end
                    """));

    @Test
    void aRuleThatInsertsForeverHitsTheFiringBound() throws Exception {
        RuleSet rules = new RuleSetCompiler(new EvaluationLimits(50, 100, Duration.ofSeconds(30), Duration.ZERO)).compile(LOOPING);
        Company company = Company.builder("LOOP", Segment.OTHER).tokenVolumeGrowth(1.0).build();
        Company quiet = Company.builder("QUIET", Segment.OTHER).build();

        long start = System.nanoTime();
        assertThatThrownBy(() -> rules.screener().screen(List.of(company, quiet)))
                .isInstanceOf(ScreeningLimitExceededException.class)
                .hasMessageContaining("rule set kept firing: more than 200 firings for 2 companies")
                .hasMessageContaining("a rule probably re-triggers itself (modify/insert loop)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        assertThat(rules.screener().screen(quiet).score()).as("a batch the loop does not touch still scores").isEqualTo(50);
    }

    @Test
    void theWatchdogHaltsAnEvaluationThatRunsPastItsTime() throws Exception {
        RuleSet rules = new RuleSetCompiler(new EvaluationLimits(Integer.MAX_VALUE / 4, 1000, Duration.ofMillis(300), Duration.ZERO))
                .compile(LOOPING);

        long start = System.nanoTime();
        assertThatThrownBy(() -> rules.screener().screen(Company.builder("LOOP", Segment.OTHER).tokenVolumeGrowth(1.0).build()))
                .isInstanceOf(ScreeningLimitExceededException.class)
                .hasMessageContaining("ran past its time limit: more than 300 ms for 1 companies");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theDefaultsGrowWithTheBatch() {
        EvaluationLimits defaults = EvaluationLimits.defaults();

        assertThat(defaults.maxFirings(0)).isEqualTo(1000);
        assertThat(defaults.maxFirings(10_000)).isEqualTo(2_001_000);
        assertThat(defaults.maxTime(100_000)).isEqualTo(Duration.ofSeconds(110));
        assertThat(ShippedRules.screener().limits()).isEqualTo(defaults);
    }

    @Test
    void aRuleThatFailsOnACompanyIsAClearErrorNamingTheRuleNotACrash() throws Exception {
        List<RuleFile> failing = List.of(LOOPING.get(0), new RuleFile("unboxing.drl", """
                package thesis;
                import com.thesisscreener.screening.Company;
                global com.thesisscreener.screening.Scorecard scorecard;
                rule "UNBOXES" when
                    $c : Company( )
                then
                    scorecard.add(kcontext, $c, (int) Math.round($c.evToSales()), "unboxed a missing value");
                end
                """));
        RuleSet rules = new RuleSetCompiler().compile(failing);

        assertThatThrownBy(() -> rules.screener().screen(Company.builder("NULL", Segment.OTHER).build()))
                .isInstanceOf(ScreeningLimitExceededException.class)
                .hasMessageContaining("rule UNBOXES used an input that is missing");
    }
}
