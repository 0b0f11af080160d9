package com.thesisscreener.importing;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WholeFileTest {

    /** Real hostile files from Apache POI's test data; shared, never copied into this repository. */
    private static final Path CORPUS = PoiCorpus.FOLDER;
    private static final String CORPUS_MISSING = PoiCorpus.MISSING;

    @TempDir
    Path dir;

    private final PortfolioReader reader = new PortfolioReader(ImportLimits.defaults());

    private static final Object[] HEADER = {"Ticker", "Segment"};
    private static final Object[] ROW = {"A", "OTHER"};

    @Test
    void randomBytesNamedXlsxAreNotASpreadsheet() throws Exception {
        byte[] noise = new byte[2048];
        new Random(42).nextBytes(noise);
        noise[0] = 7; // make sure it does not start like a zip or OLE2 file by chance
        Path file = Files.write(dir.resolve("portfolio.xlsx"), noise);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("'portfolio.xlsx' is not a spreadsheet: expected an Excel workbook (.xlsx, .xls) or a .csv file");
    }

    @Test
    void textIsReadAsCsvOnlyWhenItsNameSaysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("portfolio.xlsx"), "Ticker,Segment\nA,OTHER\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("is not a spreadsheet");
    }

    @Test
    void binaryDataNamedCsvIsNotASpreadsheet() throws Exception {
        Path file = Files.write(dir.resolve("portfolio.csv"), new byte[]{'T', 0, 'i', 0, 0, 0, 5});

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("is not a spreadsheet");
    }

    @Test
    void theFormatComesFromTheFileSignatureNotItsName() throws Exception {
        Path asCsv = Workbooks.sheet("P", HEADER, ROW).writeXlsx(dir.resolve("really-xlsx.csv"));
        Path asXlsx = Workbooks.sheet("P", HEADER, ROW).writeXls(dir.resolve("really-xls.xlsx"));

        assertThat(reader.read(asCsv).companies()).hasSize(1);
        assertThat(reader.read(asXlsx).companies()).hasSize(1);
    }

    @Test
    void legacyXlsWorkbooksAreRead() throws Exception {
        Path file = Workbooks.sheet("Portfolio",
                        new Object[]{"Ticker", "Segment", "API revenue share", "Owns compute", "Agentic contracts", "Gross margin"},
                        new Object[]{"A", "Model provider", new Workbooks.Pct(0.45), true, 3, "61%"},
                        new Object[]{"B", "OTHER", 45})
                .writeXls(dir.resolve("p.xls"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.sheet()).isEqualTo("Portfolio");
        assertThat(imported.companies()).singleElement().satisfies(company -> {
            assertThat(company.apiRevenueShare()).isEqualTo(0.45);
            assertThat(company.ownsCompute()).isTrue();
            assertThat(company.agenticProductionContracts()).isEqualTo(3);
            assertThat(company.grossMargin()).isEqualTo(0.61);
        });
        assertThat(imported.problems()).singleElement().extracting(RowProblem::row, RowProblem::column).containsExactly(3, "C");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeParsing() throws Exception {
        Path file = Files.write(dir.resolve("big.xlsx"), new byte[2048]); // not even a workbook: size is checked first
        PortfolioReader small = new PortfolioReader(new ImportLimits(1024, 10, 100));

        assertThatThrownBy(() -> small.read(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessage("'big.xlsx' is too large: 2 KB; the limit is 1 KB");
    }

    @Test
    void moreDataRowsThanTheLimitRefuseTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), "ticker,segment\nA,OTHER\nB,OTHER\nC,OTHER\n");
        PortfolioReader twoRows = new PortfolioReader(new ImportLimits(1 << 20, 2, 100));

        assertThatThrownBy(() -> twoRows.read(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessage("'p.csv' is too large: more than 2 rows; split it into smaller files");
    }

    @Test
    void aCellLongerThanTheLimitRefusesTheFile() throws Exception {
        Path xlsx = Workbooks.sheet("P", HEADER, new Object[]{"A", "OTHER", "x".repeat(50)}).writeXlsx(dir.resolve("p.xlsx"));
        Path csv = Files.writeString(dir.resolve("p.csv"), "ticker,segment,name\nA,OTHER," + "x".repeat(50) + "\n");
        PortfolioReader shortCells = new PortfolioReader(new ImportLimits(1 << 20, 10, 20));

        assertThatThrownBy(() -> shortCells.read(xlsx)).isInstanceOf(UnreadableFileException.class)
                .hasMessage("'p.xlsx' is too large: sheet 'P', cell C2 holds more than 20 characters");
        assertThatThrownBy(() -> shortCells.read(csv)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("longer than 20 characters");
    }

    @Test
    void aPasswordProtectedXlsxIsRefusedWithAHint() throws Exception {
        Path file = dir.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem(); XSSFWorkbook workbook = new XSSFWorkbook()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Workbooks.sheet("P", HEADER, ROW).writeTo(workbook, out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessage("'secret.xlsx' is password protected: save it without a password and import it again");
    }

    @Test
    void aPasswordProtectedXlsIsRefusedWithAHint() throws Exception {
        Path file = dir.resolve("secret.xls");
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Workbooks.sheet("P", HEADER, ROW).writeTo(workbook, out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("is password protected");
    }

    @Test
    void aCorruptWorkbookIsNotReadableAndTheMessageIsOneLine() throws Exception {
        byte[] workbook = Files.readAllBytes(Workbooks.sheet("P", HEADER, ROW).writeXlsx(dir.resolve("whole.xlsx")));
        Path file = Files.write(dir.resolve("cut.xlsx"), java.util.Arrays.copyOf(workbook, workbook.length / 2));

        UnreadableFileException e = catchThrowableOfType(UnreadableFileException.class, () -> reader.read(file));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("'cut.xlsx' ").doesNotContain("\n", "Exception", "org.apache", dir.toString());
        assertThat(e.getStackTrace()).isEmpty();
    }

    @Test
    void reasonsFromPoiNeverShowServerPathsOrClassNames() {
        String reason = PortfolioReader.shortReason(new IllegalStateException(
                "org.apache.poi.Foo: cannot read '/tmp/upload-123/x.xlsx' (Excel 5/95)\n\tat somewhere"));

        assertThat(reason).isEqualTo("cannot read the file (Excel 5/95)");
    }

    @Test
    void aMissingFileIsReported() {
        assertThatThrownBy(() -> reader.read(dir.resolve("gone.xlsx"))).isInstanceOf(UnreadableFileException.class)
                .hasMessage("'gone.xlsx' was not found");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @Timeout(60)
    @CsvSource(delimiter = '|', value = {
            "password.xls | is password protected: save it without a password",
            "protected_passtika.xlsx | is password protected: save it without a password",
            "xor-encryption-abc.xls | is password protected: save it without a password",
            "testEXCEL_95.xls | Excel 5/95 format is not supported: save it as .xlsx",
            "SampleSS.ods | is not a spreadsheet",
            "invalid.xlsx | is not a spreadsheet",
            "poc-xmlbomb.xlsx | is not a readable workbook",
            "poc-xmlbomb-empty.xlsx | is not a readable workbook",
            "poc-shared-strings.xlsx | is too large",
            "sample.strict.xlsx | Strict Open XML",
            "57893-many-merges.xlsx | no header row found",
            "44593.xls | no header row found",
            "SampleSS.xlsx | no header row found",
            "SampleSS.xls | no header row found"})
    void hostileAndOddFilesFromThePoiCorpusAreRefusedClearly(String name, String expected) {
        Path file = CORPUS.resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), CORPUS_MISSING);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("'" + name + "'")
                .hasMessageContaining(expected);
    }

    /** The answer the corpus README asks of each file, as the reason a caller maps to a status. */
    @ParameterizedTest(name = "{0}: {1}")
    @Timeout(60)
    @MethodSource("com.thesisscreener.importing.PoiCorpus#expectedReasons")
    void everyCorpusFileGetsTheAnswerItsReadmeGivesWithAReason(String name, UnreadableFileException.Reason reason) {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), CORPUS_MISSING);
        Path file = CORPUS.resolve(name);

        UnreadableFileException e = catchThrowableOfType(UnreadableFileException.class, () -> reader.read(file));

        assertThat(e).as(name + " is refused").isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.getMessage()).startsWith("'" + name + "'").doesNotContain("\n", "Exception", "org.apache", "java.");
        assertThat(e.getStackTrace()).isEmpty();
    }

    @Test
    void everyCorpusFileIsCoveredByTheReasonTable() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), CORPUS_MISSING);
        try (Stream<Path> listing = Files.list(CORPUS)) {
            assertThat(listing.map(path -> path.getFileName().toString()).filter(name -> !name.endsWith(".md")))
                    .as("a new corpus file needs its expected answer in the table above").hasSize(23);
        }
    }

    @Test
    @Timeout(60)
    void aMacroWorkbookIsReadAsDataWithItsSheetFound() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), CORPUS_MISSING);

        UnreadableFileException e = catchThrowableOfType(UnreadableFileException.class,
                () -> reader.read(CORPUS.resolve("SimpleMacro.xlsm"), "NoSuchSheet"));

        // Reaching the sheet list means the workbook was opened as data; its VBA part is never read.
        assertThat(e.reason()).isEqualTo(UnreadableFileException.Reason.UNKNOWN_SHEET);
    }

    @Test
    @Timeout(120)
    void everyCorpusFileEndsInAnImportOrOneReadableLineWithinBoundedTime() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), CORPUS_MISSING);
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.filter(path -> !path.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            try {
                reader.read(file);
            } catch (UnreadableFileException e) {
                assertThat(e.getMessage()).as(file.toString())
                        .startsWith("'" + file.getFileName() + "'")
                        .doesNotContain("\n", "Exception", "org.apache", "java.");
            }
        }
    }
}
