package com.thesisscreener.uploads;

import com.thesisscreener.portfolio.PortfolioSettings;
import com.thesisscreener.importing.ImportLimits;
import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.UnreadableFileException;
import com.thesisscreener.portfolio.NothingToScreenException;
import com.thesisscreener.portfolio.PortfolioService;
import com.thesisscreener.portfolio.UploadedFiles;
import com.thesisscreener.screening.ScreeningLimitExceededException;
import com.thesisscreener.web.InvalidRequestException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Runs uploads one at a time in the background (an import holds the whole file's rows in memory) and keeps each
 * job for an hour after it finished so its owner can read the outcome.
 */
@Service
public class UploadJobs {

    private static final Logger log = LoggerFactory.getLogger(UploadJobs.class);
    private static final Duration KEPT_FOR = Duration.ofHours(1);
    private static final int MAX_WAITING = 20;
    /** A job waiting or running is never dropped; the queue is bounded by {@link #MAX_WAITING} instead. */
    private static final Duration RUNNING = Duration.ofDays(365);

    private final PortfolioService portfolios;
    private final PortfolioSettings properties;
    private final Clock clock = Clock.systemUTC();
    /** Jobs by id: a running one is kept, a finished one for {@link #KEPT_FOR} after it finished (re-put then). */
    private final Cache<String, UploadJob> jobs = Caffeine.newBuilder()
            .expireAfter(Expiry.<String, UploadJob>writing((id, job) -> job.finished() ? KEPT_FOR : RUNNING))
            .build();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "upload-jobs");
        thread.setDaemon(true);
        return thread;
    });

    UploadJobs(PortfolioService portfolios, PortfolioSettings properties) {
        this.portfolios = portfolios;
        this.properties = properties;
    }

    /** Buffers the uploaded file (the request's copy goes away with the request) and queues its import. */
    UploadJob start(MultipartFile file, String name, String sheet, String owner) {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("the upload is empty: send an .xlsx, .xls or .csv file in the 'file' part", "file");
        }
        if (name != null && name.length() > 200) throw new InvalidRequestException("name is longer than 200 characters", "name");
        long waiting = jobs.asMap().values().stream().filter(j -> !j.finished()).count();
        if (waiting >= MAX_WAITING) {
            throw new InvalidRequestException(waiting + " uploads are waiting; try again when they are done", null);
        }
        String fileName = UploadedFiles.safeName(file.getOriginalFilename());
        Path folder = buffer(file, fileName);
        UploadJob job = new UploadJob(UUID.randomUUID().toString(), owner, fileName, clock.instant());
        jobs.put(job.id, job);
        String portfolioName = name == null || name.isBlank() ? fileName : name.strip();
        worker.execute(() -> run(job, folder, portfolioName, sheet == null || sheet.isBlank() ? null : sheet.strip()));
        return job;
    }

    /** The job, to its owner or an administrator only; others are told it does not exist. */
    Optional<UploadJob> find(String id, String caller, boolean admin) {
        UploadJob job = jobs.getIfPresent(id);
        return job != null && (admin || job.owner.equals(caller)) ? Optional.of(job) : Optional.empty();
    }

    Clock clock() {
        return clock;
    }

    private void run(UploadJob job, Path folder, String name, String sheet) {
        try {
            job.reading();
            PortfolioService.Read read = portfolios.readAndStore(name, folder.resolve(job.fileName), sheet, limits(),
                    new PortfolioService.Progress() {
                        @Override
                        public void read(int companies) {
                            job.rowsRead.set(companies);
                        }

                        @Override
                        public void screening(ImportedPortfolio imported) {
                            job.rowsRead.set(imported.rowsRead());
                            job.screening(imported.companies().size());
                        }

                        @Override
                        public void screened(int companies) {
                            job.screenedSoFar(companies);
                        }
                    });
            ImportedPortfolio imported = read.imported();
            job.done(read.created().portfolio().id(), read.created().portfolio().name(), read.created().companies(),
                    imported.problems().size() + imported.problemsOmitted(), clock.instant());
        } catch (UnreadableFileException e) {
            int status = switch (e.reason()) {
                case TOO_LARGE -> 413;
                case NOT_A_SPREADSHEET, UNSUPPORTED_FORMAT -> 415;
                default -> 422;
            };
            job.failed(new UploadJob.Failure(status, "/problems/unreadable-file", "The file cannot be imported", e.getMessage()), clock.instant());
        } catch (NothingToScreenException e) {
            job.failed(new UploadJob.Failure(422, "/problems/nothing-to-screen", "No row could be screened", e.getMessage()), clock.instant());
        } catch (ScreeningLimitExceededException e) {
            job.failed(new UploadJob.Failure(422, "/problems/runaway-rules", "The rules did not finish",
                    e.getMessage() + "; nothing was stored"), clock.instant());
        } catch (RuntimeException | Error e) {
            log.error("Upload job {} of '{}' failed", job.id, job.fileName, e);
            job.failed(new UploadJob.Failure(500, "/problems/internal-error", "Internal error",
                    "Something went wrong on our side; the error has been logged. Nothing was stored."), clock.instant());
        } finally {
            delete(folder);
            jobs.put(job.id, job); // finished: its expiry starts now
        }
    }

    private ImportLimits limits() {
        return properties.importLimits();
    }

    private static Path buffer(MultipartFile file, String fileName) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("screener-upload-job-");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, folder.resolve(fileName));
            }
            return folder;
        } catch (IOException e) {
            delete(folder);
            throw new UncheckedIOException("could not buffer the upload", e);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
