package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java learns the thesis (ids, points, inputs, thresholds) from the rule files, so an edit there is seen everywhere. */
class ThesisCatalogueTest {

    @TempDir
    Path rules;

    @Test
    void theShippedRulesNameTheThreeTimesVolumeLineAndTheRuleThatUsesIt() throws Exception {
        ThesisCatalogue catalogue = ThesisCatalogue.read(Path.of("rules"));

        assertThat(catalogue.threshold("requiredVolumeMultiple")).hasValue(3.0);
        assertThat(catalogue.rules()).filteredOn(rule -> rule.name().equals("VOL-3X")).singleElement().satisfies(rule -> {
            assertThat(rule.points()).contains(15);
            assertThat(rule.thresholds()).containsExactly("requiredVolumeMultiple");
            assertThat(rule.requires()).containsExactly("apiRevenueShare", "tokenVolumeGrowth");
        });
    }

    @Test
    void changingTheThreeTimesLineInACopyOfTheRulesMovesTheCatalogueTheDocsTableAndTheScore() throws Exception {
        copyShippedRules();
        Path volume = rules.resolve("volume.drl");
        Files.writeString(volume, Files.readString(volume).replace("function double requiredVolumeMultiple() { return 3.0; }",
                "function double requiredVolumeMultiple() { return 2.5; }"));

        ThesisCatalogue catalogue = ThesisCatalogue.read(rules);
        String table = RulesTable.markdown(catalogue);
        Company ratioOf2point6 = Company.builder("TWO", Segment.MODEL_PROVIDER).apiRevenueShare(0.5)
                .tokenVolumeGrowth(1.3).pricePerTokenChange(-0.5).build();

        assertThat(catalogue.threshold("requiredVolumeMultiple")).hasValue(2.5);
        assertThat(table).contains("| VOL-3X | VOL-3X | volume.drl | +15 | requiredVolumeMultiple = 2.5 |")
                .doesNotContain("requiredVolumeMultiple = 3.0");
        assertThat(new RuleSetCompiler().compile(rules).screener().screen(ratioOf2point6).findings())
                .anySatisfy(finding -> assertThat(finding.ruleId()).isEqualTo("VOL-3X"));
    }

    @Test
    void twoRulesMayRecordOneIdWithTheirOwnPoints() throws Exception {
        ThesisCatalogue catalogue = ThesisCatalogue.read(Path.of("rules"));

        assertThat(catalogue.rules()).filteredOn(rule -> rule.id().equals("MOAT-DIST"))
                .extracting(ThesisCatalogue.ThesisRule::name, ThesisCatalogue.ThesisRule::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MOAT-DIST", java.util.Optional.of(10)),
                        org.assertj.core.groups.Tuple.tuple("MOAT-DIST-MEDIUM", java.util.Optional.of(5)));
        assertThat(catalogue.ruleIds()).contains("MOAT-DIST").doesNotContain("MOAT-DIST-MEDIUM", "VOL-REPORTED");
    }

    @Test
    void aConditionOnAFactAnotherRuleInsertsReadsTheInputsThatRuleRead() throws Exception {
        ThesisCatalogue catalogue = ThesisCatalogue.read(Path.of("rules"));

        assertThat(catalogue.rules()).filteredOn(rule -> rule.name().equals("VOL-SHRINK")).singleElement()
                .satisfies(rule -> assertThat(rule.reads()).contains("apiRevenueShare", "tokenVolumeGrowth", "pricePerTokenChange"));
    }

    @Test
    void aFileThatDoesNotParseIsListedAndTheOthersAreStillRead() throws Exception {
        copyShippedRules();
        Files.writeString(rules.resolve("broken.drl"), "package thesis;\nrule \"B\" when Company( then end\n");

        ThesisCatalogue catalogue = ThesisCatalogue.read(rules);

        assertThat(catalogue.unreadFiles()).containsExactly("broken.drl");
        assertThat(catalogue.ruleIds()).contains("VOL-3X", "MOAT-NONE");
    }

    private void copyShippedRules() throws IOException {
        try (var files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
    }
}
