package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/inputs.md follows the input catalogue and the rule files; run with -Dinputs.table.write=true to regenerate it. */
class InputsTableTest {

    private static final Path PAGE = Path.of("docs", "inputs.md");
    private static final String STALE = "docs/inputs.md is stale: regenerate it with "
            + "mvn -o -q -B test -Dtest=InputsTableTest -Dinputs.table.write=true";

    @Test
    void theDocsTableOfInputsMatchesTheCatalogueAndTheRuleFiles() throws Exception {
        String generated = InputsTable.markdown(ThesisCatalogue.read(Path.of("rules")));
        if (Boolean.getBoolean("inputs.table.write")) {
            Files.writeString(PAGE, generated);
        }

        assertThat(PAGE).as(STALE).exists();
        assertThat(Files.readString(PAGE)).as(STALE).isEqualTo(generated);
    }

    @Test
    void eachInputNamesTheRulesThatReadIt() throws Exception {
        String page = InputsTable.markdown(ThesisCatalogue.read(Path.of("rules")));

        assertThat(page).containsPattern("\\| `hyperscalerRevenueShare` \\|.*\\| CHIP-INHOUSE \\|\n");
        assertThat(page).contains("| 1 | Ticker | `ticker` | Text, at most 64 characters, unique within the file. Required. |");
    }
}
