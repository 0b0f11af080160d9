package com.thesisscreener.rules;

import com.thesisscreener.screening.EvaluationLimits;
import com.thesisscreener.screening.InvalidRuleSetException;
import com.thesisscreener.screening.Screener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import com.thesisscreener.rules.sandbox.CompiledRuleVerifier;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles a folder of rule files with Drools' executable model and checks the result can score.
 * DRL files ({@code *.drl}) and Excel decision tables ({@code *.drl.xlsx}) compile together. Every file
 * passes the {@link RulePolicy} before Drools sees it. Errors are reported against the analyst's file,
 * line and column (a decision table's row and cell), never against generated code.
 */
public final class RuleSetCompiler {

    /** Largest rule file read, DRL or decision table: the shipped files are a few KB each. */
    public static final int MAX_FILE_BYTES = 512 * 1024;
    private static final String RESOURCE_DIR = "src/main/resources/thesis/";
    private static final String GENERATED_SOURCE_PREFIX = "Java source of ";

    private final EvaluationLimits limits;
    private final CompiledRuleVerifier verifier = new CompiledRuleVerifier();
    private final RuleCache cache;

    public RuleSetCompiler() {
        this(EvaluationLimits.defaults());
    }

    /** A compiler whose rule sets bound every evaluation by {@code limits}. */
    public RuleSetCompiler(EvaluationLimits limits) {
        this(limits, RuleCache.standard());
    }

    /** A compiler that keeps compiled sets in {@code cache} ({@link RuleCache#none()} to compile every time). */
    public RuleSetCompiler(EvaluationLimits limits, RuleCache cache) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** Compiles every rule file directly in {@code folder} ({@code *.drl}, {@code *.drl.xlsx}), in name order. */
    public RuleSet compile(Path folder) throws RuleCompilationException {
        return compile(read(folder));
    }

    /** Compiles the files, or throws with every error; warnings are not reported here (see {@link #validate}). */
    public RuleSet compile(List<RuleFile> files) throws RuleCompilationException {
        Build build = build(files);
        if (!build.errors.isEmpty()) throw new RuleCompilationException(build.errors);
        return build.ruleSet;
    }

    /** Checks the rule folder without throwing: every error and warning, and the compiled set when valid. */
    public ValidationReport validate(Path folder) {
        try {
            return validate(read(folder));
        } catch (RuleCompilationException unreadable) {
            return new ValidationReport("", List.of(), unreadable.errors(), List.of(), null);
        }
    }

    /** Checks the files without throwing, warning about shipped thesis ids ({@link ThesisCatalogue#shippedRuleIds}) none defines. */
    public ValidationReport validate(List<RuleFile> files) {
        return validate(files, ThesisCatalogue.shippedRuleIds());
    }

    /** As {@link #validate(List)}, with the rule ids the rule set is expected to define. */
    public ValidationReport validate(List<RuleFile> files, Set<String> expectedRuleIds) {
        Build build = build(files);
        List<RuleError> warnings = new ArrayList<>();
        if (!build.views.isEmpty()) {
            try {
                RuleWarnings.of(build.views, expectedRuleIds).stream().map(build.toSheet).forEach(warnings::add);
            } catch (RuntimeException | StackOverflowError unparsable) {
                // Warnings read the rule text; a file the parser cannot read has its errors reported already.
            }
        }
        warnings.addAll(build.warnings);
        return new ValidationReport(files.isEmpty() ? "" : versionOf(files), files, build.errors, dedupe(warnings),
                build.errors.isEmpty() ? build.ruleSet : null);
    }

    /** What one pass over the files produced. */
    private static final class Build {
        final List<RuleError> errors = new ArrayList<>();
        final List<RuleError> warnings = new ArrayList<>();
        /** DRL text of every file: a DRL file as it is, a decision table as the DRL generated from it. */
        final List<RuleFile> views = new ArrayList<>();
        UnaryOperator<RuleError> toSheet = UnaryOperator.identity();
        RuleSet ruleSet;
    }

    private Build build(List<RuleFile> files) {
        return build(files, true);
    }

    /** One pass; {@code useCache} false when a cached entry turned out unusable, so nothing of it is reused. */
    private Build build(List<RuleFile> files, boolean useCache) {
        Build build = new Build();
        if (files.isEmpty()) {
            build.errors.add(new RuleError("rules", 0, 0, "no rule files (*.drl, *.drl.xlsx) to compile"));
            return build;
        }
        for (RuleFile file : files) {
            if (file.bytes().length > MAX_FILE_BYTES) {
                build.errors.add(new RuleError(file.name(), 1, 1, "rule file too large: " + file.bytes().length / 1024
                        + " KB, the limit is " + MAX_FILE_BYTES / 1024 + " KB; split it into several files"));
            }
        }
        if (!build.errors.isEmpty()) return build;
        String key = cache.key(files);
        Optional<RuleCache.Entry> cached = useCache ? cache.load(key) : Optional.empty();
        Map<String, RuleFile> tables = new LinkedHashMap<>();
        Map<String, String> generated = new LinkedHashMap<>();
        for (RuleFile file : files) {
            if (file.isDecisionTable()) {
                try {
                    // A hit reuses the DRL its build generated from the same bytes instead of reading the workbook again.
                    String drl = cached.map(entry -> entry.generatedDrl().get(file.name())).orElse(null);
                    if (drl == null) drl = DecisionTables.toDrl(file);
                    tables.put(file.name(), file);
                    generated.put(file.name(), drl);
                    build.views.add(new RuleFile(file.name(), drl));
                } catch (RuleCompilationException unreadable) {
                    build.errors.addAll(unreadable.errors());
                }
            } else {
                build.views.add(file);
            }
        }
        build.toSheet = error -> {
            RuleFile table = tables.get(error.file());
            return table == null ? error : DecisionTables.toSheet(error, table, generated.get(error.file()));
        };
        List<RuleError> unreadable = new ArrayList<>(build.errors);
        List<RuleError> firstLook = new ArrayList<>();
        for (RuleFile view : build.views) {
            RulePolicy.check(view.name(), view.content()).stream().map(build.toSheet).forEach(firstLook::add);
        }
        if (cached.isPresent() && (!unreadable.isEmpty() || !firstLook.isEmpty())) return build(files, false);
        if (!unreadable.isEmpty() || !firstLook.isEmpty()) {
            // Report every kind of error at once: the compiler and the sandbox still look at the rest (nothing is loaded),
            // keeping what they find at lines the first look did not already explain.
            build.errors.clear();
            compileAndVerify(build, tables.keySet(), versionOf(files), null);
            build.errors.removeIf(error -> error.line() <= 0 && !firstLook.isEmpty()
                    || firstLook.stream().anyMatch(seen -> seen.file().equals(error.file()) && seen.line() == error.line()));
            build.errors.addAll(0, firstLook);
            build.errors.addAll(0, unreadable);
            return build;
        }

        String version = versionOf(files);
        KieBase kieBase = cached.flatMap(entry -> fromCache(entry, key, build)).orElse(null);
        if (cached.isPresent() && kieBase == null) return build(files, false);
        if (kieBase == null) kieBase = compileAndVerify(build, tables.keySet(), version, key);
        if (kieBase == null) return build;
        int ruleCount = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        try {
            build.ruleSet = new RuleSet(version, files, ruleCount, Screener.of(kieBase, version, limits));
        } catch (InvalidRuleSetException invalid) {
            invalid.problems().stream().map(p -> ErrorLocator.locate(p, build.views)).map(build.toSheet).forEach(build.errors::add);
        }
        return build;
    }

    /**
     * Drools' executable-model build of the views, verified, stored in the cache and loaded; null with errors in the
     * build when it fails, and null without loading anything when {@code key} is null (the set is refused already).
     */
    private KieBase compileAndVerify(Build build, java.util.Set<String> tables, String version, String key) {
        KieServices kieServices = KieServices.get();
        KieFileSystem fileSystem = kieServices.newKieFileSystem();
        ReleaseId releaseId = kieServices.newReleaseId("com.thesisscreener.rules", "thesis", version);
        fileSystem.generateAndWritePomXML(releaseId);
        for (RuleFile view : build.views) {
            // A decision table's generated DRL is written as "name.drl.xlsx.drl", so Drools reads it as DRL.
            fileSystem.write(RESOURCE_DIR + view.name() + (tables.contains(view.name()) ? ".drl" : ""), view.content());
        }
        KieBuilder builder;
        try {
            builder = kieServices.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException | StackOverflowError crash) {
            // Drools' own code fails on some inputs (deep nesting, constructs it half-supports): the analyst's problem, not a 500.
            build.errors.add(compilerFailure(build.views, crash));
            kieServices.getRepository().removeKieModule(releaseId);
            return null;
        }
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        Map<String, String> generatedSources = generatedSources(messages);
        for (Message message : messages) {
            if (!message.getText().startsWith(GENERATED_SOURCE_PREFIX)) {
                ErrorLocator.locate(message, build.views, generatedSources.get(message.getPath())).map(build.toSheet).ifPresent(build.errors::add);
            }
        }
        for (Message message : builder.getResults().getMessages(Message.Level.WARNING)) {
            ErrorLocator.locate(message, build.views, null).map(build.toSheet).ifPresent(build.warnings::add);
        }
        if (build.errors.isEmpty()) {
            // Nothing compiled from the files is loaded before its bytecode passes the allow-list and the bounds.
            build.errors.addAll(refusals(classFiles(builder), build));
        }
        if (!build.errors.isEmpty()) {
            kieServices.getRepository().removeKieModule(releaseId);
            List<RuleError> unique = dedupe(build.errors);
            build.errors.clear();
            build.errors.addAll(unique);
            return null;
        }
        if (key == null) {
            kieServices.getRepository().removeKieModule(releaseId);
            return null;
        }
        cache.store(key, RuleCache.moduleJar((InternalKieModule) builder.getKieModule()), dedupe(build.warnings));
        KieBase kieBase = kieServices.newKieContainer(releaseId).getKieBase();
        kieServices.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /** A cached module, verified again before it is loaded; empty (and the entry gone) when it fails either. */
    private Optional<KieBase> fromCache(RuleCache.Entry entry, String key, Build build) {
        List<RuleError> refused = refusals(entry.classFiles(), build);
        if (!refused.isEmpty()) {
            cache.evict(key);
            return Optional.empty();
        }
        try {
            KieBase kieBase = entry.ruleBase();
            build.warnings.addAll(entry.warnings());
            cache.hit();
            return Optional.of(kieBase);
        } catch (RuntimeException | ReflectiveOperationException | LinkageError damaged) {
            cache.evict(key);
            return Optional.empty();
        }
    }

    /** What the sandbox refuses in the compiled code, at the analyst's file and line, in file and line order. */
    private List<RuleError> refusals(Map<String, byte[]> classFiles, Build build) {
        try {
            return verifier.verify(classFiles).stream().map(refusal -> RefusalLocator.locate(refusal, build.views))
                    .map(build.toSheet).distinct()
                    .sorted(Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line).thenComparingInt(RuleError::column))
                    .toList();
        } catch (RuntimeException unreadable) {
            // Code the verifier cannot read is code it cannot vouch for: refuse it.
            return List.of(new RuleError(build.views.isEmpty() ? "rules" : build.views.get(0).name(), 0, 0,
                    "the compiled rules could not be checked (" + unreadable.getClass().getSimpleName() + "); simplify the last change"));
        }
    }

    /** The class files the build produced from the rule files, by name. */
    private static Map<String, byte[]> classFiles(KieBuilder builder) {
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) classes.put(name, module.getBytes(name));
        }
        return classes;
    }

    private static RuleError compilerFailure(List<RuleFile> views, Throwable crash) {
        String file = views.size() == 1 ? views.get(0).name() : "rules";
        String why = crash instanceof StackOverflowError ? "a condition or expression is nested too deeply"
                : "the rule compiler could not handle a construct in these files (" + crash.getClass().getSimpleName() + ")";
        return new RuleError(file, 0, 0, "could not compile: " + why + "; simplify the last change");
    }

    /**
     * Reads the rule files of a folder; a missing or unreadable folder is itself a rule error, and so is a rule file
     * named as the editor would refuse (it could be served but never edited, saved or restored under that name).
     */
    public static List<RuleFile> read(Path folder) throws RuleCompilationException {
        if (!Files.isDirectory(folder)) {
            throw new RuleCompilationException(List.of(new RuleError(folder.toString(), 0, 0, "rules folder not found")));
        }
        try (Stream<Path> paths = Files.list(folder)) {
            List<RuleFile> files = new ArrayList<>();
            List<RuleError> misnamed = new ArrayList<>();
            for (Path path : paths.filter(RuleSetCompiler::isRuleFile).sorted(Comparator.naturalOrder()).toList()) {
                String name = path.getFileName().toString();
                if (!RuleFile.isPlainName(name)) {
                    misnamed.add(new RuleError(name, 0, 0, RuleFile.notPlainName(name) + "; rename it"));
                    continue;
                }
                files.add(new RuleFile(name, Files.readAllBytes(path)));
            }
            if (!misnamed.isEmpty()) throw new RuleCompilationException(misnamed);
            return files;
        } catch (IOException e) {
            throw new RuleCompilationException(List.of(new RuleError(folder.toString(), 0, 0, "cannot read: " + e.getMessage())));
        }
    }

    /** {@code *.drl} and {@code *.drl.xlsx} directly in the folder; not Excel's "~$" lock files, not hidden files. */
    private static boolean isRuleFile(Path path) {
        String name = path.getFileName().toString();
        if (name.startsWith("~$") || name.startsWith(".") || !Files.isRegularFile(path)) return false;
        return name.endsWith(".drl") || RuleFile.isDecisionTable(name);
    }

    /** The content hash that names a rule set: the same files (names and bytes) always give the same version. */
    public static String versionOf(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.stream().sorted(Comparator.comparing(RuleFile::name)).forEach(file -> {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.bytes());
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Drools follows an error in generated Java with a message holding that Java; keep it to trace the error back. */
    private static Map<String, String> generatedSources(List<Message> messages) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Message message : messages) {
            String text = message.getText();
            if (text.startsWith(GENERATED_SOURCE_PREFIX)) {
                int colon = text.indexOf(":\n");
                if (colon > 0) sources.put(message.getPath(), text.substring(colon + 2));
            }
        }
        return sources;
    }

    private static List<RuleError> dedupe(List<RuleError> errors) {
        return errors.stream().distinct().toList();
    }
}
