package com.thesisscreener.ui;

import com.thesisscreener.portfolio.ResultQuery;
import com.thesisscreener.portfolio.ResultSort;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The results page's address: filters, order and page. Values are read leniently: one that cannot be used is left
 * out and named in {@link #ignored()}, so a hand-edited address still shows results. Builds the links of the page
 * (column sorts, pages, clearing) so they keep every other setting.
 */
public record ResultsView(long portfolioId, Long run, Band band, Segment segment, Integer minScore, Integer maxScore,
                   Integer minConfidence, Integer maxConfidence, ResultSort sort, ResultQuery.Direction dir, int page, int size,
                   List<String> ignored) {

    static final int DEFAULT_SIZE = 50;
    static final List<Integer> SIZES = List.of(25, 50, 100, 200);

    static ResultsView parse(long portfolioId, Map<String, String> params) {
        List<String> ignored = new ArrayList<>();
        Long run = number(params, "run", 1, Long.MAX_VALUE, ignored);
        Band band = choice(Band.class, params.get("band"), "band", ignored);
        Segment segment = choice(Segment.class, params.get("segment"), "segment", ignored);
        Integer minScore = whole(params, "minScore", 0, 100, ignored);
        Integer maxScore = whole(params, "maxScore", 0, 100, ignored);
        Integer minConfidence = whole(params, "minConfidence", 0, 100, ignored);
        Integer maxConfidence = whole(params, "maxConfidence", 0, 100, ignored);
        ResultSort sort = choice(ResultSort.class, params.get("sort"), "sort", ignored);
        ResultQuery.Direction dir = choice(ResultQuery.Direction.class, params.get("dir"), "dir", ignored);
        Integer page = whole(params, "page", 1, Integer.MAX_VALUE, ignored);
        Integer size = whole(params, "size", 1, ResultQuery.MAX_SIZE, ignored);
        if (sort == null) sort = ResultSort.RANK;
        return new ResultsView(portfolioId, run, band, segment, minScore, maxScore, minConfidence, maxConfidence, sort,
                dir == null ? sort.naturalDirection() : dir, page == null ? 0 : page - 1, size == null ? DEFAULT_SIZE : size, List.copyOf(ignored));
    }

    ResultsView withRun(long runId) {
        return new ResultsView(portfolioId, runId, band, segment, minScore, maxScore, minConfidence, maxConfidence, sort, dir, page, size, ignored);
    }

    ResultsView atPage(int zeroBased) {
        return new ResultsView(portfolioId, run, band, segment, minScore, maxScore, minConfidence, maxConfidence, sort, dir, zeroBased, size, ignored);
    }

    ResultQuery query() {
        return new ResultQuery(band, segment, minScore, maxScore, fraction(minConfidence), fraction(maxConfidence), sort, dir, page, size);
    }

    /** The filters in words, e.g. "band STRONG BUY, score 60 to 100"; empty when nothing is filtered. */
    public List<String> activeFilters() {
        List<String> filters = new ArrayList<>();
        if (band != null) filters.add("band " + band.name().replace('_', ' '));
        if (segment != null) filters.add("segment " + segment.name().replace('_', ' '));
        if (minScore != null || maxScore != null) filters.add("score " + range(minScore, maxScore, ""));
        if (minConfidence != null || maxConfidence != null) filters.add("confidence " + range(minConfidence, maxConfidence, "%"));
        return filters;
    }

    public boolean filtered() {
        return !activeFilters().isEmpty();
    }

    /** The column's link: sorted by it in its natural direction, or the other way round when it is already the order. */
    public String sortLink(String key) {
        ResultSort target = ResultSort.valueOf(key);
        ResultQuery.Direction next = target == sort ? (dir == ResultQuery.Direction.ASC ? ResultQuery.Direction.DESC : ResultQuery.Direction.ASC)
                : target.naturalDirection();
        return link(target, next, 0);
    }

    /** {@code aria-sort} of a column header: ascending or descending on the column the page is sorted by, else none. */
    public String ariaSort(String key) {
        if (!matches(key)) return "none";
        return dir == ResultQuery.Direction.ASC ? "ascending" : "descending";
    }

    /** The arrow beside a header: the order shown, or a faint double arrow on columns that can be sorted. */
    public String arrow(String key) {
        if (!matches(key)) return "↕";
        return dir == ResultQuery.Direction.ASC ? "▲" : "▼";
    }

    public boolean sortedBy(String key) {
        return matches(key);
    }

    public String pageLink(int zeroBased) {
        return link(sort, dir, zeroBased);
    }

    public String clearLink() {
        return UriComponentsBuilder.fromPath("/portfolios/" + portfolioId).queryParamIfPresent("run", java.util.Optional.ofNullable(run))
                .build().toUriString();
    }

    public String sortName() {
        return sort.name().toLowerCase(Locale.ROOT);
    }

    private boolean matches(String key) {
        return ResultSort.valueOf(key) == sort;
    }

    private String link(ResultSort order, ResultQuery.Direction direction, int zeroBasedPage) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/portfolios/" + portfolioId);
        if (run != null) uri.queryParam("run", run);
        if (band != null) uri.queryParam("band", band.name());
        if (segment != null) uri.queryParam("segment", segment.name());
        if (minScore != null) uri.queryParam("minScore", minScore);
        if (maxScore != null) uri.queryParam("maxScore", maxScore);
        if (minConfidence != null) uri.queryParam("minConfidence", minConfidence);
        if (maxConfidence != null) uri.queryParam("maxConfidence", maxConfidence);
        if (order != ResultSort.RANK || direction != order.naturalDirection()) {
            uri.queryParam("sort", order.name()).queryParam("dir", direction.name());
        }
        if (size != DEFAULT_SIZE) uri.queryParam("size", size);
        if (zeroBasedPage > 0) uri.queryParam("page", zeroBasedPage + 1);
        return uri.build().encode().toUriString();
    }

    private static String range(Integer min, Integer max, String unit) {
        if (min != null && max != null) return min + unit + " to " + max + unit;
        return min != null ? "at least " + min + unit : "at most " + max + unit;
    }

    private static Double fraction(Integer percent) {
        return percent == null ? null : percent / 100.0;
    }

    private static Integer whole(Map<String, String> params, String name, int min, int max, List<String> ignored) {
        Long value = number(params, name, min, max, ignored);
        return value == null ? null : value.intValue();
    }

    private static Long number(Map<String, String> params, String name, long min, long max, List<String> ignored) {
        String raw = params.get(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // named below
        }
        ignored.add(name + " '" + raw.strip() + "' (a whole number from " + min + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? " up" : " to " + max) + ")");
        return null;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String raw, String name, List<String> ignored) {
        if (raw == null || raw.isBlank()) return null;
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            ignored.add(name + " '" + raw.strip() + "'");
            return null;
        }
    }
}
