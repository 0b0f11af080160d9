package com.thesisscreener.screening;

/**
 * The values one company input can take, as the field catalogue states them for what-if answers.
 *
 * @param kind          how the input is varied: not at all, yes/no, one of a few choices, or a number
 * @param unit          how a value reads in a sentence
 * @param validMin      the smallest value the importer accepts (shares 0, changes -100 %, counts 0)
 * @param validMax      the largest value the importer accepts
 * @param plausibleMin  the smallest value a what-if answer may suggest
 * @param plausibleMax  the largest value a what-if answer may suggest: beyond it a change is no longer a
 *                      realistic question about the company
 * @param precision     answers are multiples of this: 0.001 for fractions and multiples, 0.01 for months and
 *                      multiples of sales, 1 for counts, a million for dollars
 */
public record FieldDomain(Kind kind, Unit unit, double validMin, double validMax, double plausibleMin, double plausibleMax,
                          double precision) {

    /** How an input is varied by the what-if search. */
    public enum Kind { NOT_VARIED, FLAG, CHOICE, NUMBER, COUNT }

    /** How a value of the input reads in a sentence. */
    public enum Unit { NONE, YES_NO, CHOICE, PERCENT, SIGNED_PERCENT, TIMES, MULTIPLE, MONTHS, DOLLARS, COUNT }

    private static final double NO_LIMIT = Double.MAX_VALUE;

    /** Ticker, name and segment: identity, not inputs to vary. */
    public static final FieldDomain NOT_VARIED = new FieldDomain(Kind.NOT_VARIED, Unit.NONE, 0, 0, 0, 0, 1);
    public static final FieldDomain FLAG = new FieldDomain(Kind.FLAG, Unit.YES_NO, 0, 0, 0, 0, 1);
    public static final FieldDomain CHOICE = new FieldDomain(Kind.CHOICE, Unit.CHOICE, 0, 0, 0, 0, 1);
    /** A share of a whole: 0 to 1. */
    public static final FieldDomain SHARE = new FieldDomain(Kind.NUMBER, Unit.PERCENT, 0, 1, 0, 1, 0.001);
    /** Gross margin: negative margins exist (sample-data/README.md allows -1..1). */
    public static final FieldDomain MARGIN = new FieldDomain(Kind.NUMBER, Unit.PERCENT, -1, 1, -1, 1, 0.001);
    /** A change of gross margin, in margin points: unbounded on import, plausible within ±100 points. */
    public static final FieldDomain MARGIN_CHANGE = new FieldDomain(Kind.NUMBER, Unit.SIGNED_PERCENT, -NO_LIMIT, NO_LIMIT, -1, 1, 0.001);
    /** Months: 0 or more, plausible up to five years. */
    public static final FieldDomain MONTHS = new FieldDomain(Kind.NUMBER, Unit.MONTHS, 0, NO_LIMIT, 0, 60, 0.01);
    /** A multiple of sales: 0 or more, plausible up to 200x. */
    public static final FieldDomain SALES_MULTIPLE = new FieldDomain(Kind.NUMBER, Unit.MULTIPLE, 0, NO_LIMIT, 0, 200, 0.01);
    /** A ratio such as capex/revenue: 0 or more, plausible up to 5 (500 %). */
    public static final FieldDomain RATIO = new FieldDomain(Kind.NUMBER, Unit.PERCENT, 0, NO_LIMIT, 0, 5, 0.001);
    /** US dollars: 0 or more, plausible up to $10T, to the million. */
    public static final FieldDomain DOLLARS = new FieldDomain(Kind.NUMBER, Unit.DOLLARS, 0, NO_LIMIT, 0, 10e12, 1e6);
    /** A count: whole and 0 or more, plausible up to 1,000. */
    public static final FieldDomain COUNT = new FieldDomain(Kind.COUNT, Unit.COUNT, 0, Integer.MAX_VALUE, 0, 1000, 1);

    /** A growth or change: -100 % or more, plausible up to {@code plausibleMax} (2.5 is +250 %). */
    public static FieldDomain growth(double plausibleMax) {
        return new FieldDomain(Kind.NUMBER, Unit.SIGNED_PERCENT, -1, NO_LIMIT, -1, plausibleMax, 0.001);
    }

    /** The same domain read as a multiple ("2.40x") rather than a percentage. */
    public FieldDomain readAsTimes() {
        return new FieldDomain(kind, Unit.TIMES, validMin, validMax, plausibleMin, plausibleMax, precision);
    }

    /** The lowest value an answer may take: inside both the valid range and the plausible span. */
    public double lowest() {
        return Math.max(validMin, plausibleMin);
    }

    /** The highest value an answer may take: inside both the valid range and the plausible span. */
    public double highest() {
        return Math.min(validMax, plausibleMax);
    }

    /** Whether this input is varied by number rather than by choosing among values. */
    public boolean numeric() {
        return kind == Kind.NUMBER || kind == Kind.COUNT;
    }
}
