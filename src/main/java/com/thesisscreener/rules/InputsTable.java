package com.thesisscreener.rules;

import com.thesisscreener.screening.CompanyField;
import com.thesisscreener.screening.InputValues;
import java.util.stream.Collectors;

/**
 * The docs table of company inputs ({@code docs/inputs.md}), written from the input catalogue ({@link CompanyField})
 * and the rule files' {@code @requires}, so it follows both: every input with its spreadsheet header, field name,
 * accepted values, other accepted headers and the rules that read it.
 */
public final class InputsTable {

    private InputsTable() {
    }

    /** The Markdown page; the same catalogue and rules always give the same text. */
    public static String markdown(ThesisCatalogue catalogue) {
        StringBuilder page = new StringBuilder();
        page.append("# Company inputs\n\n")
                .append("Generated from the input catalogue (`CompanyField`) and the rule files in `rules/`; do not edit by hand.\n")
                .append("Regenerate it with `mvn -o -q -B test -Dtest=InputsTableTest -Dinputs.table.write=true` (the test fails\n")
                .append("while this page is stale). The importer's columns, the import template, the REST record, the store and the\n")
                .append("generator all take their inputs from the same catalogue, in this order.\n\n")
                .append("## How values are read\n\n")
                .append("One parser reads a spreadsheet cell, a CSV field and a rule scenario's input alike (`InputValues`):\n\n")
                .append("- ratios are fractions: `45%` and `0.45` are the same value; a share of `45` is refused, not read as 45 %;\n")
                .append("- a decimal comma is read (`0,45` is 0.45), but `1,234` is a thousands separator;\n")
                .append("- multiples may end in `x` (`12.5x`), months in `months`, money may carry `$` and a scale (`$2.5B`);\n")
                .append("- an empty value, or one of ")
                .append(InputValues.MISSING_MARKERS.stream().map(m -> "`" + m + "`").collect(Collectors.joining(", ")))
                .append(", means \"not known\" (so does `#N/A` as an Excel error value);\n")
                .append("- a ticker has at most ").append(InputValues.TICKER_MAX_CHARS).append(" characters and a name at most ")
                .append(InputValues.NAME_MAX_CHARS).append(", for an imported row and a REST record alike;\n")
                .append("- a formula saved without its value is a problem of its cell (open and save the file in Excel), never an\n")
                .append("  empty input.\n\n")
                .append("A value that cannot be read leaves its row out of an import, reported with sheet, row and column; over REST\n")
                .append("it is a 400 problem naming the field.\n\n")
                .append("## Inputs\n\n")
                .append("| # | header | field (CSV, REST, scenarios) | accepted values | other headers accepted | read by rules |\n")
                .append("|---|---|---|---|---|---|\n");
        for (CompanyField field : CompanyField.values()) {
            CompanyField.Column column = field.column();
            String readBy = catalogue.rules().stream()
                    .filter(rule -> rule.requires().contains(field.fieldName()) || rule.reads().contains(field.fieldName()))
                    .map(ThesisCatalogue.ThesisRule::id).distinct().collect(Collectors.joining(", "));
            page.append(RulesTable.row(Integer.toString(field.ordinal() + 1), column.header(), "`" + field.fieldName() + "`",
                    column.accepted() + (field.required() ? " Required." : "") + (column.whenEmpty() != null ? " " + column.whenEmpty() : ""),
                    String.join(", ", column.aliases()), readBy));
        }
        return page.toString();
    }
}
