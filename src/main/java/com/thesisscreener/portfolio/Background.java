package com.thesisscreener.portfolio;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/** The threads the portfolio module works on besides the request's: how they are made and how their work is awaited. */
final class Background {

    private Background() {
    }

    /** Daemon threads named {@code name}: they never keep the service from stopping. */
    static ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The result of {@code work}, waiting for it; a failure is thrown as the work threw it, not wrapped.
     *
     * @param doing what the caller waits for, for the message if it is interrupted
     */
    static <T> T await(Future<T> work, String doing) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }
}
