package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules-table.md follows the rule files; run with -Drules.table.write=true to regenerate it. */
class RulesTableTest {

    private static final Path PAGE = Path.of("docs", "rules-table.md");

    @Test
    void theDocsTableOfRulesMatchesTheRuleFiles() throws Exception {
        String generated = RulesTable.markdown(ThesisCatalogue.read(Path.of("rules")));
        if (Boolean.getBoolean("rules.table.write")) {
            Files.createDirectories(PAGE.getParent());
            Files.writeString(PAGE, generated);
        }

        assertThat(PAGE).as("docs/rules-table.md is stale: regenerate it with "
                + "mvn -o -q -B test -Dtest=RulesTableTest -Drules.table.write=true").exists();
        assertThat(Files.readString(PAGE)).as("docs/rules-table.md is stale: regenerate it with "
                + "mvn -o -q -B test -Dtest=RulesTableTest -Drules.table.write=true").isEqualTo(generated);
    }
}
