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

    void screening() {
        state = State.SCREENING;
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

    int screened() {
        return screened;
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
