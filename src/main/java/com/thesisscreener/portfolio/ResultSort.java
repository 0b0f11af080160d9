package com.thesisscreener.portfolio;

/**
 * What a page of stored results is ordered by. Every key has a natural direction (best, first or A first);
 * the other direction gives exactly the reverse order. Ties are broken by rank, so every order is total and
 * the same on every call.
 */
public enum ResultSort {
    /** Best recommendation first: band after caps, then score, then ticker. */
    RANK("rank_in_run", true),
    TICKER("ticker_position", true),
    NAME("name_position", true),
    SEGMENT("segment_position", true),
    /** Best band first, ranked within a band: the same order as {@link #RANK}. */
    BAND("rank_in_run", true),
    /** Highest score first. */
    SCORE("score_position", false),
    /** Highest confidence first. */
    CONFIDENCE("confidence_position", false);

    private final String positionColumn;
    private final boolean naturallyAscending;

    ResultSort(String positionColumn, boolean naturallyAscending) {
        this.positionColumn = positionColumn;
        this.naturallyAscending = naturallyAscending;
    }

    /** The direction a user expects first: A to Z, rank 1 first, highest score and confidence first. */
    public ResultQuery.Direction naturalDirection() {
        return naturallyAscending ? ResultQuery.Direction.ASC : ResultQuery.Direction.DESC;
    }

    /** The column holding each result's position (1 first) in this key's natural direction, indexed per run. */
    String positionColumn() {
        return positionColumn;
    }

    /** Whether the rank is this order's position: the rank index serves it. */
    boolean byRank() {
        return positionColumn.equals(RANK.positionColumn);
    }
}
