package com.thesisscreener.importing;

import com.thesisscreener.importing.Workbooks.Formula;
import com.thesisscreener.importing.Workbooks.UnsavedFormula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A formula saved without its value is a cell problem naming the cell and the fix, never a silently empty input. */
class UnsavedFormulaTest {

    @TempDir
    Path dir;

    private final PortfolioReader reader = new PortfolioReader(ImportLimits.defaults());

    private Workbooks portfolio() {
        return Workbooks.sheet("Book",
                new Object[]{"Ticker", "Segment", "Market cap", "EV/Sales"},
                new Object[]{"AAA", "OTHER", 2e9, new UnsavedFormula("C2/1000000000")},
                new Object[]{"BBB", "OTHER", 3e9, new Formula("C3/1000000000", null)});
    }

    @Test
    void anXlsxFormulaWithoutASavedValueIsACellProblemAndItsRowIsNotScreened() throws Exception {
        ImportedPortfolio imported = reader.read(portfolio().writeXlsx(dir.resolve("p.xlsx")));

        assertThat(imported.companies()).extracting(c -> c.ticker()).containsExactly("BBB");
        assertThat(imported.companies().get(0).evToSales()).isEqualTo(3.0);
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.sheet()).isEqualTo("Book");
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo("D");
            assertThat(problem.message()).isEqualTo("Sheet 'Book', row 2, column D (EV/Sales): '=C2/1000000000' is not readable; "
                    + "expected a value, but the cell holds a formula without a saved value: open and save the file in Excel "
                    + "(or type the value)");
        });
    }

    @Test
    void anXlsFormulaNeverComputedIsACellProblemTooWhileAComputedOneIsRead() throws Exception {
        ImportedPortfolio imported = reader.read(portfolio().writeXls(dir.resolve("p.xls")));

        assertThat(imported.companies()).extracting(c -> c.ticker()).containsExactly("BBB");
        assertThat(imported.companies().get(0).evToSales()).isEqualTo(3.0);
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo("D");
            assertThat(problem.message()).contains("formula without a saved value: open and save the file in Excel");
        });
    }

    @Test
    void aFormulaWithoutAValueInAColumnTheImporterDoesNotReadIsNoProblem() throws Exception {
        Path file = Workbooks.sheet("Book", new Object[]{"Ticker", "Segment", "Notes"},
                new Object[]{"AAA", "OTHER", new UnsavedFormula("A2&\"!\"")}).writeXlsx(dir.resolve("notes.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.companies()).hasSize(1);
    }
}
