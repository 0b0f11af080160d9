package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken rule files are reported by file, line and column, in words an analyst can act on. */
class RuleSetCompilerTest {

    @TempDir
    Path rules;

    @Test
    void aMistypedFieldIsReportedWithItsLineAndTheFieldsThatExist() throws IOException {
        copyShippedRules();
        edit("moat.drl", text -> text.replace("Company( proprietaryData == true )", "Company( proprietaryDat == true )"));

        List<RuleError> errors = compileErrors();

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("moat.drl");
            assertThat(error.line()).isEqualTo(lineOf("moat.drl", "proprietaryDat =="));
            assertThat(error.column()).isPositive();
            assertThat(error.message()).contains("'proprietaryDat' is not a field of Company", "did you mean 'proprietaryData'");
        });
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() throws IOException {
        copyShippedRules();
        edit("risks.drl", text -> text.replaceFirst("\nthen\n", "\nthen then\n"));

        List<RuleError> errors = compileErrors();

        assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error.file()).isEqualTo("risks.drl"));
        assertThat(errors.get(0).line()).isBetween(lineOf("risks.drl", "then then"), lineOf("risks.drl", "then then") + 1);
        assertThat(errors.get(0).toString()).startsWith("risks.drl:" + errors.get(0).line() + ":");
    }

    @Test
    void aMistakeInAConsequenceIsTracedBackToTheRuleFile() throws IOException {
        copyShippedRules();
        edit("watch-list.drl", text -> text.replace("scorecard.add(kcontext, $c, \"sells", "scorecard.addd(kcontext, $c, \"sells"));

        List<RuleError> errors = compileErrors();

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("watch-list.drl");
            assertThat(error.line()).isEqualTo(lineOf("watch-list.drl", "scorecard.addd"));
            assertThat(error.message()).contains("addd").doesNotContain("Lambda");
        });
    }

    @Test
    void metadataNamingAnUnknownInputIsAnErrorAtTheRule() throws IOException {
        copyShippedRules();
        edit("risks.drl", text -> text.replace("@requires(\"capexToRevenue\")", "@requires(\"capexToRevenu\")"));

        List<RuleError> errors = compileErrors();

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("risks.drl");
            assertThat(error.line()).isEqualTo(lineOf("risks.drl", "rule \"RISK-DEMAND\""));
            assertThat(error.message()).contains("RISK-DEMAND", "'capexToRevenu'", "capexToRevenue");
        });
    }

    @Test
    void aRuleSetWithoutBandingIsRefused() throws IOException {
        copyShippedRules();
        Files.delete(rules.resolve("banding.drl.xlsx"));

        assertThat(compileErrors()).extracting(RuleError::message)
                .anySatisfy(message -> assertThat(message).contains("scoreStartsAt"))
                .anySatisfy(message -> assertThat(message).contains("bandFloor(Band.STRONG_BUY"));
    }

    @Test
    void aMissingOrEmptyFolderIsAnError() {
        assertThatThrownBy(() -> new RuleSetCompiler().compile(rules.resolve("nope")))
                .isInstanceOf(RuleCompilationException.class).hasMessageContaining("rules folder not found");
        assertThatThrownBy(() -> new RuleSetCompiler().compile(rules))
                .isInstanceOf(RuleCompilationException.class).hasMessageContaining("no rule files");
    }

    @Test
    void aRuleFileNamedAsTheEditorWouldRefuseIsAnErrorNamingItAndNothingIsCompiled() throws IOException {
        copyShippedRules();
        Files.writeString(rules.resolve("Moat copy.drl"), "package thesis;\n");
        Files.writeString(rules.resolve("~$banding.drl.xlsx"), "an Excel lock file, not a rule file");

        List<RuleError> errors = compileErrors();

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("Moat copy.drl");
            assertThat(error.message()).startsWith("'Moat copy.drl' is not a rule file name").endsWith("; rename it");
        });
    }

    @Test
    void theVersionIsAContentHashThatChangesWhenAnyFileChanges() throws Exception {
        copyShippedRules();
        List<RuleFile> files = RuleSetCompiler.read(rules);
        String version = RuleSetCompiler.versionOf(files);
        edit("tiers.drl", text -> text.replace("reratedEvToSales() { return 15; }", "reratedEvToSales() { return 16; }"));

        assertThat(RuleSetCompiler.versionOf(RuleSetCompiler.read(Path.of("rules")))).isEqualTo(version);
        assertThat(RuleSetCompiler.versionOf(RuleSetCompiler.read(rules))).isNotEqualTo(version).matches("[0-9a-f]{12}");
    }

    @Test
    void anEditedThresholdChangesTheOutcome() throws Exception {
        copyShippedRules();
        edit("risks.drl", text -> text.replace("function double aheadOfDemandCapex() { return 0.40; }",
                "function double aheadOfDemandCapex() { return 0.30; }"));

        RuleSet edited = new RuleSetCompiler().compile(rules);
        var company = com.thesisscreener.screening.Company.builder("CPX", com.thesisscreener.screening.Segment.OTHER)
                .capexToRevenue(0.35).build();

        assertThat(edited.screener().screen(company).findings()).singleElement()
                .satisfies(f -> assertThat(f.sentence()).contains("35%", "threshold 30%"));
    }

    @Test
    void editedPointsInARulesMetadataChangeTheScore() throws Exception {
        copyShippedRules();
        edit("risks.drl", text -> text.replace("@requires(\"capexToRevenue\")\n    @points(-5)", "@requires(\"capexToRevenue\")\n    @points(-7)"));

        RuleSet edited = new RuleSetCompiler().compile(rules);
        var company = com.thesisscreener.screening.Company.builder("CPX", com.thesisscreener.screening.Segment.OTHER)
                .capexToRevenue(0.5).build();

        assertThat(edited.screener().screen(company).findings()).singleElement()
                .satisfies(f -> assertThat(f.points()).isEqualTo(-7));
        assertThat(edited.screener().screen(company).score()).isEqualTo(43);
    }

    @Test
    void pointsThatAreNotAWholeNumberAreAnErrorAtTheRule() throws IOException {
        copyShippedRules();
        edit("risks.drl", text -> text.replace("@requires(\"capexToRevenue\")\n    @points(-5)", "@requires(\"capexToRevenue\")\n    @points(\"a lot\")"));

        assertThat(compileErrors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("risks.drl");
            assertThat(error.line()).isEqualTo(lineOf("risks.drl", "rule \"RISK-DEMAND\""));
            assertThat(error.message()).contains("@points", "a lot", "whole number");
        });
    }

    @Test
    void twoRulesRecordingOneIdMustDescribeTheSameThesisTest() throws IOException {
        copyShippedRules();
        edit("moat.drl", text -> text.replaceFirst("(@id\\(\"MOAT-DIST\"\\)[^@]*@thesis\\([^)]*\\)\\s*)@requires\\(\"distributionSwitchingCost\"\\)",
                "$1@requires(\"distributionSwitchingCost, ownsCompute\")"));

        assertThat(compileErrors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("moat.drl");
            assertThat(error.message()).contains("MOAT-DIST", "same thesis test");
        });
    }

    private List<RuleError> compileErrors() {
        try {
            new RuleSetCompiler().compile(rules);
        } catch (RuleCompilationException e) {
            return e.errors();
        }
        throw new AssertionError("expected the rules not to compile");
    }

    private void copyShippedRules() throws IOException {
        try (var files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl") || p.toString().endsWith(".drl.xlsx")).toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
    }

    private void edit(String file, UnaryOperator<String> change) throws IOException {
        String before = Files.readString(rules.resolve(file));
        String after = change.apply(before);
        assertThat(after).as("the edit must change " + file).isNotEqualTo(before);
        Files.writeString(rules.resolve(file), after);
    }

    private int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(rules.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) return i + 1;
        }
        throw new AssertionError(text + " not in " + file);
    }
}
