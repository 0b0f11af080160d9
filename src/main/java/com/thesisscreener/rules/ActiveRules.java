package com.thesisscreener.rules;

import com.thesisscreener.ScreenerProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The rule set the service screens with, and its hot reload. A caller takes {@link #current()} once per
 * request and keeps it, so a request in flight finishes on the rules it started with. A new set is
 * compiled off to the side and swapped in atomically; when it fails, the last good set keeps serving
 * and the errors are kept for {@code GET /api/v1/rules}, logged and counted.
 */
@Component
public class ActiveRules {

    private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);

    private final ScreenerProperties properties;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final ObjectProvider<TaskScheduler> scheduler;
    private final AtomicReference<Live> live = new AtomicReference<>();
    private volatile RulesStatus.Attempt lastAttempt;

    private record Live(RuleSet ruleSet, Instant since) {
    }

    ActiveRules(ScreenerProperties properties, ApplicationEventPublisher events, ObjectProvider<MeterRegistry> meters,
                ObjectProvider<TaskScheduler> scheduler) throws RuleCompilationException {
        this.properties = properties;
        this.scheduler = scheduler;
        this.events = events;
        this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
        RuleSet rules = new RuleSetCompiler().compile(properties.rulesDir());
        live.set(new Live(rules, Instant.now()));
        log.info("Screening with rule set {} ({} rules in {} files from {})", rules.version(), rules.ruleCount(),
                rules.files().size(), properties.rulesDir().toAbsolutePath().normalize());
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

    /** Start-up activation, announced once the application (and its database) is ready. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void announceStartup() {
        events.publishEvent(new RuleSetActivated(current(), null, "startup"));
    }

    /**
     * Polls the rule folder once the application is ready; polling also catches editors that save by
     * writing a new file and renaming it. An interval of zero turns hot reload off.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void watch() {
        java.time.Duration interval = properties.rulesPollInterval();
        if (interval == null || interval.isZero() || interval.isNegative()) return;
        TaskScheduler scheduler = this.scheduler.getIfAvailable();
        if (scheduler != null) scheduler.scheduleWithFixedDelay(() -> reloadIfChanged("file-change"), Instant.now().plus(interval), interval);
    }

    /** Loads the folder now ({@code POST /api/v1/rules/reload}); the answer says whether a new set went live. */
    public synchronized RulesStatus.Attempt reload() {
        return load("reload");
    }

    /**
     * Rolls the rules folder back to the files of an earlier version and loads it: rule files not in that
     * version are removed, each file is replaced atomically so the watcher never sees half a file.
     */
    public synchronized RulesStatus.Attempt restore(List<RuleFile> files) {
        Path folder = properties.rulesDir();
        try {
            Set<String> keep = files.stream().map(RuleFile::name).collect(Collectors.toSet());
            for (RuleFile existing : RuleSetCompiler.read(folder)) {
                if (!keep.contains(existing.name())) Files.deleteIfExists(folder.resolve(existing.name()));
            }
            for (RuleFile file : files) {
                Path temp = Files.createTempFile(folder, ".restore-", ".tmp");
                Files.write(temp, file.bytes());
                Files.move(temp, folder.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuleCompilationException e) {
            throw new IllegalStateException("could not write the rules folder " + folder + ": " + e.getMessage(), e);
        }
        return load("rollback");
    }

    private synchronized void reloadIfChanged(String trigger) {
        List<RuleFile> files;
        try {
            files = RuleSetCompiler.read(properties.rulesDir());
        } catch (RuleCompilationException unreadable) {
            remember(new RulesStatus.Attempt("", Instant.now(), false, unreadable.errors(), List.of()), trigger);
            return;
        }
        String version = files.isEmpty() ? "" : RuleSetCompiler.versionOf(files);
        boolean alreadyLive = version.equals(current().version());
        boolean alreadyTried = lastAttempt != null && version.equals(lastAttempt.version());
        if (alreadyLive && lastAttempt != null && !alreadyTried) {
            // The folder is back to what is live (an edit was undone): the old errors no longer apply.
            lastAttempt = new RulesStatus.Attempt(version, Instant.now(), false, List.of(), List.of());
        } else if (!alreadyLive && !alreadyTried) {
            activate(new RuleSetCompiler().validate(files), trigger);
        }
    }

    private RulesStatus.Attempt load(String trigger) {
        return activate(new RuleSetCompiler().validate(properties.rulesDir()), trigger);
    }

    /** Swaps in the checked set when it is valid and new; otherwise the live set stays and the attempt is kept. */
    private RulesStatus.Attempt activate(ValidationReport report, String trigger) {
        RuleSet previous = current();
        if (!report.valid()) {
            return remember(new RulesStatus.Attempt(report.version(), Instant.now(), false, report.errors(), report.warnings()), trigger);
        }
        RuleSet candidate = report.compiled();
        boolean changed = !candidate.version().equals(previous.version());
        if (changed) {
            live.set(new Live(candidate, Instant.now()));
            events.publishEvent(new RuleSetActivated(candidate, previous, trigger));
        }
        return remember(new RulesStatus.Attempt(candidate.version(), Instant.now(), changed, List.of(), report.warnings()), trigger);
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
