package com.thesisscreener.importing;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The number format of each cell style of an .xlsx, read from the style part with a SAX pass: only what tells percent
 * and date cells apart (a style's {@code numFmtId} in {@code cellXfs}, the workbook's own formats in {@code numFmts},
 * else Excel's built-in ones). POI's {@code StylesTable} gives the same answers but first loads the OOXML schema
 * type system, which took most of the time a small workbook's import spends.
 */
final class StyleFormats {

    /** Excel's ceiling on cell styles; styles past it are read as "General". */
    static final int MAX_STYLES = 64_000;

    private final Map<Integer, String> customFormats = new HashMap<>();
    private int[] formatIds = new int[16];
    private int styles;

    private StyleFormats() {
    }

    /** Reads the style part with POI's hardened parser: no DOCTYPE, no external entities. */
    static StyleFormats read(InputStream xml) throws Exception {
        StyleFormats formats = new StyleFormats();
        XMLReader parser = WorkbookXml.newReader();
        parser.setContentHandler(formats.new Handler());
        parser.parse(new InputSource(xml));
        return formats;
    }

    /** Cell styles read ({@code cellXfs} entries, at most {@link #MAX_STYLES}). */
    int count() {
        return styles;
    }

    /** The style's number format id, as Excel stores it; 0 ("General") for a style that is not there. */
    int formatId(int style) {
        return style >= 0 && style < styles ? formatIds[style] : 0;
    }

    /** The style's format code: the workbook's own definition of its id, else the built-in one; null when neither. */
    String formatString(int style) {
        int id = formatId(style);
        String custom = customFormats.get(id);
        return custom != null ? custom : BuiltinFormats.getBuiltinFormat(id);
    }

    /** Keeps {@code numFmt} under {@code numFmts} and {@code xf} under {@code cellXfs}; other sections hold look-alikes. */
    private final class Handler extends DefaultHandler {

        private boolean inNumberFormats;
        private boolean inCellFormats;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "numFmts" -> inNumberFormats = true;
                case "cellXfs" -> inCellFormats = true;
                case "numFmt" -> {
                    if (inNumberFormats) numberFormat(attributes);
                }
                case "xf" -> {
                    if (inCellFormats) cellFormat(attributes);
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("numFmts")) inNumberFormats = false;
            if (localName.equals("cellXfs")) inCellFormats = false;
        }

        private void numberFormat(Attributes attributes) {
            Integer id = number(attributes.getValue("numFmtId"));
            String code = attributes.getValue("formatCode");
            if (id != null && code != null) customFormats.put(id, code);
        }

        private void cellFormat(Attributes attributes) {
            if (styles == MAX_STYLES) return;
            if (styles == formatIds.length) formatIds = Arrays.copyOf(formatIds, Math.min(MAX_STYLES, styles * 2));
            Integer id = number(attributes.getValue("numFmtId"));
            formatIds[styles++] = id == null ? 0 : id;
        }

        private Integer number(String text) {
            if (text == null) return null;
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException unreadable) {
                return null; // a damaged id reads as "General", as an absent one does
            }
        }
    }
}
