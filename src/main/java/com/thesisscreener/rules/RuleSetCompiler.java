package com.thesisscreener.rules;

import com.thesisscreener.screening.InvalidRuleSetException;
import com.thesisscreener.screening.RuleProblem;
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
import java.util.stream.Stream;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles a folder of rule files with Drools' executable model and checks the result can score.
 * Errors are reported against the analyst's file, line and column, never against generated code.
 */
public final class RuleSetCompiler {

    private static final String RESOURCE_DIR = "src/main/resources/thesis/";
    private static final String GENERATED_SOURCE_PREFIX = "Java source of ";

    /** Compiles every {@code *.drl} file directly in {@code folder}, in name order. */
    public RuleSet compile(Path folder) throws RuleCompilationException {
        return compile(read(folder));
    }

    public RuleSet compile(List<RuleFile> files) throws RuleCompilationException {
        if (files.isEmpty()) {
            throw new RuleCompilationException(List.of(new RuleError("rules", 0, 0, "no rule files (*.drl) to compile")));
        }
        String version = versionOf(files);
        KieServices kieServices = KieServices.get();
        KieFileSystem fileSystem = kieServices.newKieFileSystem();
        ReleaseId releaseId = kieServices.newReleaseId("com.thesisscreener.rules", "thesis", version);
        fileSystem.generateAndWritePomXML(releaseId);
        for (RuleFile file : files) {
            fileSystem.write(RESOURCE_DIR + file.name(), file.content());
        }
        KieBuilder builder = kieServices.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        Map<String, String> generatedSources = generatedSources(messages);
        List<RuleError> errors = new ArrayList<>();
        for (Message message : messages) {
            if (!message.getText().startsWith(GENERATED_SOURCE_PREFIX)) {
                ErrorLocator.locate(message, files, generatedSources.get(message.getPath())).ifPresent(errors::add);
            }
        }
        if (!errors.isEmpty()) throw new RuleCompilationException(dedupe(errors));

        KieBase kieBase = kieServices.newKieContainer(releaseId).getKieBase();
        kieServices.getRepository().removeKieModule(releaseId);
        int ruleCount = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        try {
            return new RuleSet(version, files, ruleCount, Screener.of(kieBase, version));
        } catch (InvalidRuleSetException invalid) {
            throw new RuleCompilationException(invalid.problems().stream().map(p -> ErrorLocator.locate(p, files)).toList());
        }
    }

    /** Reads the rule files of a folder; a missing or unreadable folder is itself a rule error. */
    public static List<RuleFile> read(Path folder) throws RuleCompilationException {
        if (!Files.isDirectory(folder)) {
            throw new RuleCompilationException(List.of(new RuleError(folder.toString(), 0, 0, "rules folder not found")));
        }
        try (Stream<Path> paths = Files.list(folder)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted(Comparator.naturalOrder()).toList()) {
                files.add(new RuleFile(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new RuleCompilationException(List.of(new RuleError(folder.toString(), 0, 0, "cannot read: " + e.getMessage())));
        }
    }

    /** The content hash that names a rule set: the same files always give the same version. */
    static String versionOf(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.stream().sorted(Comparator.comparing(RuleFile::name)).forEach(file -> {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
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
