package com.thesisscreener.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The styles part of a written workbook: every {@link CellLook} used gets a cell format, numbered in the order first
 * asked for ({@link CellLook#PLAIN} is format 0, the workbook's default); fonts, fills, borders and number formats are
 * shared between the formats that use them.
 */
final class XlsxStyles {

    /** Number formats Excel knows by number; others are declared from 164 on. */
    private static final Map<String, Integer> BUILT_IN_FORMATS = Map.of("0", 1, "0.00", 2, "0%", 9, "0.00%", 10);
    private static final int FIRST_CUSTOM_FORMAT = 164;

    /** Identity caches are bounded: a caller making a new look per cell would otherwise grow them with every cell. */
    private static final int MAX_REMEMBERED = 256;

    private final Map<CellLook, Integer> formats = new LinkedHashMap<>();
    /** Looks already numbered, by identity: a cell's format is found without hashing the look's seven fields. */
    private final Map<CellLook, Integer> numbered = new IdentityHashMap<>();
    private final Map<CellLook, CellLook> quoted = new IdentityHashMap<>();

    XlsxStyles() {
        id(CellLook.PLAIN);
    }

    /** The number of the cell format for {@code look}. */
    int id(CellLook look) {
        Integer id = numbered.get(look);
        if (id != null) return id;
        id = formats.computeIfAbsent(look, newLook -> formats.size());
        if (numbered.size() < MAX_REMEMBERED) numbered.put(look, id);
        return id;
    }

    /** The quote-prefixed twin of {@code look}, the same instance each time. */
    CellLook quoted(CellLook look) {
        CellLook twin = quoted.get(look);
        if (twin != null) return twin;
        twin = look.quotePrefixed();
        if (quoted.size() < MAX_REMEMBERED) quoted.put(look, twin);
        return twin;
    }

    void write(XmlBytes xml) {
        Parts fonts = new Parts();
        Parts fills = new Parts();
        Map<String, Integer> numberFormats = new LinkedHashMap<>();
        fonts.id(font(false, CellLook.DEFAULT));
        fills.id("<fill><patternFill patternType=\"none\"/></fill>");
        fills.id("<fill><patternFill patternType=\"gray125\"/></fill>");
        StringBuilder cellFormats = new StringBuilder();
        for (CellLook look : formats.keySet()) {
            cellFormats.append("<xf numFmtId=\"").append(numberFormat(look.format(), numberFormats))
                    .append("\" fontId=\"").append(fonts.id(font(look.bold(), look.fontRgb())))
                    .append("\" fillId=\"").append(look.fillRgb() == CellLook.DEFAULT ? 0 : fills.id(fill(look.fillRgb())))
                    .append("\" borderId=\"").append(look.underlined() ? 1 : 0)
                    .append("\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\"")
                    .append(look.quoted() ? " quotePrefix=\"1\"" : "")
                    .append(look.centred() ? " applyAlignment=\"1\"><alignment horizontal=\"center\"/></xf>" : "/>");
        }
        xml.markup("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        if (!numberFormats.isEmpty()) {
            xml.markup("<numFmts count=\"" + numberFormats.size() + "\">");
            numberFormats.forEach((code, id) -> xml.markup("<numFmt numFmtId=\"" + id + "\" formatCode=\"").text(code).markup("\"/>"));
            xml.markup("</numFmts>");
        }
        fonts.write(xml, "fonts");
        fills.write(xml, "fills");
        xml.markup("<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
                + "<border><left/><right/><top/><bottom style=\"thin\"><color indexed=\"64\"/></bottom><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"" + formats.size() + "\">");
        xml.markup(cellFormats.toString());
        xml.markup("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                + "</styleSheet>");
    }

    private static int numberFormat(String code, Map<String, Integer> declared) {
        if (code == null) return 0;
        Integer builtIn = BUILT_IN_FORMATS.get(code);
        if (builtIn != null) return builtIn;
        return declared.computeIfAbsent(code, c -> FIRST_CUSTOM_FORMAT + declared.size());
    }

    private static String font(boolean bold, int rgb) {
        return "<font>" + (bold ? "<b/>" : "") + "<sz val=\"11\"/>"
                + (rgb == CellLook.DEFAULT ? "" : "<color rgb=\"" + argb(rgb) + "\"/>")
                + "<name val=\"Calibri\"/><family val=\"2\"/></font>";
    }

    private static String fill(int rgb) {
        return "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"" + argb(rgb) + "\"/><bgColor indexed=\"64\"/>"
                + "</patternFill></fill>";
    }

    private static String argb(int rgb) {
        return String.format("FF%06X", rgb & 0xFFFFFF);
    }

    /** Elements of one list of the styles part, each written once, numbered in order. */
    private static final class Parts {

        private final List<String> elements = new ArrayList<>();

        int id(String element) {
            int id = elements.indexOf(element);
            if (id >= 0) return id;
            elements.add(element);
            return elements.size() - 1;
        }

        void write(XmlBytes xml, String list) {
            if (elements.isEmpty()) return;
            xml.markup("<" + list + " count=\"" + elements.size() + "\">");
            elements.forEach(xml::markup);
            xml.markup("</" + list + ">");
        }
    }
}
