package com.thesisscreener.portfolio;

/**
 * What a page of stored results is ordered by. Every key has a natural direction (best, first or A first);
 * the other direction gives exactly the reverse order. Ties are broken by rank, so every order is total and
 * the same on every call.
 */
public enum ResultSort {
    /** Best recommendation first: band after caps, then score, then ticker. */
    RANK("rank_in_run", true),
    TICKER("ticker", true),
    NAME("name", true),
    SEGMENT("segment", true),
    /** Best band first, ranked within a band: the same order as {@link #RANK}. */
    BAND("rank_in_run", true),
    /** Highest score first. */
    SCORE("score", false),
    /** Highest confidence first. */
    CONFIDENCE("confidence", false);

    private final String column;
    private final boolean naturallyAscending;

    ResultSort(String column, boolean naturallyAscending) {
        this.column = column;
        this.naturallyAscending = naturallyAscending;
    }

    /** The direction a user expects first: A to Z, rank 1 first, highest score and confidence first. */
    public ResultQuery.Direction naturalDirection() {
        return naturallyAscending ? ResultQuery.Direction.ASC : ResultQuery.Direction.DESC;
    }

    /** The SQL order for this key: an index of the run_result table ends in the same columns, so it serves it. */
    String orderBy(ResultQuery.Direction direction) {
        boolean reversed = direction != null && direction != naturalDirection();
        String first = naturallyAscending != reversed ? " asc" : " desc";
        String rank = reversed ? " desc" : " asc";
        return column.equals("rank_in_run") ? "rank_in_run" + rank : column + first + ", rank_in_run" + rank;
    }
}
