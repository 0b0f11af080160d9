package com.thesisscreener.rules;

import com.thesisscreener.screening.Phrases;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The docs table of rules ({@code docs/rules-table.md}), written from a {@link ThesisCatalogue} so it
 * follows the rule files: every finding rule with its id, points, thresholds and inputs, then every
 * named threshold with its value and meaning.
 */
public final class RulesTable {

    private RulesTable() {
    }

    /** The Markdown page; the same rules always give the same text. */
    public static String markdown(ThesisCatalogue catalogue) {
        StringBuilder page = new StringBuilder();
        page.append("# Rules at a glance\n\n")
                .append("Generated from the rule files in `rules/`; do not edit by hand. After changing a rule, regenerate it with\n")
                .append("`mvn -o -q -B test -Dtest=RulesTableTest -Drules.table.write=true` (the test fails while this page is stale).\n")
                .append("How to read and change the rules: the analyst guide (`rules/README.md`).\n\n")
                .append("## Rules\n\n")
                .append("| id | rule | file | points | thresholds | inputs (`@requires`) | segments |\n")
                .append("|---|---|---|---|---|---|---|\n");
        Map<String, ThesisCatalogue.Threshold> thresholds = catalogue.thresholds();
        for (ThesisCatalogue.ThesisRule rule : catalogue.rules()) {
            if (!rule.recordsFindings()) continue;
            page.append(row(rule.id(), rule.name(), rule.file(), rule.points().map(Phrases::points).orElse("set in the rule"),
                    rule.thresholds().stream().map(name -> name + " = " + thresholds.get(name).expression()).collect(Collectors.joining("; ")),
                    String.join(", ", rule.requires()), rule.segments().isEmpty() ? "all" : String.join(", ", rule.segments())));
        }
        page.append("\n## Named thresholds\n\n")
                .append("| name | value | file | meaning | used by |\n")
                .append("|---|---|---|---|---|\n");
        for (ThesisCatalogue.Threshold threshold : thresholds.values()) {
            List<String> users = catalogue.rules().stream().filter(r -> r.thresholds().contains(threshold.name()))
                    .map(ThesisCatalogue.ThesisRule::name).toList();
            page.append(row(threshold.name(), threshold.expression(), threshold.file(), threshold.meaning(), String.join(", ", users)));
        }
        return page.toString();
    }

    /** One Markdown table row; the inputs table (InputsTable) writes its rows with it too. */
    static String row(String... cells) {
        return "| " + java.util.Arrays.stream(cells).map(c -> c.isEmpty() ? " " : c.replace("|", "\\|")).collect(Collectors.joining(" | ")) + " |\n";
    }

}
