package com.thesisscreener.portfolio;

/**
 * What a page of stored results is ordered by. Every key has a natural direction (best, first or A first);
 * the other direction gives exactly the reverse order. Ties are broken by rank, so every order is total and
 * the same on every call.
 */
public enum ResultSort {
    /** Best recommendation first: band after caps, then score, then ticker. */
    RANK(true),
    TICKER(true),
    NAME(true),
    SEGMENT(true),
    /** Best band first, ranked within a band: the same order as {@link #RANK}. */
    BAND(true),
    /** Highest score first. */
    SCORE(false),
    /** Highest confidence first. */
    CONFIDENCE(false);

    private final boolean naturallyAscending;

    ResultSort(boolean naturallyAscending) {
        this.naturallyAscending = naturallyAscending;
    }

    /** The direction a user expects first: A to Z, rank 1 first, highest score and confidence first. */
    public ResultQuery.Direction naturalDirection() {
        return naturallyAscending ? ResultQuery.Direction.ASC : ResultQuery.Direction.DESC;
    }
}
