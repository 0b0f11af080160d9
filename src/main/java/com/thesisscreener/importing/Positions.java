package com.thesisscreener.importing;

import java.util.Arrays;

/**
 * The book behind a portfolio: each imported company's position, in import order, or none.
 * A position is a market value (given, or shares x price) or, when the file gives no money columns, a weight;
 * {@link #weight(int)} is its share of all positions, so weights that do not sum to 100 % are normalised.
 */
public final class Positions {

    /** What the file's position columns give. */
    public enum Basis {
        /** No position column: the portfolio is a list, not a book. */
        NONE,
        /** Weights (fractions or percentages). */
        WEIGHT,
        /** Market values in US dollars, given or as shares x price. */
        MARKET_VALUE
    }

    private static final Positions NONE = new Positions(Basis.NONE, new double[0]);

    private final Basis basis;
    private final double[] sizes;
    private final double total;

    /** @param sizes one per company, NaN where the row has no position */
    public Positions(Basis basis, double[] sizes) {
        this.basis = basis;
        this.sizes = sizes.clone();
        this.total = Arrays.stream(sizes).filter(size -> !Double.isNaN(size)).sum();
    }

    public static Positions none() {
        return NONE;
    }

    public Basis basis() {
        return basis;
    }

    /** Whether the file had position columns at all. */
    public boolean present() {
        return basis != Basis.NONE;
    }

    public int size() {
        return sizes.length;
    }

    /** Whether company {@code index} (import order) has a position. */
    public boolean has(int index) {
        return index < sizes.length && !Double.isNaN(sizes[index]);
    }

    /** The position as given: dollars, or the weight as written (before normalising); NaN when none. */
    public double given(int index) {
        return index < sizes.length ? sizes[index] : Double.NaN;
    }

    /** The position's share of the book (0..1); 0 when it has none or the book's total is zero. */
    public double weight(int index) {
        return has(index) && total > 0 ? sizes[index] / total : 0;
    }

    /** Companies without a position: screened, but left out of the book's figures. */
    public int withoutPosition() {
        int without = 0;
        for (double size : sizes) {
            if (Double.isNaN(size)) without++;
        }
        return without;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Positions that && basis == that.basis && Arrays.equals(sizes, that.sizes);
    }

    @Override
    public int hashCode() {
        return 31 * basis.hashCode() + Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        return "Positions[" + basis + ", " + Arrays.toString(sizes) + "]";
    }

    /** The positions of the companies at {@code indexes}, for a subset kept in that order. */
    public Positions select(int[] indexes) {
        double[] kept = new double[indexes.length];
        for (int i = 0; i < indexes.length; i++) kept[i] = given(indexes[i]);
        return new Positions(basis, kept);
    }
}
