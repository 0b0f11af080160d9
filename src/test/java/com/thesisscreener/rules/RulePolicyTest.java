package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The readable first layer: Drools' parser reads each file and constructs a scoring rule has no use for are
 * named at their line before anything is compiled. (What compiled code may call is checked on the bytecode:
 * see {@code RuleSandboxTest}.)
 */
class RulePolicyTest {

    private static final String HEADER = """
            package thesis;

            import com.thesisscreener.screening.Band;
            import com.thesisscreener.screening.Company;
            import function com.thesisscreener.screening.Phrases.pct;

            global com.thesisscreener.screening.Scorecard scorecard;

            """;

    @Test
    void theShippedRulesPass() throws Exception {
        for (RuleFile file : RuleSetCompiler.read(Path.of("rules"))) {
            String drl = file.isDecisionTable() ? DecisionTables.toDrl(file) : file.content();
            assertThat(RulePolicy.check(file.name(), drl)).as(file.name()).isEmpty();
        }
    }

    @Test
    void anImportOutsideTheFactModelIsNamedAtItsLine() {
        List<RuleError> errors = RulePolicy.check("peek.drl", HEADER.replace("import com.thesisscreener.screening.Band;",
                "import java.nio.file.Files;"));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.message()).startsWith("rule files may not import java.nio.file.Files").contains("fact model");
        });
    }

    @Test
    void aSecondGlobalIsRefusedWhileTheScorecardIsFine() {
        List<RuleError> errors = RulePolicy.check("globals.drl", HEADER + "global java.util.List sink;\n");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(9);
            assertThat(error.message()).contains("the one global is 'global com.thesisscreener.screening.Scorecard scorecard;'");
        });
    }

    @Test
    void declareQueryWindowAndEntryPointsAreNamedInAnalystTerms() {
        List<RuleError> errors = RulePolicy.check("streams.drl", HEADER + """
                declare Note
                    text : String
                end

                query "all"
                    $c : Company()
                end

                rule "FROM-STREAM"
                when
                    $c : Company() from entry-point "feed"
                then
                end
                """);

        assertThat(errors).extracting(RuleError::message).anyMatch(m -> m.contains("'declare'"))
                .anyMatch(m -> m.contains("'query'")).anyMatch(m -> m.contains("'entry-point'"));
        assertThat(errors).extracting(RuleError::line).contains(9, 13);
    }

    @Test
    void timersAreRefusedBecauseARuleFiresWhenACompanyMatchesNeverOnAClock() {
        List<RuleError> errors = RulePolicy.check("clock.drl", HEADER + """
                rule "TICK"
                    timer (int: 1s 1s)
                when
                    $c : Company()
                then
                end
                """);

        assertThat(errors).singleElement().satisfies(error -> assertThat(error.message()).contains("'timer'", "never on a clock"));
    }

    @Test
    void codeInsideAccumulateIsRefused() {
        List<RuleError> errors = RulePolicy.check("sum.drl", HEADER + """
                rule "SUM"
                when
                    $total : Number() from accumulate( Company( $v : evToSales != null ), init( double s = 0; ), action( s += $v; ), result( s ) )
                then
                end
                """);

        assertThat(errors).singleElement().satisfies(error -> assertThat(error.message()).contains("inside 'accumulate'"));
    }

    @Test
    void aPackageInsideTheJdkOrTheApplicationIsRefused() {
        assertThat(RulePolicy.check("p.drl", HEADER.replace("package thesis;", "package java.util;")))
                .singleElement().satisfies(error -> assertThat(error.message()).contains("package name 'java.util'"));
        assertThat(RulePolicy.check("p.drl", HEADER.replace("package thesis;", "package com.thesisscreener.screening;"))).hasSize(1);
        assertThat(RulePolicy.check("p.drl", HEADER.replace("package thesis;", "package thesis.volume;"))).isEmpty();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsParsed() {
        String huge = HEADER + "// " + "x".repeat(RulePolicy.MAX_DRL_CHARS) + "\n";

        assertThat(RulePolicy.check("huge.drl", huge)).singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("rule file too large").contains("split it"));
    }

    @Test
    void conditionsNestedThousandsOfLevelsDeepAreAnErrorNotACrash() {
        String deep = "(".repeat(5000) + "evToSales > 1" + ")".repeat(5000);
        List<RuleFile> files = List.of(new RuleFile("deep.drl", HEADER + "rule \"DEEP\"\nwhen\n    $c : Company( " + deep + " )\nthen\nend\n"));

        ValidationReport report = new RuleSetCompiler().validate(files);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.file()).isEqualTo("deep.drl"));
    }
}
