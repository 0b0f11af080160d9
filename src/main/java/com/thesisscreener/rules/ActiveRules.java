package com.thesisscreener.rules;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The rule set the service screens with, shared by every instance on one database. A caller takes
 * {@link #current()} once per request and keeps it, so a request in flight finishes on the rules it started with.
 * <p>
 * The database decides which set is live ({@link RuleSetHistory#liveVersion()}): an activation here (an edit in
 * the rules folder, a reload, files sent over REST, a restore) is validated, written there, then swapped in; every
 * instance polls the live version and swaps to it within {@code screener.rules-poll-interval}, compiling the
 * stored files off to the side. The folder mirrors what is live, so a single machine still edits rules there.
 * When a set fails, the last good one keeps serving and the errors are kept for {@code GET /api/v1/rules},
 * logged and counted. Without a database (web slices of tests) the folder alone decides, as before.
 */
@Component
public class ActiveRules implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);

    private final RulesSettings properties;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final ObjectProvider<TaskScheduler> scheduler;
    private final ObjectProvider<RuleSetHistory> history;
    private final AtomicReference<Live> live = new AtomicReference<>();
    private volatile RulesStatus.Attempt lastAttempt;
    /** The folder's version when last read (or written here), so only an edit there counts as an activation. */
    private String folderVersion;
    /** A live version from the database that did not compile here; not retried until the database moves on. */
    private String refusedLiveVersion;
    private RuleSetActivated startupActivation;

    private record Live(RuleSet ruleSet, Instant since) {
    }

    ActiveRules(RulesSettings properties, ApplicationEventPublisher events, ObjectProvider<MeterRegistry> meters,
                ObjectProvider<TaskScheduler> scheduler, ObjectProvider<RuleSetHistory> history) throws RuleCompilationException {
        this.properties = properties;
        this.scheduler = scheduler;
        this.history = history;
        this.events = events;
        this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
        RuleSet rules = new RuleSetCompiler().compile(properties.rulesDir());
        live.set(new Live(rules, Instant.now()));
        folderVersion = rules.version();
        log.info("Rules folder {} holds rule set {} ({} rules in {} files)", properties.rulesDir().toAbsolutePath().normalize(),
                rules.version(), rules.ruleCount(), rules.files().size());
    }

    public RuleSet current() {
        return live.get().ruleSet();
    }

    public RulesStatus status() {
        Live now = live.get();
        return new RulesStatus(now.ruleSet().version(), now.since(), now.ruleSet().ruleCount(),
                now.ruleSet().files().stream().map(RuleFile::name).toList(),
                properties.rulesDir().toAbsolutePath().normalize().toString(), lastAttempt);
    }

    /**
     * Start-up, before the server takes requests: the folder's set goes live when the database has none yet or the
     * folder holds a version it never saw (edited while the service was down); a folder holding an older version
     * than the live one (this instance was away while another activated) gives way to the database's.
     */
    @Override
    public synchronized void afterSingletonsInstantiated() {
        RuleSetHistory shared = history.getIfAvailable();
        if (shared == null) {
            startupActivation = new RuleSetActivated(current(), null, "startup");
            return;
        }
        String liveVersion = shared.liveVersion().orElse(null);
        if (liveVersion == null || !shared.known(folderVersion)) {
            shared.activate(current(), "startup");
            startupActivation = new RuleSetActivated(current(), null, "startup");
        } else if (!liveVersion.equals(folderVersion)) {
            adopt(shared, liveVersion);
        }
        log.info("Screening with rule set {} ({} rules)", current().version(), current().ruleCount());
    }

    /** Start-up activation, announced once the application (and its database) is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void announceStartup() {
        if (startupActivation != null) events.publishEvent(startupActivation);
    }

    /**
     * Polls the database's live version and the rule folder once the application is ready; polling the folder also
     * catches editors that save by writing a new file and renaming it. An interval of zero turns both off.
     */
    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        Duration interval = properties.rulesPollInterval();
        if (interval == null || interval.isZero() || interval.isNegative()) return;
        TaskScheduler scheduler = this.scheduler.getIfAvailable();
        if (scheduler != null) scheduler.scheduleWithFixedDelay(this::poll, Instant.now().plus(interval), interval);
    }

    /** One poll (run every {@code screener.rules-poll-interval}): first what the other instances made live, then an edit in this instance's folder. */
    public void poll() {
        try {
            followDatabase();
        } catch (DataAccessException unavailable) {
            log.warn("Cannot read the live rule set from the database; still serving {}: {}", current().version(), unavailable.getMessage());
        }
        reloadIfChanged("file-change");
    }

    /** Loads the folder now ({@code POST /api/v1/rules/reload}); the answer says whether a new set went live. */
    public synchronized RulesStatus.Attempt reload() {
        List<RuleFile> files;
        try {
            files = RuleSetCompiler.read(properties.rulesDir());
        } catch (RuleCompilationException unreadable) {
            return remember(new RulesStatus.Attempt("", Instant.now(), false, unreadable.errors(), List.of()), "reload");
        }
        folderVersion = RuleSetCompiler.versionOf(files);
        return activate(new RuleSetCompiler().validate(files), "reload");
    }

    /** Activates rule files sent by an administrator (laid over the live files by the caller); the folder follows. */
    public synchronized RulesStatus.Attempt activate(List<RuleFile> files, String trigger) {
        return activate(new RuleSetCompiler().validate(files), trigger);
    }

    /**
     * Activates files made from {@code expectedLive} (an approved rule proposal) only while that version is still live
     * for every instance; otherwise {@link RuleSetHistory.LiveVersionChanged} and nothing changes, so an approval never
     * silently drops a change someone else activated meanwhile.
     */
    public synchronized RulesStatus.Attempt activateOnto(String expectedLive, List<RuleFile> files, String trigger) {
        if (!expectedLive.equals(current().version())) throw new RuleSetHistory.LiveVersionChanged(expectedLive, current().version());
        return activate(new RuleSetCompiler().validate(files), trigger, expectedLive);
    }

    /** Rolls back to the files of an earlier version: validated and activated like any set; the folder follows. */
    public synchronized RulesStatus.Attempt restore(List<RuleFile> files) {
        return activate(files, "rollback");
    }

    private synchronized void followDatabase() {
        RuleSetHistory shared = history.getIfAvailable();
        if (shared == null) return;
        String liveVersion = shared.liveVersion().orElse(null);
        if (liveVersion == null || liveVersion.equals(current().version()) || liveVersion.equals(refusedLiveVersion)) return;
        adopt(shared, liveVersion);
    }

    /** Swaps to a version another instance made live, compiled here from the stored files. */
    private void adopt(RuleSetHistory shared, String version) {
        ValidationReport report = new RuleSetCompiler().validate(shared.filesOf(version));
        if (!report.valid() || !version.equals(report.version())) {
            refusedLiveVersion = version;
            meters.counter("screener.rules.reloads", "outcome", "failed").increment();
            log.error("Rule set {} is live in the database but does not compile on this instance; still serving {}. Errors: {}",
                    version, current().version(), report.errors());
            return;
        }
        live.set(new Live(report.compiled(), Instant.now()));
        refusedLiveVersion = null;
        mirrorIntoFolder(report.compiled());
        meters.counter("screener.rules.reloads", "outcome", "followed").increment();
        log.info("Rule set {} is now active (made live by another instance)", version);
    }

    private synchronized void reloadIfChanged(String trigger) {
        List<RuleFile> files;
        try {
            files = RuleSetCompiler.read(properties.rulesDir());
        } catch (RuleCompilationException unreadable) {
            if (!"".equals(folderVersion)) remember(new RulesStatus.Attempt("", Instant.now(), false, unreadable.errors(), List.of()), trigger);
            folderVersion = "";
            return;
        }
        String version = files.isEmpty() ? "" : RuleSetCompiler.versionOf(files);
        if (version.equals(folderVersion)) return; // not edited since last read: never undo what another instance made live
        folderVersion = version;
        if (version.equals(current().version())) {
            // The folder is back to what is live (an edit was undone): the old errors no longer apply.
            if (lastAttempt != null) lastAttempt = new RulesStatus.Attempt(version, Instant.now(), false, List.of(), List.of());
            return;
        }
        activate(new RuleSetCompiler().validate(files), trigger);
    }

    /**
     * Makes the checked set live for every instance when it is valid and new: first in the database, then here;
     * otherwise the live set stays and the attempt is kept.
     */
    private RulesStatus.Attempt activate(ValidationReport report, String trigger) {
        return activate(report, trigger, null);
    }

    private RulesStatus.Attempt activate(ValidationReport report, String trigger, String expectedLive) {
        RuleSet previous = current();
        if (!report.valid()) {
            return remember(new RulesStatus.Attempt(report.version(), Instant.now(), false, report.errors(), report.warnings()), trigger);
        }
        RuleSet candidate = report.compiled();
        boolean changed = !candidate.version().equals(previous.version());
        if (changed) {
            RuleSetHistory shared = history.getIfAvailable();
            try {
                if (shared != null) shared.activate(candidate, trigger, expectedLive);
            } catch (DataAccessException unavailable) {
                // Serving a set the other instances do not know would split them: stay on the live one.
                return remember(new RulesStatus.Attempt(candidate.version(), Instant.now(), false, List.of(new RuleError("database", 0, 0,
                        "the database could not record the activation, so no instance activated it: " + unavailable.getMostSpecificCause().getMessage())),
                        report.warnings()), trigger);
            }
            live.set(new Live(candidate, Instant.now()));
            refusedLiveVersion = null;
            mirrorIntoFolder(candidate);
            events.publishEvent(new RuleSetActivated(candidate, previous, trigger));
        }
        return remember(new RulesStatus.Attempt(candidate.version(), Instant.now(), changed, List.of(), report.warnings()), trigger);
    }

    /**
     * Writes the live set into the rules folder (rule files it does not have are removed; each file is replaced
     * atomically, so the watcher never sees half a file), so an edit there starts from what is live. A folder that
     * cannot be written (read-only in a container) is left as it is: the database still decides.
     */
    private void mirrorIntoFolder(RuleSet ruleSet) {
        Path folder = properties.rulesDir();
        try {
            if (!Files.isDirectory(folder) || RuleSetCompiler.versionOf(RuleSetCompiler.read(folder)).equals(ruleSet.version())) return;
            Set<String> keep = ruleSet.files().stream().map(RuleFile::name).collect(Collectors.toSet());
            for (RuleFile existing : RuleSetCompiler.read(folder)) {
                if (!keep.contains(existing.name())) Files.deleteIfExists(folder.resolve(existing.name()));
            }
            for (RuleFile file : ruleSet.files()) {
                Path temp = Files.createTempFile(folder, ".restore-", ".tmp");
                Files.write(temp, file.bytes());
                Files.move(temp, folder.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            folderVersion = ruleSet.version();
        } catch (IOException | RuleCompilationException e) {
            log.warn("Could not write rule set {} into the rules folder {}; it keeps its files: {}", ruleSet.version(), folder, e.getMessage());
        }
    }

    private RulesStatus.Attempt remember(RulesStatus.Attempt attempt, String trigger) {
        lastAttempt = attempt;
        if (!attempt.errors().isEmpty()) {
            meters.counter("screener.rules.reloads", "outcome", "failed").increment();
            log.warn("Rule set {} from {} ({}) was not activated; still serving {}. Errors: {}", attempt.version(),
                    properties.rulesDir(), trigger, current().version(), attempt.errors());
        } else if (attempt.activated()) {
            meters.counter("screener.rules.reloads", "outcome", "activated").increment();
            log.info("Rule set {} is now active ({})", attempt.version(), trigger);
        }
        return attempt;
    }
}
