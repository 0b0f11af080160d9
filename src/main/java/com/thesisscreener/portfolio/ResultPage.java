package com.thesisscreener.portfolio;

import java.util.List;

/**
 * A page of results and how many match the query in all.
 *
 * @param page  0 for the first page
 * @param total results matching the query's filters, on every page
 * @param next  where this page ended in its order, for asking the following page with
 *              {@link ResultQuery#after()}; null when this page was not full (nothing follows)
 */
public record ResultPage<T>(List<T> items, int page, int size, long total, Integer next) {

    public ResultPage {
        items = List.copyOf(items);
    }

    public ResultPage(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null);
    }

    public long totalPages() {
        return (total + size - 1) / size;
    }
}
