package com.thesisscreener.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks. UTF-8 with or without BOM;
 * UTF-16 when it has a BOM (Excel's "Unicode text"); otherwise Windows-1252, the encoding of Excel's plain
 * "CSV" on Western Windows. The delimiter (comma, semicolon or tab) is whichever the header line uses most.
 * The sheet name is the file name; row numbers count records, as Excel shows them.
 */
final class CsvReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int HEADER_SCAN_CHARS = 64 * 1024;

    private final String fileName;
    private final ImportLimits limits;

    CsvReader(String fileName, ImportLimits limits) {
        this.fileName = fileName;
        this.limits = limits;
    }

    void read(Path file, RowSink sink) throws IOException, UnreadableFileException {
        byte[] head = new byte[3];
        int headLength;
        try (InputStream in = Files.newInputStream(file)) {
            headLength = in.readNBytes(head, 0, 3);
        }
        Charset charset;
        int bom = 0;
        if (headLength >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (headLength >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (headLength >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            charset = isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        char delimiter;
        try (Reader reader = open(file, charset, bom)) {
            delimiter = detectDelimiter(reader);
        }
        try (Reader reader = open(file, charset, bom)) {
            if (sink.startSheet(fileName)) {
                parse(new Chars(reader), delimiter, sink);
                sink.endSheet();
            }
        }
    }

    private static Reader open(Path file, Charset charset, int bom) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(bom);
        return new BufferedReader(new InputStreamReader(in, charset));
    }

    private static boolean isUtf8(Path file) throws IOException {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buffer = new char[8192];
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Counts candidate delimiters outside quotes on the first non-blank line; comma wins ties. */
    private static char detectDelimiter(Reader reader) throws IOException {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        boolean content = false;
        for (int i = 0; i < HEADER_SCAN_CHARS; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r') && content)) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
            content |= !Character.isWhitespace(c);
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    /** A reader's characters through a buffer of our own, with one character of push-back; no locking per character. */
    private static final class Chars {

        private final Reader reader;
        private final char[] buffer = new char[64 * 1024];
        private int position;
        private int limit;

        Chars(Reader reader) {
            this.reader = reader;
        }

        int read() throws IOException {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[position++];
        }

        /** Steps back over the character just read (never called twice in a row, nor at the end). */
        void unread() {
            position--;
        }

        /**
         * Appends to {@code field} the run of characters from here up to (not including) the next of the stop
         * characters or the end of the buffer, in one copy instead of one append per character (the hot path).
         */
        void appendRun(StringBuilder field, char stop1, char stop2, char stop3, char stop4) {
            int start = position;
            int end = start;
            while (end < limit) {
                char c = buffer[end];
                if (c == stop1 || c == stop2 || c == stop3 || c == stop4) {
                    break;
                }
                end++;
            }
            field.append(buffer, start, end - start);
            position = end;
        }
    }

    private void parse(Chars in, char delimiter, RowSink sink) throws IOException, UnreadableFileException {
        StringBuilder field = new StringBuilder();
        List<SheetCell> cells = new ArrayList<>();
        int record = 1;
        int column = 0;
        boolean inQuotes = false;
        boolean wasQuoted = false;
        int quoteStart = 0;
        int maxCellChars = limits.maxCellChars();
        while (true) {
            int c = in.read();
            if (inQuotes) {
                if (c < 0) {
                    throw UnreadableFileException.about(UnreadableFileException.Reason.CORRUPT, fileName, "the quoted value starting on row " + quoteStart
                            + " is never closed; check the quotes in that row");
                }
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        inQuotes = false;
                        if (next >= 0) {
                            in.unread();
                        }
                    }
                } else {
                    field.append((char) c);
                    in.appendRun(field, '"', '"', '"', '"');
                }
            } else if (c < 0) {
                if (column > 0 || field.length() > 0 || wasQuoted) {
                    addField(cells, column, field);
                    sink.row(record, cells); // last line without a line break
                }
                return;
            } else if (c == delimiter) {
                addField(cells, column++, field);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int next = in.read();
                    if (next >= 0 && next != '\n') {
                        in.unread();
                    }
                }
                addField(cells, column, field);
                if (!sink.row(record, cells)) {
                    return;
                }
                record++;
                cells.clear();
                column = 0;
                wasQuoted = false;
            } else if (c == '"' && !wasQuoted && isBlank(field)) {
                field.setLength(0);
                inQuotes = true;
                wasQuoted = true;
                quoteStart = record;
            } else {
                field.append((char) c); // lenient: text after a closing quote, or a stray quote, is kept as written
                in.appendRun(field, delimiter, '\n', '\r', '"');
            }
            if (field.length() > maxCellChars) {
                throw UnreadableFileException.tooLarge(fileName, String.format(Locale.ROOT,
                        "a value on row %d is longer than %,d characters; check for a quote that is never closed",
                        inQuotes ? quoteStart : record, maxCellChars));
            }
        }
    }

    private static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Keeps only non-blank fields: a row is sparse, so a line of a million commas costs nothing. */
    private static void addField(List<SheetCell> cells, int column, StringBuilder field) {
        if (!isBlank(field)) {
            cells.add(SheetCell.text(column, field.toString()));
        }
        field.setLength(0);
    }
}
