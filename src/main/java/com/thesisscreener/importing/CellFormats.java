package com.thesisscreener.importing;

import com.thesisscreener.screening.InputValue;
import org.apache.poi.ss.util.NumberToTextConverter;


/** Turns numeric cell values into text without losing precision to the display format. */
final class CellFormats {

    private CellFormats() {
    }

    /**
     * The stored number as plain text; for a percent-formatted cell the percentage ({@code 0.45 -> "45%"}),
     * so the converters treat it exactly like typed text "45%". Excel's own 15-digit rendering avoids
     * binary noise such as 0.45000000000000001.
     */
    static String numberText(double value, boolean percentFormatted) {
        return InputValue.displayText(shown(value), percentFormatted);
    }

    static String numberText(double value, String formatString) {
        return numberText(value, isPercentFormat(formatString));
    }

    /** The number Excel shows for a stored double: rounded to 15 significant digits, as in the text above. */
    static double shown(double value) {
        return Double.isFinite(value) ? Double.parseDouble(NumberToTextConverter.toText(value)) : value;
    }

    /**
     * The number an .xlsx {@code <v>} element holds, as Excel shows it. Writers store up to 17 digits; when there
     * are 15 significant digits or fewer (nearly always) the text is parsed as is, otherwise rounded like Excel.
     *
     * @throws NumberFormatException when the text is not a number (a damaged or crafted file)
     */
    static double fromXml(CharSequence text) {
        int significant = 0;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'E' || c == 'e') {
                break;
            }
            if (c >= '1' && c <= '9' || (c == '0' && !leading)) {
                leading = false;
                significant++;
            }
        }
        double value = Double.parseDouble(text.toString());
        return significant <= 15 ? value : shown(value);
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
}
