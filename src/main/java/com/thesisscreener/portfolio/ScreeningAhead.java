package com.thesisscreener.portfolio;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Screener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Screens a portfolio slice by slice on other threads, a few slices ahead of the caller that stores them: screening
 * starts while the portfolio's rows are still being stored, and storing never waits for a whole portfolio's results,
 * nor holds them. Slices come back in input order; a slice that failed to screen (a runaway rule) throws what it
 * raised. Closing it abandons the slices not taken yet.
 *
 * <p>A portfolio still being read is {@linkplain #fed fed} slice by slice as its rows arrive, and screening starts
 * with the first slice; its results are taken once the last slice is fed, on the thread that fed them.
 */
final class ScreeningAhead implements AutoCloseable {

    private final Screener screener;
    private final Executor executor;
    private final int lookahead;
    private final List<List<Company>> slices = new ArrayList<>();
    private final Deque<CompletableFuture<PackedResults>> pending = new ArrayDeque<>();
    private final AtomicLong screeningNanos = new AtomicLong();
    private int companies;
    private int scheduledSlices;
    private int taken;

    ScreeningAhead(Screener screener, List<Company> companies, Executor executor, int lookahead, int sliceSize) {
        this(screener, executor, lookahead);
        for (int from = 0; from < companies.size(); from += sliceSize) {
            slices.add(companies.subList(from, Math.min(companies.size(), from + sliceSize)));
        }
        this.companies = companies.size();
        scheduleAhead();
    }

    private ScreeningAhead(Screener screener, Executor executor, int lookahead) {
        this.screener = screener;
        this.executor = executor;
        this.lookahead = lookahead;
    }

    /** Screening for a portfolio whose slices are {@linkplain #feed fed} as they are read. */
    static ScreeningAhead fed(Screener screener, Executor executor, int lookahead) {
        return new ScreeningAhead(screener, executor, lookahead);
    }

    /** The next slice of the portfolio, which the caller no longer changes. */
    void feed(List<Company> slice) {
        slices.add(slice);
        companies += slice.size();
        scheduleAhead();
    }

    /** Companies in the portfolio (so far, while it is fed). */
    int size() {
        return companies;
    }

    boolean hasNext() {
        return taken < companies;
    }

    /** Where the next slice starts in the portfolio (its first row's ordinal). */
    int nextFrom() {
        return taken;
    }

    /** The results of the next slice, in input order, packed; waits for them when they are not screened yet. */
    PackedResults next() {
        CompletableFuture<PackedResults> oldest = pending.removeFirst();
        PackedResults results;
        try {
            results = oldest.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) throw cause;
            if (failed.getCause() instanceof Error error) throw error;
            throw failed;
        }
        taken += results.size();
        scheduleAhead();
        return results;
    }

    /** Time spent screening, summed over the slices (they may overlap). */
    long screeningNanos() {
        return screeningNanos.get();
    }

    @Override
    public void close() {
        pending.forEach(slice -> slice.cancel(false));
        pending.clear();
    }

    private void scheduleAhead() {
        while (pending.size() < lookahead && scheduledSlices < slices.size()) {
            List<Company> slice = slices.get(scheduledSlices++);
            pending.addLast(CompletableFuture.supplyAsync(() -> screen(slice), executor));
        }
    }

    private PackedResults screen(List<Company> slice) {
        long start = System.nanoTime();
        List<Recommendation> results;
        try {
            results = screener.screen(slice);
        } finally {
            screeningNanos.addAndGet(System.nanoTime() - start);
        }
        return PackedResults.of(results);
    }
}
