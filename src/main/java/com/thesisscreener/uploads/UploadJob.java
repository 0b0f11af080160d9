package com.thesisscreener.uploads;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** One upload in progress or finished; counters are written by the worker and read by whoever polls. */
final class UploadJob {

    /** Where the job is: reading rows, screening and storing them, then done or failed. */
    enum State {
        QUEUED, READING, SCREENING, DONE, FAILED
    }

    final String id;
    final String owner;
    final String fileName;
    final Instant startedAt;
    final AtomicInteger rowsRead = new AtomicInteger();
    final AtomicInteger companiesRead = new AtomicInteger();
    private volatile State state = State.QUEUED;
    private volatile int screened;
    private volatile int toScreen;
    private volatile Instant finishedAt;
    private volatile Long portfolioId;
    private volatile String portfolioName;
    private volatile int problemCount;
    private volatile Failure failure;

    /** Why a job failed, as the problem document the synchronous upload would have answered. */
    record Failure(int status, String type, String title, String detail) {
    }

    UploadJob(String id, String owner, String fileName, Instant startedAt) {
        this.id = id;
        this.owner = owner;
        this.fileName = fileName;
        this.startedAt = startedAt;
    }

    void reading() {
        state = State.READING;
    }

    /** The companies read are being screened (then stored); {@link #screened()} counts them as they are. */
    void screening(int companies) {
        this.toScreen = companies;
        state = State.SCREENING;
    }

    /** Called from the screening workers as slices finish: the count only grows. */
    void screenedSoFar(int companies) {
        screened = Math.max(screened, companies);
    }

    void done(long portfolioId, String name, int screened, int problems, Instant at) {
        this.portfolioId = portfolioId;
        this.portfolioName = name;
        this.screened = screened;
        this.problemCount = problems;
        this.finishedAt = at;
        this.state = State.DONE;
    }

    void failed(Failure failure, Instant at) {
        this.failure = failure;
        this.finishedAt = at;
        this.state = State.FAILED;
    }

    State state() {
        return state;
    }

    boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    /** Companies screened so far while screening; when done, those stored. */
    int screened() {
        return screened;
    }

    /** Companies the screening started with (0 until it starts): screened() of toScreen() is the progress. */
    int toScreen() {
        return toScreen;
    }

    Long portfolioId() {
        return portfolioId;
    }

    String portfolioName() {
        return portfolioName;
    }

    int problemCount() {
        return problemCount;
    }

    Failure failure() {
        return failure;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    long elapsedMillis(Instant now) {
        return Duration.between(startedAt, finishedAt == null ? now : finishedAt).toMillis();
    }
}
