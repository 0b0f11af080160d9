package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** validate answers every error and warning without throwing, so the CLI and the service can show all of them. */
class ValidationTest {

    @Test
    void theShippedRulesAreValidWithoutWarnings() {
        ValidationReport report = new RuleSetCompiler().validate(Path.of("rules"));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.ruleSet()).hasValueSatisfying(rules -> assertThat(rules.version()).isEqualTo(report.version()));
        assertThat(report.ruleCount()).isGreaterThan(20);
    }

    @Test
    void warningsNameTheRuleAndLineAndDoNotStopTheRuleSet() throws Exception {
        List<RuleFile> files = edit(RuleSetCompiler.read(Path.of("rules")), "risks.drl", text -> text
                .replace("    @thesis(\"Concentration risk", "    @note(\"Concentration risk")
                .replace("@requires(\"capexToRevenue\")", "@requires(\"capexToRevenue, grossMargin\")")
                .replaceFirst("(?s)rule \"RISK-EU-ACT\".*?\nend\n", ""));

        ValidationReport report = new RuleSetCompiler().validate(files);

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(RuleError::toString)
                .anySatisfy(w -> assertThat(w).startsWith("risks.drl:22:1 rule RISK-FAB records findings but has no @thesis"))
                .anySatisfy(w -> assertThat(w).startsWith("risks.drl:35:5 rule RISK-DEMAND @requires 'grossMargin' but its condition never reads it"))
                .anySatisfy(w -> assertThat(w).startsWith("THESIS.md:0:0 thesis rule id RISK-EU-ACT is defined by no rule file"))
                .hasSize(3);
    }

    @Test
    void aRuleThatRecordsAFindingWithoutPointsIsWarnedAboutAndCannotScoreSilently() throws Exception {
        List<RuleFile> files = edit(RuleSetCompiler.read(Path.of("rules")), "risks.drl", text -> text
                .replace("@requires(\"capexToRevenue\")\n    @points(-5)\n", "@requires(\"capexToRevenue\")\n"));

        ValidationReport report = new RuleSetCompiler().validate(files);
        var company = com.thesisscreener.screening.Company.builder("CPX", com.thesisscreener.screening.Segment.OTHER)
                .capexToRevenue(0.5).build();

        assertThat(report.warnings()).extracting(RuleError::toString).singleElement()
                .satisfies(w -> assertThat(w).startsWith("risks.drl:45:1 rule RISK-DEMAND records a finding without points"));
        assertThat(report.ruleSet()).hasValueSatisfying(rules -> assertThatThrownBy(() -> rules.screener().screen(company))
                .rootCause().hasMessageContaining("RISK-DEMAND").hasMessageContaining("@points"));
    }

    @Test
    void errorsOfSeveralKindsAreAllReported() throws Exception {
        List<RuleFile> files = new ArrayList<>(RuleSetCompiler.read(Path.of("rules")));
        files.add(new RuleFile("evil.drl", "package thesis;\nimport java.io.File;\nrule \"E\" when then System.exit(0); end\n"));
        files.add(new RuleFile("broken.drl.xlsx", new byte[] {1, 2, 3}));

        ValidationReport report = new RuleSetCompiler().validate(files);

        assertThat(report.valid()).isFalse();
        assertThat(report.ruleSet()).isEmpty();
        assertThat(report.errors()).extracting(RuleError::file).contains("evil.drl", "broken.drl.xlsx");
        assertThat(report.errors()).filteredOn(e -> e.file().equals("broken.drl.xlsx")).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("the decision table cannot be read"));
        assertThat(report.errors()).filteredOn(e -> e.file().equals("evil.drl")).extracting(RuleError::line).containsExactly(2, 3);
    }

    private static List<RuleFile> edit(List<RuleFile> files, String name, UnaryOperator<String> change) {
        return files.stream().map(f -> f.name().equals(name) ? new RuleFile(name, change.apply(f.content())) : f).toList();
    }
}
