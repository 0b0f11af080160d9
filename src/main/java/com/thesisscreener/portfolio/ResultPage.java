package com.thesisscreener.portfolio;

import java.util.List;

/**
 * A page of results and how many match the query in all.
 *
 * @param page  0 for the first page
 * @param total results matching the query's filters, on every page
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public ResultPage {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (total + size - 1) / size;
    }
}
