package com.thesisscreener.importing;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams an .xlsx sheet by sheet with a SAX handler of its own over POI's package reader: rows pass through one
 * at a time and the cell list is reused, so memory does not grow with the sheet (only the shared text table,
 * which is capped, is held whole). Formulas are never evaluated and external links never followed: the value
 * Excel cached in {@code <v>} is what is read; a formula saved without a {@code <v>} (as openpyxl and some
 * exporters write them) is handed on as {@link SheetCell#unsavedFormula}, never as an empty cell. Macro-enabled workbooks (.xlsm) are
 * read the same way; their VBA part is never opened.
 */
final class XlsxReader {

    /** Excel's 64,000-style ceiling fits in a few MB of style XML, so 16 MB is generous for a real file. */
    private static final long STYLES_BUDGET = 16L * 1024 * 1024;
    /** Enough of a formula to recognise it in a problem message; the rest is not kept. */
    private static final int SHOWN_FORMULA_CHARS = 80;

    private final String fileName;
    private final ImportLimits limits;
    private final PortfolioAssembler assembler;

    XlsxReader(String fileName, ImportLimits limits, PortfolioAssembler assembler) {
        this.fileName = fileName;
        this.limits = limits;
        this.assembler = assembler;
    }

    void read(Path file) throws Exception {
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            if (pkg.isStrictOoxmlFormat()) {
                throw UnreadableFileException.unsupported(fileName,
                        "is saved as Strict Open XML, which is not supported: save it as an ordinary Excel Workbook (.xlsx)");
            }
            XSSFReader reader = new XSSFReader(pkg);
            SharedText strings = null;
            CellKinds kinds = null;
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext() && !assembler.finished()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (!assembler.startSheet(name)) {
                        continue;
                    }
                    if (strings == null) {
                        // Loaded only once a sheet is read, so an unknown --sheet fails before the big part is parsed.
                        strings = sharedStrings(pkg);
                        kinds = new CellKinds(styles(pkg));
                    }
                    readSheet(name, sheet, strings, kinds);
                    assembler.endSheet();
                }
            }
        } finally {
            // revert(), not close(): close() on a read-only package tries to save and logs a warning.
            pkg.revert();
        }
    }

    /** The shared text table, capped before it is loaded: a small zip can otherwise unpack to gigabytes of text. */
    private SharedText sharedStrings(OPCPackage pkg) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return SharedText.empty(); // writers that use inline strings (SXSSF, many exporters) have none
        }
        try (InputStream in = new LimitedInputStream(parts.get(0).getInputStream(), limits.maxSharedTextBytes(), "shared text table")) {
            return SharedText.read(in);
        }
    }

    /** Cell formats, needed to tell percent and date cells; capped like the shared text. Absent styles mean "General". */
    private StyleFormats styles(OPCPackage pkg) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream in = new LimitedInputStream(parts.get(0).getInputStream(), STYLES_BUDGET, "style table")) {
            return StyleFormats.read(in);
        }
    }

    private void readSheet(String name, InputStream sheet, SharedText strings, CellKinds kinds) throws Exception {
        XMLReader parser = WorkbookXml.newReader();
        parser.setContentHandler(new SheetHandler(name, strings, kinds));
        try {
            parser.parse(new InputSource(sheet));
        } catch (StopSheet stop) {
            // the assembler has what it needs from this sheet
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

    /** What a style index means for reading numbers; looked up once per style, not per cell. */
    private static final class CellKinds {

        private static final byte UNKNOWN = 0;
        private static final byte PLAIN = 1;
        private static final byte PERCENT = 2;
        private static final byte DATE = 3;

        private final StyleFormats styles;
        private final byte[] kinds;

        CellKinds(StyleFormats styles) {
            this.styles = styles;
            this.kinds = new byte[styles == null ? 0 : styles.count()];
        }

        byte kind(int style) {
            if (style < 0 || style >= kinds.length) {
                return PLAIN;
            }
            if (kinds[style] == UNKNOWN) {
                String format = styles.formatString(style);
                kinds[style] = format == null ? PLAIN
                        : CellFormats.isPercentFormat(format) ? PERCENT
                        : DateUtil.isADateFormat(styles.formatId(style), format) ? DATE : PLAIN;
            }
            return kinds[style];
        }
    }

    /** Turns {@code <row>}/{@code <c>} elements into rows of cells. */
    private final class SheetHandler extends DefaultHandler {

        private final String sheetName;
        private final SharedText strings;
        private final CellKinds kinds;
        private final List<SheetCell> cells = new ArrayList<>();
        private final StringBuilder value = new StringBuilder(64);
        private final StringBuilder formula = new StringBuilder(64);

        private int rowNumber;
        private int nextColumn;
        private int column;
        private String type;
        private int style;
        private boolean inCell;
        private boolean collecting;
        private boolean inInline;
        private boolean inFormula;
        private boolean hasFormula;
        private boolean hasValue;
        private int phonetic;

        SheetHandler(String sheetName, SharedText strings, CellKinds kinds) {
            this.sheetName = sheetName;
            this.strings = strings;
            this.kinds = kinds;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : positive(r);
                    nextColumn = 0;
                    cells.clear();
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    // Some writers omit the reference; Excel then takes the next column, and so do we.
                    column = ref == null ? nextColumn : column(ref);
                    nextColumn = column + 1;
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? 0 : positive(s);
                    value.setLength(0);
                    formula.setLength(0);
                    hasFormula = false;
                    hasValue = false;
                    inCell = true;
                }
                case "v" -> {
                    collecting = inCell;
                    hasValue = inCell;
                }
                case "f" -> {
                    inFormula = inCell;
                    hasFormula = inCell;
                }
                case "is" -> inInline = inCell;
                case "rPh" -> phonetic++;
                case "t" -> collecting = inInline && phonetic == 0;
                default -> {
                    // everything else is ignored: only cached values (and whether a formula has one) are read
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inFormula && formula.length() < SHOWN_FORMULA_CHARS) {
                formula.append(ch, start, Math.min(length, SHOWN_FORMULA_CHARS - formula.length()));
            }
            if (collecting) {
                if (value.length() + length > limits.maxCellChars()) {
                    // Checked while reading, so one crafted cell cannot fill the heap before the assembler sees it.
                    throw new Tunnel(assembler.tooLongCell(sheetName, column, rowNumber));
                }
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "f" -> inFormula = false;
                case "is" -> inInline = false;
                case "rPh" -> phonetic--;
                case "c" -> {
                    inCell = false;
                    cell();
                }
                case "row" -> {
                    boolean wanted;
                    try {
                        wanted = assembler.row(rowNumber, cells);
                    } catch (UnreadableFileException e) {
                        throw new Tunnel(e);
                    }
                    if (!wanted) {
                        throw new StopSheet();
                    }
                }
                default -> {
                }
            }
        }

        private void cell() {
            if (hasFormula && !hasValue) {
                cells.add(SheetCell.unsavedFormula(column, formula.toString()));
                return;
            }
            if (value.length() == 0 && !"inlineStr".equals(type)) {
                return; // a styled but empty cell
            }
            if (type == null || type.equals("n")) {
                number();
                return;
            }
            switch (type) {
                case "s" -> {
                    String text = strings.get(positive(value));
                    if (text == null) {
                        throw new Tunnel(UnreadableFileException.unreadable(fileName, "sheet '" + sheetName + "', row " + rowNumber
                                + " refers to shared text that does not exist"));
                    }
                    cells.add(SheetCell.text(column, text));
                }
                case "b" -> cells.add(SheetCell.text(column, "1".equals(value.toString().strip()) ? "TRUE" : "FALSE"));
                case "e" -> cells.add(SheetCell.error(column, value.toString()));
                default -> cells.add(SheetCell.text(column, value.toString())); // inlineStr, str (a formula's text), d (ISO date)
            }
        }

        private void number() {
            double number;
            try {
                number = CellFormats.fromXml(value);
            } catch (NumberFormatException e) {
                cells.add(SheetCell.text(column, value.toString())); // not a number after all: let the column judge the text
                return;
            }
            byte kind = kinds.kind(style);
            if (kind == CellKinds.DATE && DateUtil.isValidExcelDate(number)) {
                // Dates are not numbers for any field: as text, a number column refuses them instead of reading a day count.
                LocalDateTime date = DateUtil.getLocalDateTime(number);
                cells.add(SheetCell.text(column, date.toLocalTime().toSecondOfDay() == 0 ? date.toLocalDate().toString() : date.toString()));
            } else {
                cells.add(SheetCell.number(column, number, kind == CellKinds.PERCENT));
            }
        }

        /** Column index from a reference such as "AB12", without allocating. */
        private int column(String ref) {
            int col = 0;
            for (int i = 0; i < ref.length(); i++) {
                char c = ref.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    col = col * 26 + (c - 'A' + 1);
                } else if (c >= 'a' && c <= 'z') {
                    col = col * 26 + (c - 'a' + 1);
                } else {
                    break;
                }
                if (col > 16_384) {
                    throw new Tunnel(UnreadableFileException.unreadable(fileName, "sheet '" + sheetName
                            + "' has a cell beyond Excel's last column"));
                }
            }
            return col == 0 ? nextColumn : col - 1;
        }

        /** A small non-negative integer attribute or value; a damaged one ends the import as unreadable. */
        private int positive(CharSequence text) {
            int n = 0;
            int length = text.length();
            if (length == 0 || length > 9) {
                throw new Tunnel(UnreadableFileException.unreadable(fileName, "sheet '" + sheetName + "' holds a damaged number: '"
                        + text.subSequence(0, Math.min(length, 20)) + "'"));
            }
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    throw new Tunnel(UnreadableFileException.unreadable(fileName, "sheet '" + sheetName + "' holds a damaged number: '"
                            + text.subSequence(0, Math.min(length, 20)) + "'"));
                }
                n = n * 10 + (c - '0');
            }
            return n;
        }
    }

    /** Ends the SAX parse of a sheet early; only way out of a running parser. */
    private static final class StopSheet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopSheet() {
            super(null, null, false, false);
        }
    }

    /** Carries a checked exception through the SAX callbacks. */
    private static final class Tunnel extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final UnreadableFileException cause;

        Tunnel(UnreadableFileException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }
}
