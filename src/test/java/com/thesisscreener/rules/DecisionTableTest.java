package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** The band floors and starting score live in an Excel decision table, checked and versioned like DRL. */
class DecisionTableTest {

    @Test
    void theShippedTableIsReadFromTheFolderAndGeneratesTheBandingRules() throws Exception {
        List<RuleFile> files = RuleSetCompiler.read(Path.of("rules"));
        RuleFile table = files.stream().filter(f -> f.name().equals("banding.drl.xlsx")).findFirst().orElseThrow();

        assertThat(table.isDecisionTable()).isTrue();
        assertThat(files).extracting(RuleFile::name).doesNotContain("banding.drl").noneMatch(n -> n.startsWith("tests"));
        assertThat(DecisionTables.toDrl(table)).contains("scorecard.scoreStartsAt(50);", "scorecard.bandFloor(band, 80);",
                "Band band = Band.REDUCE;", "scorecard.bandFloor(band, 30);");
    }

    @Test
    void theTableIsPartOfTheVersion() throws Exception {
        List<RuleFile> files = RuleSetCompiler.read(Path.of("rules"));
        List<RuleFile> edited = replaceTable(files, sheet -> cellWithText(sheet, "65").setCellValue(66));

        assertThat(RuleSetCompiler.versionOf(edited)).isNotEqualTo(RuleSetCompiler.versionOf(files));
    }

    @Test
    void codeInACellIsHeldToThePolicyAndReportedAtTheCell() throws Exception {
        List<RuleFile> files = replaceTable(RuleSetCompiler.read(Path.of("rules")),
                sheet -> cellWithText(sheet, "HOLD").setCellValue("HOLD; System.exit(0)"));

        assertThatThrownBy(() -> new RuleSetCompiler().compile(files))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.file()).isEqualTo("banding.drl.xlsx");
                    assertThat(error.line()).isEqualTo(20);
                    assertThat(error.column()).isEqualTo(2);
                    assertThat(error.message()).contains("System.exit", "(cell B20)");
                }));
    }

    @Test
    void aMistypedBandIsReportedWithTheTableRowAndCell() throws Exception {
        List<RuleFile> files = replaceTable(RuleSetCompiler.read(Path.of("rules")),
                sheet -> cellWithText(sheet, "STRONG_BUY").setCellValue("STRONG_BYU"));

        ValidationReport report = new RuleSetCompiler().validate(files);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.file()).isEqualTo("banding.drl.xlsx");
            assertThat(error.line()).isEqualTo(18);
        });
        assertThat(report.errors().get(0).message()).contains("STRONG_BYU");
    }

    private static Cell cellWithText(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell).equals(text)) return cell;
            }
        }
        throw new AssertionError("no cell " + text);
    }

    private static List<RuleFile> replaceTable(List<RuleFile> files, Consumer<Sheet> edit) throws IOException {
        List<RuleFile> result = new ArrayList<>();
        for (RuleFile file : files) {
            if (!file.isDecisionTable()) {
                result.add(file);
                continue;
            }
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.bytes()));
                 ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                edit.accept(workbook.getSheetAt(0));
                workbook.write(out);
                result.add(new RuleFile(file.name(), out.toByteArray()));
            }
        }
        return result;
    }
}
