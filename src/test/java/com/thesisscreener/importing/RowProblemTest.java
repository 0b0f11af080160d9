package com.thesisscreener.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowProblemTest {

    @Test
    void messageNamesSheetRowColumnHeaderValueAndWhatWasExpected() {
        RowProblem problem = new RowProblem("Portfolio", 7, "F", "API revenue share", "45x",
                "a fraction between 0 and 1 or a percentage like 45%");

        assertThat(problem.message()).isEqualTo("Sheet 'Portfolio', row 7, column F (API revenue share): '45x' is not readable; "
                + "expected a fraction between 0 and 1 or a percentage like 45%");
    }

    @Test
    void anEmptyCellIsDescribedAsEmpty() {
        RowProblem problem = new RowProblem("p.csv", 3, "C", "segment", "", "one of ...");

        assertThat(problem.message()).isEqualTo("Sheet 'p.csv', row 3, column C (segment): the cell is empty; expected one of ...");
    }

    @Test
    void messageStaysOnOneLineWhenTheValueHoldsLineBreaks() {
        RowProblem problem = new RowProblem("p.csv", 3, "D", "ownsCompute", "yes\r\nno", "yes or no");

        assertThat(problem.message()).doesNotContain("\n", "\r").contains("'yes no'");
    }
}
