package com.thesisscreener.screening;

import java.math.BigDecimal;

/**
 * Reads one analyst-typed value (a spreadsheet cell, a scenario's input, a text field of a REST record) as the
 * value of one company input. {@link InputValues} holds every reader; {@link CompanyField#reader()} says which
 * one each input uses.
 *
 * @param <T> the input's type on {@link Company}
 */
public interface InputValue<T> {

    /**
     * @param text the value as typed, trimmed, known not to be a "missing" marker ({@link InputValues#isMissing})
     * @throws NotReadable when the text is not a value this input accepts (or is out of its range)
     */
    T convert(String text) throws NotReadable;

    /**
     * Reads a spreadsheet number without a detour through text: the hot path for workbooks, where most cells are
     * numbers. Must agree with {@link #convert} on the number's display text, which is what the default does.
     *
     * @param value            the stored number, already rounded to the 15 significant digits Excel shows
     * @param percentFormatted whether the cell is shown as a percentage (the value is then the fraction)
     */
    default T convertNumber(double value, boolean percentFormatted) throws NotReadable {
        return convert(displayText(value, percentFormatted));
    }

    /** What the input accepts, completing "expected ...", e.g. "a fraction between 0 and 1 or a percentage like 45%". */
    String expected();

    /** A number as a spreadsheet shows it: plain digits, "45%" for a percent-formatted 0.45. */
    static String displayText(double value, boolean percentFormatted) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal number = new BigDecimal(Double.toString(value));
        if (percentFormatted) {
            number = number.movePointRight(2);
        }
        String plain = number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        return percentFormatted ? plain + "%" : plain;
    }

    /** A value could not be used; the input's {@link #expected()} says why. Control flow only: no stack trace. */
    final class NotReadable extends Exception {

        private static final long serialVersionUID = 1L;

        public NotReadable() {
            super(null, null, false, false);
        }
    }
}
