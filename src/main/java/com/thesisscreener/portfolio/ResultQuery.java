package com.thesisscreener.portfolio;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Segment;

/**
 * One page of a stored run's results: which companies (every filter optional, null for "any"), in which order,
 * and which page. Served by the run's index ({@code RunIndex}, in memory once read): an unfiltered page starts right at
 * its position in the order, at any depth; filtered pages walk the order from the start, or from where the previous
 * page ended when {@code after} is given. Only the page's own rows are read from the database.
 *
 * @param band          only this band (after caps)
 * @param segment       only this segment
 * @param minScore      only scores of at least this (inclusive)
 * @param maxScore      only scores of at most this (inclusive)
 * @param minConfidence only confidence of at least this, 0..1 (inclusive)
 * @param maxConfidence only confidence of at most this, 0..1 (inclusive)
 * @param sort          the order; null is {@link ResultSort#RANK}
 * @param direction     null is the key's natural direction ({@link ResultSort#naturalDirection()})
 * @param page          0 for the first page
 * @param size          results per page, 1 to {@link #MAX_SIZE}
 * @param after         null, or the {@link ResultPage#next()} of the previous page: the page after it, found from
 *                      where that page ended (the page number is then only echoed)
 */
public record ResultQuery(Band band, Segment segment, Integer minScore, Integer maxScore, Double minConfidence,
                          Double maxConfidence, ResultSort sort, Direction direction, int page, int size, Integer after) {

    public static final int MAX_SIZE = 1000;

    /** Ascending is A to Z, rank 1 first, lowest score first; descending is the reverse. */
    public enum Direction {
        ASC,
        DESC
    }

    public ResultQuery {
        if (page < 0) throw new IllegalArgumentException("page must be 0 or more, not " + page);
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", not " + size);
        if (sort == null) sort = ResultSort.RANK;
        if (direction == null) direction = sort.naturalDirection();
        if (after != null && after < 0) throw new IllegalArgumentException("after must be 0 or more, not " + after);
    }

    /** A page found by its number. */
    public ResultQuery(Band band, Segment segment, Integer minScore, Integer maxScore, Double minConfidence,
                       Double maxConfidence, ResultSort sort, Direction direction, int page, int size) {
        this(band, segment, minScore, maxScore, minConfidence, maxConfidence, sort, direction, page, size, null);
    }

    /** The first {@code size} results in rank order, unfiltered. */
    public static ResultQuery ranked(int page, int size) {
        return new ResultQuery(null, null, null, null, null, null, ResultSort.RANK, null, page, size);
    }

    /** Rows to skip before this page. */
    public long offset() {
        return (long) page * size;
    }
}
