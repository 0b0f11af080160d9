package com.thesisscreener.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.importing.ImportLimits;
import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.PortfolioReader;
import com.thesisscreener.rules.WhatIfRules;
import com.thesisscreener.screening.ShippedRules;
import com.thesisscreener.screening.WhatIfAnswers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The report workbook's "What if" and "Book" sheets for the sample book. */
class XlsxWhatIfReportTest {

    @Test
    void theWorkbookListsEveryAnswerAndTheBooksFigures() throws Exception {
        ImportedPortfolio portfolio = new PortfolioReader(ImportLimits.defaults()).read(Path.of("sample-data/ai-portfolio.csv"));
        Screening screening = Screening.of(portfolio, ShippedRules.screener().screen(portfolio.companies()), "test");
        Map<String, WhatIfAnswers> answers = new HashMap<>();
        WhatIfRules.searchFor(ShippedRules.ruleSet()).answersFor(portfolio.companies()).forEach(a -> answers.put(a.ticker(), a));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        XlsxReport.write(screening, answers, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet whatIf = workbook.getSheet(XlsxReport.WHAT_IF);
            int rows = answers.values().stream().mapToInt(a -> a.answers().size()).sum();
            assertThat(whatIf.getLastRowNum()).isEqualTo(rows);
            Row volume = null;
            for (Row row : whatIf) {
                if (row.getCell(0).getStringCellValue().equals("VRSP") && row.getCell(2).getStringCellValue().equals("tokenVolumeGrowth")) volume = row;
            }
            assertThat(volume).isNotNull();
            assertThat(volume.getCell(3).getNumericCellValue()).isEqualTo(2.401);
            assertThat(volume.getCell(4).getStringCellValue()).isEqualTo("REDUCE");
            assertThat(volume.getCell(6).getStringCellValue()).isEqualTo("token volume growth of 2.401x (now 1.60x) would lift VRSP from AVOID to REDUCE");

            Sheet book = workbook.getSheet(XlsxReport.BOOK);
            assertThat(book).isNotNull();
            assertThat(book.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(screening.positions().weightedScore());
        }
    }

    @Test
    void aPortfolioWithoutPositionsAndWithoutWhatIfGetsTheSheetsItHadBefore() throws Exception {
        ImportedPortfolio portfolio = new PortfolioReader(ImportLimits.defaults()).read(Path.of("sample-data/ai-portfolio.csv"));
        Screening list = new Screening("p.csv", "p.csv", "test", 32, 0,
                RankedResults.of(ShippedRules.screener().screen(portfolio.companies())), portfolio.problems(), portfolio.ignoredColumns());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        XlsxReport.write(list, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getSheet(XlsxReport.WHAT_IF)).isNull();
            assertThat(workbook.getSheet(XlsxReport.BOOK)).isNull();
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5); // Ranked, Findings, Thesis, Problems, About
        }
    }
}
