package com.thesisscreener.importing;

import com.thesisscreener.screening.Company;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.XLSBUnsupportedException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a portfolio spreadsheet into companies. The format is chosen by the file's first bytes, never by its
 * name alone: an OOXML zip is read as .xlsx, an OLE2 container as .xls (or refused as an encrypted .xlsx), and
 * text as CSV only when the name ends in .csv or .txt.
 *
 * <p>Layout: the header need not be the first row (titles, notes, merged banners and blank rows above it are
 * skipped; see {@link PortfolioAssembler}); without a sheet name the first sheet with a Ticker and Segment header
 * is read. Formulas are read from the values Excel cached: nothing is ever evaluated, so external links are
 * never followed. Macro-enabled workbooks (.xlsm) are read as data like any .xlsx: their macros are never opened,
 * let alone run.
 *
 * <p>Cell-level trouble never stops an import: the row is left out and each bad cell becomes a {@link RowProblem}.
 * Whole-file trouble is an {@link UnreadableFileException} with a one-line message naming the file and a
 * {@link UnreadableFileException.Reason}.
 *
 * <p>Memory: .xlsx and .csv are streamed, so {@link #readEach} holds only the shared text table (capped by
 * {@link ImportLimits#maxSharedTextBytes()}), a compact ticker index and the kept problems, whatever the row count;
 * {@link #read} also holds the companies it returns. An .xls is loaded whole (at most 65,536 rows).
 *
 * <p>Loading this class sets Apache POI's process-wide protections (see the static block): they are global in
 * POI, so every POI use in the same JVM gets them.
 */
public final class PortfolioReader {

    static {
        // Zip bombs: a part may unpack to at most 100 times its compressed size (1 %). Real sheet XML compresses to
        // 5-15 %; POI's default is the same value, set here so it is a decision and not an accident.
        ZipSecureFile.setMinInflateRatio(0.01);
        // One part may unpack to at most 2 GB. Sheets are streamed, so this bounds time, not memory: a 1,048,576-row,
        // 21-column sheet is about 1 GB of XML; POI's default (4 GB) would let a crafted file parse for minutes.
        ZipSecureFile.setMaxEntrySize(2L * 1024 * 1024 * 1024);
        // A workbook has a few dozen parts; 1,000 (POI's default) refuses zips of millions of empty entries.
        ZipSecureFile.setMaxFileCount(1_000);
        // Caps text extracted through POI's extractors (10 M characters, POI's default and the most it accepts
        // without a warning); the importer does not use them, the value is set so no other path is unbounded.
        ZipSecureFile.setMaxTextSize(10L * 1024 * 1024);
        // A zip with a damaged directory is read by streaming, holding each part in memory; parts over 16 MB go to
        // a temp file instead, so such a file cannot take a sheet's whole XML onto the heap.
        ZipInputStreamZipEntrySource.setThresholdBytesForTempFiles(16 * 1024 * 1024);
        // Every array POI sizes from a length written in the file is capped at 32 MB: above any record or part the
        // importer holds (.xls records are at most 8 KB; damaged-zip parts in memory at most 16 MB), far below the
        // heap. A set override replaces POI's per-record maxima, so this one number is the ceiling for all of them.
        IOUtils.setByteArrayMaxOverride(32 * 1024 * 1024);
    }

    private static final int SNIFF_BYTES = 4096;
    private static final byte[] ZIP = {'P', 'K'};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final int MAX_REASON_CHARS = 160;

    private final ImportLimits limits;

    public PortfolioReader(ImportLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Reads the first sheet that has a portfolio header. */
    public ImportedPortfolio read(Path file) throws UnreadableFileException {
        return read(file, null);
    }

    /**
     * Reads the named sheet, or finds it when {@code sheetName} is null. A name that matches no sheet (ignoring case
     * and surrounding spaces) is an {@link UnreadableFileException} listing the sheets. CSV files have no sheets:
     * the name is ignored for them.
     */
    public ImportedPortfolio read(Path file, String sheetName) throws UnreadableFileException {
        List<Company> companies = new ArrayList<>();
        return ImportedPortfolio.of(readEach(file, sheetName, companies::add), companies);
    }

    /**
     * Streams the companies to {@code each} as their rows are read, holding none of them: for imports too large to
     * keep, or to store them as they come. When the file turns out unreadable part way (a row limit, a damaged
     * part), some companies may already have been handed over; the exception says to discard them.
     */
    public ImportSummary readEach(Path file, String sheetName, Consumer<? super Company> each) throws UnreadableFileException {
        Objects.requireNonNull(each, "each");
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] head;
        try {
            if (Files.isDirectory(file)) {
                throw UnreadableFileException.notFound(name, "is a folder, not a file");
            }
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw UnreadableFileException.tooLarge(name, size(size) + "; the limit is " + size(limits.maxFileBytes()));
            }
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(SNIFF_BYTES);
            }
        } catch (NoSuchFileException e) {
            throw UnreadableFileException.notFound(name, "was not found");
        } catch (IOException e) {
            throw UnreadableFileException.notFound(name, "could not be opened: " + shortReason(e));
        }

        PortfolioAssembler assembler;
        try {
            if (startsWith(head, OLE2)) {
                assembler = new PortfolioAssembler(name, limits, sheetName, each);
                new XlsReader(name, assembler).read(file);
            } else if (startsWith(head, ZIP)) {
                assembler = new PortfolioAssembler(name, limits, sheetName, each);
                new XlsxReader(name, limits, assembler).read(file);
            } else if (isTextFileName(name) && looksLikeText(head)) {
                assembler = new PortfolioAssembler(name, limits, null, each); // a CSV file is its only sheet
                new CsvReader(name, limits).read(file, assembler);
            } else {
                throw UnreadableFileException.notASpreadsheet(name, ": expected an Excel workbook (.xlsx, .xls) or a .csv file");
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw UnreadableFileException.encrypted(name);
        } catch (OldExcelFormatException e) {
            throw UnreadableFileException.oldExcel(name);
        } catch (ODFNotOfficeXmlFileException e) {
            throw UnreadableFileException.notASpreadsheet(name, " this importer reads: it is an OpenDocument file (.ods); save it as .xlsx");
        } catch (XLSBUnsupportedException e) {
            throw UnreadableFileException.unsupported(name, "is not a spreadsheet this importer reads: it is an Excel binary workbook (.xlsb); save it as .xlsx");
        } catch (NotOfficeXmlFileException e) {
            throw UnreadableFileException.notASpreadsheet(name, ": it is a zip archive without an Excel workbook inside");
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // Whatever POI, the XML parser or the zip layer throws on a damaged or hostile file ends here. An
            // OutOfMemoryError is caught too: the import's own structures are dropped with this call, so the heap
            // is free again and the caller gets a one-line answer instead of a dead request.
            throw classify(name, e);
        }
        return assembler.result();
    }

    private static String size(long bytes) {
        return LimitedInputStream.size(bytes);
    }

    private static UnreadableFileException classify(String name, Throwable e) {
        if (e instanceof StackOverflowError) {
            return UnreadableFileException.unreadable(name, "its structure is nested too deeply");
        }
        if (e instanceof OutOfMemoryError) {
            return UnreadableFileException.tooLarge(name, "reading it needs more memory than the importer may use");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("Zip bomb") || message.contains("max allowed overall size") || message.contains("exceed")
                    && message.contains("max")) {
                // POI's zip guard: the contents unpack to far more than the file's size suggests.
                return UnreadableFileException.tooLarge(name, "its contents unpack to far more data than the file size suggests");
            }
            if (t instanceof LimitedInputStream.TooLarge tooLarge) {
                return UnreadableFileException.tooLarge(name, tooLarge.getMessage());
            }
            if (message.startsWith("Tried to allocate an array of length")) {
                // POI's array cap (see the static block): a length in the file claims far more than any workbook holds.
                return UnreadableFileException.unreadable(name, "a record in it claims more data than any workbook holds");
            }
            if (message.contains("too many entries")) {
                return UnreadableFileException.unreadable(name, "its zip archive holds far more parts than a workbook has");
            }
            if (message.contains("DOCTYPE is disallowed")) {
                return UnreadableFileException.unreadable(name, "it declares a DOCTYPE, which workbooks never need (a possible XML entity attack)");
            }
            if (t instanceof EncryptedDocumentException) {
                return UnreadableFileException.encrypted(name);
            }
            if (t instanceof java.util.zip.ZipException || message.startsWith("Failed to read the file input stream")) {
                return UnreadableFileException.unreadable(name, "the zip archive inside is damaged or incomplete");
            }
        }
        return UnreadableFileException.unreadable(name, shortReason(e));
    }

    /** The first line of the most telling message, without Java class names, shortened. */
    static String shortReason(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return "the file is damaged";
        }
        String line = message.strip().lines().findFirst().orElse("")
                .replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)?:?\\s*", "")
                // Never show where the server keeps its files (an upload's temp path, for one).
                .replaceAll("(?<![^\\s('\"])'?(?:/|[A-Za-z]:\\\\)[^\\s']*'?", "the file")
                .strip();
        if (line.isEmpty()) {
            return "the file is damaged";
        }
        return line.length() <= MAX_REASON_CHARS ? line : line.substring(0, MAX_REASON_CHARS) + "\u2026";
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTextFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".txt");
    }

    /** Text has no NUL bytes, unless it is UTF-16 with a byte order mark. */
    private static boolean looksLikeText(byte[] head) {
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            return true;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }
}
