package com.thesisscreener.report;

/**
 * How a cell of a written workbook looks. Each distinct look becomes one cell format of the workbook's styles
 * ({@link XlsxStyles}); the report names the looks it uses, the styles part is written once at the end.
 *
 * @param bold        bold text
 * @param fontRgb     text colour as 0xRRGGBB, or -1 for the default
 * @param fillRgb     solid background as 0xRRGGBB, or -1 for none
 * @param underlined  a thin border below (table headings)
 * @param format      number format code, or null for General
 * @param centred     centred horizontally
 * @param quoted      Excel's quote prefix: the text stays text even if an analyst re-enters the cell
 */
record CellLook(boolean bold, int fontRgb, int fillRgb, boolean underlined, String format, boolean centred,
                boolean quoted) {

    static final int DEFAULT = -1;
    static final CellLook PLAIN = new CellLook(false, DEFAULT, DEFAULT, false, null, false, false);

    static CellLook number(String format) {
        return new CellLook(false, DEFAULT, DEFAULT, false, format, false, false);
    }

    CellLook bolded() {
        return new CellLook(true, fontRgb, fillRgb, underlined, format, centred, quoted);
    }

    CellLook filled(int rgb) {
        return new CellLook(bold, fontRgb, rgb, underlined, format, centred, quoted);
    }

    CellLook coloured(int rgb) {
        return new CellLook(bold, rgb, fillRgb, underlined, format, centred, quoted);
    }

    CellLook withUnderline() {
        return new CellLook(bold, fontRgb, fillRgb, true, format, centred, quoted);
    }

    CellLook centre() {
        return new CellLook(bold, fontRgb, fillRgb, underlined, format, true, quoted);
    }

    CellLook quotePrefixed() {
        return new CellLook(bold, fontRgb, fillRgb, underlined, format, centred, true);
    }
}
