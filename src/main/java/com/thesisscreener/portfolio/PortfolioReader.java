package com.thesisscreener.portfolio;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.xssf.XLSBUnsupportedException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a portfolio spreadsheet into companies. The format is chosen by the file's first bytes, never by its
 * name alone: an OOXML zip is read as .xlsx, an OLE2 container as .xls (or refused as an encrypted .xlsx), and
 * text as CSV only when the name ends in .csv or .txt.
 *
 * <p>Cell-level trouble never stops an import: the row is left out and each bad cell becomes a {@link RowProblem}.
 * Whole-file trouble is an {@link UnreadableFileException} with a one-line message naming the file.
 */
public final class PortfolioReader {

    private static final int SNIFF_BYTES = 4096;
    private static final byte[] ZIP = {'P', 'K'};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final int MAX_REASON_CHARS = 160;

    private final ImportLimits limits;

    public PortfolioReader(ImportLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public ImportedPortfolio read(Path file) throws UnreadableFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] head;
        try {
            if (Files.isDirectory(file)) {
                throw UnreadableFileException.of(name, "is a folder, not a file");
            }
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw UnreadableFileException.tooLarge(name, size(size) + "; the limit is " + size(limits.maxFileBytes()));
            }
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(SNIFF_BYTES);
            }
        } catch (NoSuchFileException e) {
            throw UnreadableFileException.of(name, "was not found");
        } catch (IOException e) {
            throw UnreadableFileException.of(name, "could not be opened: " + shortReason(e));
        }

        PortfolioAssembler assembler = new PortfolioAssembler(name, limits);
        try {
            if (startsWith(head, OLE2)) {
                new XlsReader(name).read(file, assembler);
            } else if (startsWith(head, ZIP)) {
                // Shared text and styles are held in memory whole: allow them twice the file size limit once unpacked.
                new XlsxReader(name, 2 * limits.maxFileBytes()).read(file, assembler);
            } else if (isTextFileName(name) && looksLikeText(head)) {
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
            throw UnreadableFileException.notASpreadsheet(name, " this importer reads: it is an Excel binary workbook (.xlsb); save it as .xlsx");
        } catch (NotOfficeXmlFileException e) {
            throw UnreadableFileException.notASpreadsheet(name, ": it is a zip archive without an Excel workbook inside");
        } catch (Exception | StackOverflowError e) {
            // Whatever POI, the XML parser or the zip layer throws on a damaged or hostile file ends here.
            throw classify(name, e);
        }
        return assembler.result();
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        }
        return bytes >= 1024 ? String.format(Locale.ROOT, "%d KB", bytes / 1024) : bytes + " bytes";
    }

    private static UnreadableFileException classify(String name, Throwable e) {
        if (e instanceof StackOverflowError) {
            return UnreadableFileException.unreadable(name, "its structure is nested too deeply");
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
