package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The line diff a reviewer reads: every line once, in order, with the line numbers of the side it is on. */
class LineDiffTest {

    @Test
    void anEditedLineIsShownRemovedThenAddedBetweenUnchangedLinesWithBothNumbers() {
        List<String> diff = render(LineDiff.between("a\nb\nc\nd\n", "a\nb\nC\nd\n"));

        assertThat(diff).containsExactly("  1 1 a", "  2 2 b", "- 3 . c", "+ . 3 C", "  4 4 d");
    }

    @Test
    void insertedAndDeletedBlocksKeepTheCommonLinesAligned() {
        List<String> diff = render(LineDiff.between("one\ntwo\nthree\nfour\nfive", "zero\none\nthree\nfour\nfour and a half\nfive"));

        assertThat(diff).containsExactly("+ . 1 zero", "  1 2 one", "- 2 . two", "  3 3 three", "  4 4 four", "+ . 5 four and a half",
                "  5 6 five");
    }

    @Test
    void aNewFileIsAllAddedAndARemovedFileAllRemoved() {
        assertThat(render(LineDiff.between("", "x\ny\n"))).containsExactly("+ . 1 x", "+ . 2 y");
        assertThat(render(LineDiff.between("x\r\ny\r\n", ""))).containsExactly("- 1 . x", "- 2 . y");
        assertThat(LineDiff.between("same\n", "same\n")).extracting(LineDiff.Line::kind).containsExactly(LineDiff.Kind.SAME);
    }

    private static List<String> render(List<LineDiff.Line> diff) {
        return diff.stream().map(line -> (line.kind() == LineDiff.Kind.SAME ? " " : line.kind() == LineDiff.Kind.ADDED ? "+" : "-") + " "
                + (line.oldLine() == null ? "." : line.oldLine()) + " " + (line.newLine() == null ? "." : line.newLine()) + " " + line.text())
                .toList();
    }
}
