package com.thesisscreener.portfolio;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams an .xlsx sheet by sheet with POI's event API: rows pass through one at a time, so memory
 * does not grow with the sheet. Formulas are never evaluated; the value Excel cached is what is read.
 */
final class XlsxReader {

    private static final String ERROR_PREFIX = "ERROR:"; // how XSSFSheetXMLHandler marks error cells

    private final String fileName;
    private final long partBudget;

    /** @param partBudget most bytes of XML a part held in memory (shared text, styles) may unpack to */
    XlsxReader(String fileName, long partBudget) {
        this.fileName = fileName;
        this.partBudget = partBudget;
    }

    void read(Path file, RowSink sink) throws Exception {
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            if (pkg.isStrictOoxmlFormat()) {
                throw UnreadableFileException.unreadable(fileName,
                        "it is saved as Strict Open XML, which is not supported; save it as an ordinary Excel Workbook (.xlsx)");
            }
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);
            StylesTable styles = styles(pkg);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext() && !sink.finished()) {
                try (InputStream sheet = sheets.next()) {
                    sink.startSheet(sheets.getSheetName());
                    readSheet(sheet, styles, strings, sink);
                    sink.endSheet();
                }
            }
        } finally {
            // revert(), not close(): close() on a read-only package tries to save and logs a warning.
            pkg.revert();
        }
    }

    /**
     * The shared text table is the one part held in memory whole, so its size is capped before it is loaded;
     * a small zip can otherwise unpack to gigabytes of text. The read-only SAX table needs far less memory
     * per string than the XMLBeans one.
     */
    private ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(pkg, false);
        }
        try (InputStream in = new LimitedInputStream(parts.get(0).getInputStream(), partBudget, "shared text table")) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    /** Cell formats, needed to tell percent cells; capped like the shared text. Absent styles mean "General". */
    private StylesTable styles(OPCPackage pkg) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream in = new LimitedInputStream(parts.get(0).getInputStream(), partBudget, "style table")) {
            return new StylesTable(in);
        }
    }

    private static void readSheet(InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings, RowSink sink)
            throws Exception {
        XMLReader parser = XMLHelper.newXMLReader(); // POI's hardened parser: no DTDs, no external entities
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(sink),
                new CellFormats.RawNumberFormatter(), false));
        try {
            parser.parse(new InputSource(sheet));
        } catch (StopSheet stop) {
            // the sink has what it needs from this sheet
        } catch (Tunnel tunnel) {
            throw tunnel.cause;
        } catch (SAXException e) {
            if (e.getCause() instanceof StopSheet) {
                return;
            }
            if (e.getCause() instanceof Tunnel tunnel) {
                throw tunnel.cause;
            }
            throw e;
        }
    }

    /** Collects a row's cells and hands the row on when it ends. */
    private static final class Rows implements SheetContentsHandler {

        private final RowSink sink;
        private final List<SheetCell> cells = new ArrayList<>();
        private int lastColumn = -1;

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            lastColumn = -1;
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            // Some writers omit the reference; Excel then takes the next column, and so do we.
            int column = cellReference == null ? lastColumn + 1 : new CellReference(cellReference).getCol();
            lastColumn = column;
            if (formattedValue == null) {
                return;
            }
            boolean error = formattedValue.startsWith(ERROR_PREFIX);
            cells.add(new SheetCell(column, error ? formattedValue.substring(ERROR_PREFIX.length()) : formattedValue, error));
        }

        @Override
        public void endRow(int rowNum) {
            boolean wanted;
            try {
                wanted = sink.row(rowNum + 1, List.copyOf(cells));
            } catch (UnreadableFileException e) {
                throw new Tunnel(e);
            }
            if (!wanted) {
                throw new StopSheet();
            }
        }
    }

    /** Ends the SAX parse of a sheet early; only way out of a running parser. */
    private static final class StopSheet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopSheet() {
            super(null, null, false, false);
        }
    }

    /** Carries the sink's checked exception through the SAX callbacks. */
    private static final class Tunnel extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final UnreadableFileException cause;

        Tunnel(UnreadableFileException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }
}
