package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one place rule edits are merged, named, checked, previewed and diffed, whoever asks (REST, page, CLI, proposals). */
class RuleEditingServiceTest {

    private final RuleEditing editing = new RuleEditing();

    @ParameterizedTest
    @ValueSource(strings = {"../moat.drl", "rules/moat.drl", "C:\\rules\\moat.drl", ".hidden.drl", "my rules.drl", "moat.txt", "moat.drl.xls",
            "moat.drl.csv", "", "ümlaut.drl"})
    void aNameThatIsNotAPlainRuleFileNameIsRefusedWithTheNameQuoted(String name) {
        assertThatThrownBy(() -> RuleEditing.checkName(name)).isInstanceOf(RuleFileRefused.class)
                .hasMessage("'" + name + "' is not a rule file name: use letters, digits, '.', '_' or '-' (at most 100) ending .drl or .drl.xlsx");
    }

    @Test
    void plainDrlAndDecisionTableNamesUpToTheLimitAreAccepted() {
        String longest = "a".repeat(RuleFile.MAX_NAME_LENGTH - 4) + ".drl";
        for (String name : List.of("moat.drl", "banding.drl.xlsx", "watch-list.drl", "v2_tiers.drl", longest)) {
            assertThat(RuleEditing.checkName(name)).isEqualTo(name);
        }
        assertThatThrownBy(() -> RuleEditing.checkName("a" + longest)).isInstanceOf(RuleFileRefused.class);
    }

    @Test
    void anUploadKeepsOnlyTheLastPartOfThePathABrowserSends() {
        assertThat(RuleEditing.uploaded("C:\\Users\\ann\\moat.drl", new byte[] {1}).name()).isEqualTo("moat.drl");
        assertThatThrownBy(() -> RuleEditing.uploaded("folder/", new byte[0])).isInstanceOf(RuleFileRefused.class);
    }

    @Test
    void sentFilesReplaceActiveOnesByNameOrStandAloneWhenReplacing() {
        List<RuleFile> active = List.of(new RuleFile("b.drl", "old b"), new RuleFile("a.drl", "a"));
        List<RuleFile> sent = List.of(new RuleFile("b.drl", "new b"), new RuleFile("c.drl", "c"));

        assertThat(RuleEditing.merge(active, sent, false)).containsExactly(new RuleFile("a.drl", "a"), new RuleFile("b.drl", "new b"),
                new RuleFile("c.drl", "c"));
        assertThat(RuleEditing.merge(active, sent, true)).containsExactly(new RuleFile("b.drl", "new b"), new RuleFile("c.drl", "c"));
        assertThatThrownBy(() -> RuleEditing.merge(active, List.of(), false)).hasMessageContaining("send at least one rule file");
    }

    @Test
    void textTypedInABrowserIsCheckedWithTheLineEndsOfTheFileOnDisk() {
        assertThat(RuleEditing.typed("moat.drl", "a\r\nb\r\n").content()).isEqualTo("a\nb\n");
        assertThatThrownBy(() -> RuleEditing.typed("moat.drl", null)).hasMessage("every file needs a name and a content");
    }

    @Test
    void aFolderHoldingARuleFileWithABadNameIsNotValidAndNamesItAsASentFileWouldBe(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("my rules.drl"), "package thesis;\n");

        ValidationReport report = editing.check(folder);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("my rules.drl");
            assertThat(error.message()).startsWith("'my rules.drl' is not a rule file name");
        });
    }

    @Test
    void aFolderThatDoesNotExistIsAnErrorOfTheCheckNotARefusal(@TempDir Path folder) {
        ValidationReport report = editing.check(folder.resolve("missing"));
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).singleElement().extracting(RuleError::message).isEqualTo("rules folder not found");
    }

    @Test
    void aPreviewNamesTheCompaniesAnEditedThresholdWouldMoveAndThePointsItReweights() throws Exception {
        List<RuleFile> shipped = RuleSetCompiler.read(Path.of("rules"));
        RuleFile apiEconomics = shipped.stream().filter(f -> f.name().equals("api-economics.drl")).findFirst().orElseThrow();
        String reweighted = apiEconomics.content().replaceFirst("@points\\(-10\\)", "@points(-30)");
        assertThat(reweighted).isNotEqualTo(apiEconomics.content());
        ValidationReport candidate = editing.check(RuleEditing.merge(shipped, List.of(new RuleFile(apiEconomics.name(), reweighted)), false));
        assertThat(candidate.errors()).isEmpty();
        List<com.thesisscreener.screening.Company> sample = new com.thesisscreener.importing.PortfolioReader(
                com.thesisscreener.importing.ImportLimits.defaults()).read(Path.of("sample-data/ai-portfolio.xlsx")).companies();

        RuleEditing.Impact impact = editing.preview(editing.check(shipped).compiled(), candidate.compiled(), sample);

        assertThat(impact.companies()).isEqualTo(sample.size());
        assertThat(impact.changes()).isNotEmpty();
        assertThat(impact.changes().size() + impact.unchanged()).isEqualTo(sample.size());
        assertThat(impact.changes()).allSatisfy(c -> assertThat(c.moved()).allSatisfy(m -> assertThat(m.after() - m.before()).isEqualTo(-20)));
    }

    @Test
    void aRuleEditThatOnlyReweightsAFindingIsNamed() {
        Recommendation before = new Recommendation("VRSP", "V", Segment.MODEL_PROVIDER, 15, Band.AVOID, Band.AVOID, 0.9,
                List.of(finding("API-OPEN-SOURCE", -10), finding("MOAT-NONE", -25)), List.of(), null, List.of(), "a");
        Recommendation after = new Recommendation("VRSP", "V", Segment.MODEL_PROVIDER, 0, Band.AVOID, Band.AVOID, 0.9,
                List.of(finding("API-OPEN-SOURCE", -30), finding("MOAT-NONE", -25)), List.of(), null, List.of(), "b");

        assertThat(RuleEditing.pointsMoved(before, after)).extracting(RuleEditing.PointsMoved::text).containsExactly("API-OPEN-SOURCE -10 → -30");
    }

    @Test
    void aDiffShowsTheChangedLineAndADecisionTableAsTheRulesItStandsFor() throws Exception {
        List<LineDiff.Line> diff = editing.diff(new RuleFile("a.drl", "one\ntwo\n"), new RuleFile("a.drl", "one\n2\n"));
        assertThat(diff).extracting(LineDiff.Line::kind).containsExactly(LineDiff.Kind.SAME, LineDiff.Kind.REMOVED, LineDiff.Kind.ADDED);

        RuleFile table = new RuleFile("banding.drl.xlsx", Files.readAllBytes(Path.of("rules/banding.drl.xlsx")));
        assertThat(editing.diff(null, table)).extracting(LineDiff.Line::text).anyMatch(line -> line.startsWith("rule"));
        assertThat(editing.diff(null, new RuleFile("x.drl.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))))
                .extracting(LineDiff.Line::text).anyMatch(line -> line.startsWith("(a decision table that cannot be read"));
    }

    private static Finding finding(String rule, int points) {
        return new Finding(rule, points, "sentence", "thesis");
    }
}
