package com.thesisscreener.portfolio.web;

import com.thesisscreener.portfolio.ResultQuery;
import com.thesisscreener.portfolio.ResultSort;
import com.thesisscreener.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code sort} request parameter: a key and an optional direction, like {@code score} or {@code score,asc}. */
record ResultSortParameter(ResultSort sort, ResultQuery.Direction direction) {

    static ResultSortParameter parse(String sort) {
        String[] parts = sort.split(",", -1);
        if (parts.length > 2) throw invalid();
        ResultSort key;
        try {
            key = ResultSort.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestException("cannot sort by '" + parts[0].strip() + "'; sort by " + Arrays.stream(ResultSort.values())
                    .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")), "sort");
        }
        if (parts.length == 1) return new ResultSortParameter(key, null);
        return switch (parts[1].strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> new ResultSortParameter(key, ResultQuery.Direction.ASC);
            case "desc" -> new ResultSortParameter(key, ResultQuery.Direction.DESC);
            default -> throw invalid();
        };
    }

    /** Every value {@code sort} accepts: each key alone, with {@code ,asc} and with {@code ,desc}. */
    static List<String> accepted() {
        List<String> values = new ArrayList<>();
        for (ResultSort key : ResultSort.values()) {
            String name = key.name().toLowerCase(Locale.ROOT);
            values.addAll(List.of(name, name + ",asc", name + ",desc"));
        }
        return values;
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("sort takes a field and an optional direction, like score,desc", "sort");
    }
}
