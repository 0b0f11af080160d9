package com.thesisscreener.importing;

import java.util.Objects;

/**
 * The file as a whole cannot be imported: unreadable or corrupt, password protected, an unsupported format,
 * not a spreadsheet, too large, no header row, or a required column missing.
 * {@link #getMessage()} is one line naming the file and saying what to do; it never carries a stack trace.
 * {@link #reason()} says which kind of trouble it is, for callers that map it to a status (see {@link Reason}).
 */
public class UnreadableFileException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Why the file was refused. The HTTP status each suggests is in its description; the message is the same
     * words on the command line and in a problem document.
     */
    public enum Reason {
        /** The file does not exist or is a folder (command line only; an upload always exists). Suggests 404/400. */
        NOT_FOUND,
        /** Not an Excel workbook or CSV at all: random bytes, an .ods, a PDF, a zip of something else. Suggests 415. */
        NOT_A_SPREADSHEET,
        /** Password protected or encrypted. Suggests 422 (the analyst can fix it by saving without a password). */
        ENCRYPTED,
        /** A spreadsheet format this importer does not read: Excel 95 and older, Strict Open XML, .xlsb. Suggests 415. */
        UNSUPPORTED_FORMAT,
        /** Over a configured limit: file size, rows, cell length, or contents that unpack far beyond the file size. Suggests 413. */
        TOO_LARGE,
        /** Damaged, truncated, crafted (entity bombs, fuzzed records) or otherwise unparseable. Suggests 422. */
        CORRUPT,
        /** No row names the Ticker and Segment columns. Suggests 422. */
        NO_HEADER,
        /** A header row was found but a required column is missing from it. Suggests 422. */
        MISSING_COLUMN,
        /** Two columns of the header hold the same field. Suggests 422. */
        DUPLICATE_COLUMN,
        /** The caller named a sheet the workbook does not have; the message lists those it has. Suggests 422 (or 400). */
        UNKNOWN_SHEET
    }

    private final Reason reason;
    private final String fileName;

    UnreadableFileException(Reason reason, String fileName, String message) {
        // No cause and no stack trace: the message is the whole story for the analyst, and
        // keeping POI's exception out avoids it being logged or shown by accident.
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.fileName = fileName;
    }

    /** What kind of trouble this is. */
    public Reason reason() {
        return reason;
    }

    /** The file's name as given (no directories). */
    public String fileName() {
        return fileName;
    }

    /** "'book.xlsx' is ...": the clause follows the quoted name. */
    static UnreadableFileException of(Reason reason, String fileName, String clause) {
        return new UnreadableFileException(reason, fileName, "'" + fileName + "' " + clause);
    }

    /** For reasons that read as a sentence of their own: "'book.xlsx': no header row found; ...". */
    static UnreadableFileException about(Reason reason, String fileName, String sentence) {
        return new UnreadableFileException(reason, fileName, "'" + fileName + "': " + sentence);
    }

    static UnreadableFileException notFound(String fileName, String clause) {
        return of(Reason.NOT_FOUND, fileName, clause);
    }

    static UnreadableFileException encrypted(String fileName) {
        return of(Reason.ENCRYPTED, fileName, "is password protected: save it without a password and import it again");
    }

    static UnreadableFileException oldExcel(String fileName) {
        return about(Reason.UNSUPPORTED_FORMAT, fileName, "Excel 5/95 format is not supported: save it as .xlsx");
    }

    static UnreadableFileException unsupported(String fileName, String clause) {
        return of(Reason.UNSUPPORTED_FORMAT, fileName, clause);
    }

    static UnreadableFileException notASpreadsheet(String fileName, String detail) {
        return of(Reason.NOT_A_SPREADSHEET, fileName, "is not a spreadsheet" + detail);
    }

    static UnreadableFileException unreadable(String fileName, String reason) {
        return of(Reason.CORRUPT, fileName, "is not a readable workbook: " + reason);
    }

    static UnreadableFileException tooLarge(String fileName, String reason) {
        return of(Reason.TOO_LARGE, fileName, "is too large: " + reason);
    }
}
