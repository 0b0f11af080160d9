package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/thesis.md is the thesis inside the repository: it must quote every passage the rules cite and name every id they record. */
class ThesisDocumentTest {

    @Test
    void theThesisPageQuotesEveryPassageTheShippedRulesCite() throws Exception {
        String page = Files.readString(Path.of("docs", "thesis.md"));

        assertThat(ThesisCatalogue.read(Path.of("rules")).rules()).filteredOn(ThesisCatalogue.ThesisRule::hasThesis)
                .allSatisfy(rule -> assertThat(page).as("docs/thesis.md quotes the passage of " + rule.name())
                        .contains("> " + rule.thesis()));
    }

    @Test
    void theThesisPageNamesEveryRuleIdFindingsCarry() throws Exception {
        String page = Files.readString(Path.of("docs", "thesis.md"));

        assertThat(ThesisCatalogue.read(Path.of("rules")).ruleIds()).hasSize(20)
                .allSatisfy(id -> assertThat(page).as("docs/thesis.md names " + id).contains("**" + id + "**"));
    }
}
