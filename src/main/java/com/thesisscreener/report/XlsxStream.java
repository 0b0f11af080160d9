package com.thesisscreener.report;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * An .xlsx workbook written straight to a stream while its rows are produced: sheets of inline-string and number
 * cells, frozen panes, column widths and auto-filters, the styles the cells use, nothing else.
 *
 * <p>One sheet at a time is deflated right into the archive, so the client receives the workbook as it is made.
 * A report that fills two sheets from one pass over its results (ranked rows and their findings) gets the other one
 * deflated into a temporary file, copied into the archive as it is (no second compression) once the first is done.
 * Sheets are listed in the workbook by the order the caller gives them, whatever order their parts were written in.
 */
final class XlsxStream implements AutoCloseable {

    /** Deflate for speed: the XML is repetitive enough that the fastest level still shrinks it about eightfold. */
    private static final int LEVEL = Deflater.BEST_SPEED;
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    /** Column widths in characters, and how many leading columns and rows stay in view when scrolling. */
    record Layout(int[] widths, int frozenColumns, int frozenRows) {
    }

    private final ZipArchiveOutputStream zip;
    private final XlsxStyles styles = new XlsxStyles();
    private final List<Sheet> sheets = new ArrayList<>();
    private final List<Sheet> waiting = new ArrayList<>();
    private Sheet direct;
    private boolean finished;

    XlsxStream(OutputStream out) {
        zip = new ZipArchiveOutputStream(new KeepOpen(out));
        zip.setLevel(LEVEL);
    }

    /**
     * Starts a sheet. It is listed by {@code position} (then by when it was started), so a table continuing on
     * "Findings (2)" stays beside "Findings" even if another table's sheet was started in between.
     */
    Sheet sheet(String name, int position, Layout layout) {
        Sheet sheet = new Sheet(name, position, sheets.size() + 1, layout, direct == null);
        sheets.add(sheet);
        if (sheet.streamed) direct = sheet;
        return sheet;
    }

    /** Writes the parts that describe the sheets and ends the archive; the caller's stream stays open. */
    void finish() {
        if (sheets.stream().anyMatch(sheet -> !sheet.ended)) throw new IllegalStateException("a sheet was not ended");
        try {
            copyWaiting();
            List<Sheet> listed = sheets.stream().sorted(Comparator.comparingInt((Sheet s) -> s.position)
                    .thenComparingInt(s -> s.number)).toList();
            part("xl/styles.xml", styles::write);
            part("xl/workbook.xml", xml -> workbook(xml, listed));
            part("xl/_rels/workbook.xml.rels", this::workbookRelationships);
            part("_rels/.rels", xml -> xml.markup(XML_DECLARATION + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            part("[Content_Types].xml", this::contentTypes);
            zip.finish();
            finished = true;
        } catch (IOException e) {
            throw new UncheckedIOException("the workbook could not be written: " + e.getMessage(), e);
        }
    }

    /** Releases the archive's deflater and deletes what a workbook abandoned half-way left in temporary files. */
    @Override
    public void close() {
        for (Sheet sheet : sheets) sheet.discard();
        try {
            zip.close();
        } catch (IOException e) {
            // Unfinished, the archive cannot be completed anyway (the client has gone, or writing failed before).
            if (finished) throw new UncheckedIOException("the workbook could not be written: " + e.getMessage(), e);
        }
    }

    private void part(String name, Consumer<XmlBytes> content) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        XmlBytes xml = new XmlBytes(zip);
        content.accept(xml);
        xml.flush();
        zip.closeArchiveEntry();
    }

    private void workbook(XmlBytes xml, List<Sheet> listed) {
        xml.markup(XML_DECLARATION + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">"
                + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        for (int i = 0; i < listed.size(); i++) {
            Sheet sheet = listed.get(i);
            xml.markup("<sheet name=\"").text(sheet.name).markup("\" sheetId=\"" + (i + 1) + "\" r:id=\"rId" + sheet.number + "\"/>");
        }
        xml.markup("</sheets>");
        List<Integer> filtered = java.util.stream.IntStream.range(0, listed.size()).filter(i -> listed.get(i).filter != null)
                .boxed().toList();
        if (!filtered.isEmpty()) {
            xml.markup("<definedNames>");
            for (int i : filtered) {
                Sheet sheet = listed.get(i);
                xml.markup("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"" + i + "\" hidden=\"1\">")
                        .text("'" + sheet.name.replace("'", "''") + "'!" + sheet.filter).markup("</definedName>");
            }
            xml.markup("</definedNames>");
        }
        xml.markup("</workbook>");
    }

    private void workbookRelationships(XmlBytes xml) {
        xml.markup(XML_DECLARATION + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (Sheet sheet : sheets) {
            xml.markup("<Relationship Id=\"rId" + sheet.number + "\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet"
                    + sheet.number + ".xml\"/>");
        }
        xml.markup("<Relationship Id=\"rId" + (sheets.size() + 1) + "\" Type=\"" + RELATIONSHIPS + "/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>");
    }

    private void contentTypes(XmlBytes xml) {
        String spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        xml.markup(XML_DECLARATION + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + spreadsheet + "sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + spreadsheet + "styles+xml\"/>");
        for (Sheet sheet : sheets) {
            xml.markup("<Override PartName=\"/" + sheet.entry() + "\" ContentType=\"" + spreadsheet + "worksheet+xml\"/>");
        }
        xml.markup("</Types>");
    }

    private void ended(Sheet sheet) throws IOException {
        if (sheet == direct) {
            zip.closeArchiveEntry();
            direct = null;
            copyWaiting();
        } else if (direct == null) {
            sheet.copyInto(zip);
        } else {
            waiting.add(sheet);
        }
    }

    private void copyWaiting() throws IOException {
        for (Sheet sheet : waiting) sheet.copyInto(zip);
        waiting.clear();
    }

    /** Column letters as Excel names them: A..Z, AA.. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) letters.insert(0, (char) ('A' + (n - 1) % 26));
        return letters.toString();
    }

    /** One worksheet being written: rows in increasing order, cells in increasing columns within a row. */
    final class Sheet {

        private static final String[] COLUMNS = java.util.stream.IntStream.range(0, 64).mapToObj(XlsxStream::column)
                .toArray(String[]::new);

        private final String name;
        private final int position;
        private final int number;
        private final boolean streamed;
        private final XmlBytes xml;
        private Deflated buffered;
        private int row = -1;
        private boolean ended;
        private String filter;

        private Sheet(String name, int position, int number, Layout layout, boolean streamed) {
            this.name = name;
            this.position = position;
            this.number = number;
            this.streamed = streamed;
            try {
                if (streamed) {
                    zip.putArchiveEntry(new ZipArchiveEntry(entry()));
                    xml = new XmlBytes(zip);
                } else {
                    buffered = new Deflated();
                    xml = new XmlBytes(buffered);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the workbook could not be written: " + e.getMessage(), e);
            }
            start(layout);
        }

        private String entry() {
            return "xl/worksheets/sheet" + number + ".xml";
        }

        private void start(Layout layout) {
            xml.markup(XML_DECLARATION + "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">"
                    + "<sheetViews><sheetView workbookViewId=\"0\"" + (number == 1 ? " tabSelected=\"1\"" : "") + ">"
                    + pane(layout.frozenColumns(), layout.frozenRows()) + "</sheetView></sheetViews>"
                    + "<sheetFormatPr defaultRowHeight=\"15\"/>");
            if (layout.widths().length > 0) {
                xml.markup("<cols>");
                for (int i = 0; i < layout.widths().length; i++) {
                    xml.markup("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + layout.widths()[i]
                            + "\" customWidth=\"1\"/>");
                }
                xml.markup("</cols>");
            }
            xml.markup("<sheetData>");
        }

        private static String pane(int columns, int rows) {
            if (columns == 0 && rows == 0) return "";
            String active = rows == 0 ? "topRight" : columns == 0 ? "bottomLeft" : "bottomRight";
            return "<pane" + (columns > 0 ? " xSplit=\"" + columns + "\"" : "") + (rows > 0 ? " ySplit=\"" + rows + "\"" : "")
                    + " topLeftCell=\"" + column(columns) + (rows + 1) + "\" activePane=\"" + active + "\" state=\"frozen\"/>"
                    + "<selection pane=\"" + active + "\"/>";
        }

        /** Starts row {@code index} (0-based); rows skipped stay empty. Returns this sheet, for the row's cells. */
        Sheet row(int index) {
            if (index <= row) throw new IllegalArgumentException("rows are written in order: " + index + " after " + row);
            if (row >= 0) xml.markup("</row>");
            row = index;
            xml.markup("<row r=\"").number(index + 1).markup("\">");
            return this;
        }

        /** Text in its look, quote-prefixed if a spreadsheet could take it for a formula; null leaves the cell blank. */
        void text(int column, String value, CellLook look) {
            if (value == null) {
                blank(column, look);
                return;
            }
            String shown = SafeCells.fit(value);
            cell(column, SafeCells.looksLikeFormula(shown) ? styles.quoted(look) : look, " t=\"inlineStr\"><is><t");
            if (needsPreserving(shown)) xml.markup(" xml:space=\"preserve\"");
            xml.markup(">").text(shown).markup("</t></is></c>");
        }

        /** A number in its look; null leaves the cell blank, a value no spreadsheet holds shows as #NUM!. */
        void number(int column, Number value, CellLook look) {
            if (value == null) {
                blank(column, look);
                return;
            }
            double number = value.doubleValue();
            if (Double.isFinite(number)) {
                cell(column, look, "><v>");
                xml.number(number).markup("</v></c>");
            } else {
                cell(column, look, " t=\"e\"><v>#NUM!</v></c>");
            }
        }

        private void blank(int column, CellLook look) {
            cell(column, look, "/>");
        }

        private void cell(int column, CellLook look, String rest) {
            xml.markup("<c r=\"").markup(column < COLUMNS.length ? COLUMNS[column] : column(column)).number(row + 1);
            int style = styles.id(look);
            if (style != 0) xml.markup("\" s=\"").number(style);
            xml.markup("\"").markup(rest);
        }

        private static boolean needsPreserving(String text) {
            return !text.isEmpty() && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)));
        }

        /** Ends the sheet, with an auto-filter over its first {@code filterColumns} columns (0: none). */
        void end(int filterColumns) {
            if (row >= 0) xml.markup("</row>");
            xml.markup("</sheetData>");
            if (filterColumns > 0) {
                filter = "$A$1:$" + column(filterColumns - 1) + "$" + Math.max(1, row + 1);
                xml.markup("<autoFilter ref=\"A1:" + column(filterColumns - 1) + Math.max(1, row + 1) + "\"/>");
            }
            xml.markup("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
                    + "</worksheet>");
            xml.flush();
            ended = true;
            try {
                if (buffered != null) buffered.finish();
                ended(this);
            } catch (IOException e) {
                throw new UncheckedIOException("the workbook could not be written: " + e.getMessage(), e);
            }
        }

        private void copyInto(ZipArchiveOutputStream archive) throws IOException {
            ZipArchiveEntry entry = new ZipArchiveEntry(entry());
            entry.setMethod(ZipArchiveEntry.DEFLATED);
            entry.setCrc(buffered.crc.getValue());
            entry.setSize(buffered.deflater.getBytesRead());
            entry.setCompressedSize(buffered.deflater.getBytesWritten());
            try (InputStream raw = Files.newInputStream(buffered.file)) {
                archive.addRawArchiveEntry(entry, raw);
            }
            discard();
        }

        private void discard() {
            if (buffered == null) return;
            buffered.discard();
            buffered = null;
        }
    }

    /** A sheet's XML deflated into a temporary file as a zip entry holds it, with its checksum and sizes. */
    private static final class Deflated extends OutputStream {

        private final Path file;
        private final OutputStream out;
        private final Deflater deflater = new Deflater(LEVEL, true);
        private final CRC32 crc = new CRC32();
        private final byte[] chunk = new byte[1 << 16];

        Deflated() throws IOException {
            file = Files.createTempFile("thesis-screener-sheet", ".deflated");
            try {
                out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                deflater.end();
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            crc.update(bytes, offset, length);
            deflater.setInput(bytes, offset, length);
            while (!deflater.needsInput()) drain();
        }

        void finish() throws IOException {
            deflater.finish();
            while (!deflater.finished()) drain();
            out.close();
        }

        private void drain() throws IOException {
            int produced = deflater.deflate(chunk);
            out.write(chunk, 0, produced);
        }

        void discard() {
            deflater.end();
            try {
                out.close();
            } catch (IOException ignored) {
                // closing failed (a full disk, say): the file goes all the same
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary folder
                }
            }
        }
    }

    /** Whatever the archive does with the stream it writes to, the caller's stream stays open: closing only flushes. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
