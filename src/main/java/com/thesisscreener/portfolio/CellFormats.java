package com.thesisscreener.portfolio;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.NumberToTextConverter;

import java.math.BigDecimal;

/** Turns numeric cell values into text without losing precision to the display format. */
final class CellFormats {

    private CellFormats() {
    }

    /**
     * The stored number as plain text; for a percent-formatted cell the percentage ({@code 0.45 -> "45%"}),
     * so the converters treat it exactly like typed text "45%". Excel's own 15-digit rendering avoids
     * binary noise such as 0.45000000000000001.
     */
    static String numberText(double value, String formatString) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal number = new BigDecimal(NumberToTextConverter.toText(value));
        if (isPercentFormat(formatString)) {
            return plain(number.movePointRight(2)) + "%";
        }
        return plain(number);
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    /** Whether a number format shows the value as a percentage: a % outside quotes, escapes and [brackets]. */
    static boolean isPercentFormat(String format) {
        if (format == null) {
            return false;
        }
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quoted) {
                quoted = c != '"';
            } else if (bracket) {
                bracket = c != ']';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                bracket = true;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++; // the next character is literal or padding, not a format code
            } else if (c == '%') {
                return true;
            }
        }
        return false;
    }

    /**
     * Hands XSSFSheetXMLHandler's "formatted value" back as the raw number: the display format
     * (e.g. "0.0" or "#,##0") would otherwise round the value the analyst stored.
     */
    static final class RawNumberFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return numberText(value, formatString);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            return numberText(value, formatString);
        }
    }
}
