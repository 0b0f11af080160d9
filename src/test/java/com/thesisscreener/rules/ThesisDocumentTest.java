package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void theThesisPageNamesExactlyTheRuleIdsFindingsCarry() throws Exception {
        String page = Files.readString(Path.of("docs", "thesis.md"));
        Set<String> named = new TreeSet<>();
        Matcher id = Pattern.compile("\\*\\*([A-Z0-9]+(?:-[A-Z0-9]+)+)\\*\\*").matcher(page);
        while (id.find()) named.add(id.group(1));

        assertThat(named).as("rule ids named in bold on docs/thesis.md")
                .isEqualTo(ThesisCatalogue.read(Path.of("rules")).ruleIds()).contains("VOL-3X", "MOAT-DIST");
    }
}
