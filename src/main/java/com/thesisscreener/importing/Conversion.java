package com.thesisscreener.importing;

/**
 * Reads one cell's text as the value of one company field.
 *
 * @param <T> the field's type on {@link com.thesisscreener.screening.Company}
 */
interface Conversion<T> {

    /**
     * @param text the cell's text, trimmed, known not to be a "missing" marker
     * @throws NotReadable when the text is not a value this field accepts (or is out of its range)
     */
    T convert(String text) throws NotReadable;

    /**
     * Reads a numeric cell without a detour through text: the hot path for workbooks, where most cells are numbers.
     * Must agree with {@link #convert} on the cell's display text, which is what the default does.
     *
     * @param value            the stored number, already rounded to the 15 significant digits Excel shows
     * @param percentFormatted whether the cell is shown as a percentage (the value is then the fraction)
     */
    default T convertNumber(double value, boolean percentFormatted) throws NotReadable {
        return convert(CellFormats.numberText(value, percentFormatted));
    }

    /** What the field accepts, completing "expected ...", e.g. "a fraction between 0 and 1 or a percentage like 45%". */
    String expected();

    /** A cell's text could not be used; the column's {@link #expected()} says why. Control flow only: no stack trace. */
    final class NotReadable extends Exception {

        private static final long serialVersionUID = 1L;

        NotReadable() {
            super(null, null, false, false);
        }
    }
}
