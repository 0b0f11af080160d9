package com.thesisscreener.portfolio;

import com.thesisscreener.screening.Company;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stores a portfolio's rows while its file is still being read: each full slice is handed to a thread of its own,
 * which stores it (one transaction per slice) while the reader parses the next. Reading and storing then take a core
 * each instead of one after the other. Slices are stored in order, one at a time; each is also handed on as it is
 * complete (to be screened ahead).
 */
final class RowsWhileReading implements AutoCloseable {

    /** Stores one slice of rows, the first of them at ordinal {@code from}. */
    @FunctionalInterface
    interface SliceStore {
        void store(List<Company> slice, int from);
    }

    private final SliceStore store;
    private final Consumer<List<Company>> complete;
    private final int sliceSize;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Background.daemons("row-writer"));
    private final List<Future<?>> slices = new ArrayList<>();
    private int handedOver;

    /** @param complete told of each slice, in order, on the reading thread, once no row will be added to it */
    RowsWhileReading(SliceStore store, Consumer<List<Company>> complete, int sliceSize) {
        this.store = store;
        this.complete = complete;
        this.sliceSize = sliceSize;
    }

    /** Called after each company is added to {@code read}: hands a slice over once it is full. */
    void added(List<Company> read) {
        if (read.size() - handedOver >= sliceSize) handOver(read);
    }

    /** Stores what is left of {@code read} and waits until every slice is stored; a failure is thrown here. */
    void finish(List<Company> read) {
        if (read.size() > handedOver) handOver(read);
        for (Future<?> slice : slices) Background.await(slice, "storing a portfolio's rows");
    }

    private void handOver(List<Company> read) {
        int from = handedOver;
        // A copy: the reader goes on adding to the list the writer would otherwise be reading.
        List<Company> slice = List.copyOf(read.subList(from, read.size()));
        handedOver = read.size();
        slices.add(writer.submit(() -> store.store(slice, from)));
        complete.accept(slice);
    }

    /**
     * Stops the writer once the slice it is storing is done; slices not yet started are dropped (after a failure the
     * caller discards the portfolio, which must not overlap a slice still being stored). Never interrupted mid-slice:
     * an interrupted file channel closes the database. An interrupt meanwhile is kept for the caller.
     */
    @Override
    public void close() {
        slices.forEach(slice -> slice.cancel(false));
        writer.shutdown();
        boolean interrupted = false;
        while (!writer.isTerminated()) {
            try {
                writer.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
