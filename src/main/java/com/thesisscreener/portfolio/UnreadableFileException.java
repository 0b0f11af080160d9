package com.thesisscreener.portfolio;

/**
 * The file as a whole cannot be imported: unreadable or corrupt, password protected, an unsupported format,
 * not a spreadsheet, too large, no header row, or a required column missing.
 * {@link #getMessage()} is one line naming the file and saying what to do; it never carries a stack trace.
 */
public class UnreadableFileException extends Exception {

    private static final long serialVersionUID = 1L;

    UnreadableFileException(String message) {
        // No cause and no stack trace: the message is the whole story for the analyst, and
        // keeping POI's exception out avoids it being logged or shown by accident.
        super(message, null, false, false);
    }

    static UnreadableFileException of(String fileName, String clause) {
        return new UnreadableFileException("'" + fileName + "' " + clause);
    }

    /** For reasons that read as a sentence of their own: "'book.xlsx': no header row found; ...". */
    static UnreadableFileException about(String fileName, String sentence) {
        return new UnreadableFileException("'" + fileName + "': " + sentence);
    }

    static UnreadableFileException encrypted(String fileName) {
        return of(fileName, "is password protected: save it without a password and import it again");
    }

    static UnreadableFileException oldExcel(String fileName) {
        return about(fileName, "Excel 5/95 format is not supported: save it as .xlsx");
    }

    static UnreadableFileException notASpreadsheet(String fileName, String detail) {
        return of(fileName, "is not a spreadsheet" + detail);
    }

    static UnreadableFileException unreadable(String fileName, String reason) {
        return of(fileName, "is not a readable workbook: " + reason);
    }

    static UnreadableFileException tooLarge(String fileName, String reason) {
        return of(fileName, "is too large: " + reason);
    }
}
