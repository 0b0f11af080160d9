package com.thesisscreener.rules;

import com.thesisscreener.rules.sandbox.CompiledRuleVerifier;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Phrases;
import com.thesisscreener.screening.Scorecard;
import com.thesisscreener.screening.VolumeCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

/**
 * Compiled rule sets kept on disk, so a second {@code screen} of unchanged rules, a restart of the service or
 * a restore skips the Drools build. An entry is the compiled module (the class files Drools generated) plus
 * the build's warnings, named by a key over the rule files' bytes, the Drools version and the fingerprint of
 * the application classes the generated code is bound to: editing a file, upgrading Drools or the
 * application all miss. An entry is never trusted: it must unpack, pass the bytecode verifier again and
 * build a rule base, or it is deleted and the set compiled anew.
 */
public final class RuleCache {

    /** Entries kept; older ones are removed when a new one is stored. */
    private static final int KEEP = 32;
    private static final String MODULE = ".kjar";
    private static final String WARNINGS = ".warnings";
    private static final String KMODULE = "META-INF/kmodule.xml";
    /** The module's list of executable-model classes, under {@code META-INF/kie/<group>/<artifact>/}. */
    private static final String MODEL_LIST = "/drools-model";
    private static final String APPLICATION_FINGERPRINT = fingerprint();

    private final Path folder;
    private final AtomicInteger hits = new AtomicInteger();

    public RuleCache(Path folder) {
        this.folder = folder;
    }

    /** The cache beside the application's data: {@code -Dscreener.rule-cache}, else {@code <screener.home>/data/rule-cache}. */
    public static RuleCache standard() {
        String configured = System.getProperty("screener.rule-cache");
        if (configured != null && !configured.isBlank()) return new RuleCache(Path.of(configured));
        return new RuleCache(Path.of(System.getProperty("screener.home", "."), "data", "rule-cache"));
    }

    /** A cache that never holds anything (tests of the compiler itself). */
    public static RuleCache none() {
        return new RuleCache(null);
    }

    /** How many builds were served from the cache since this instance was made. */
    public int hits() {
        return hits.get();
    }

    /**
     * A compiled module read back from the cache: the class files it holds, the rule models among them (classes
     * named by the module's {@code drools-model} list), the DRL generated from each decision table (by table file
     * name, so a hit does not read the workbook again) and the warnings of its build.
     */
    record Entry(Map<String, byte[]> classFiles, List<String> models, Map<String, String> generatedDrl, List<RuleError> warnings) {

        /**
         * The rule base built straight from the module's models, skipping Drools' module repository and its descriptor
         * parsing (most of a cache hit's time). Only the entry's own class files are defined: call after they pass the
         * verifier.
         */
        KieBase ruleBase() throws ReflectiveOperationException {
            ClassLoader classes = new EntryClasses(classFiles, RuleCache.class.getClassLoader());
            List<Model> loaded = new ArrayList<>();
            for (String model : models) {
                loaded.add((Model) classes.loadClass(model).getDeclaredConstructor().newInstance());
            }
            return KieBaseBuilder.createKieBaseFromModel(loaded, KieServices.get().newKieBaseConfiguration(null, classes));
        }
    }

    /** Defines a cached module's classes from its class files; everything else comes from the application. */
    private static final class EntryClasses extends ClassLoader {

        private final Map<String, byte[]> classFiles;

        EntryClasses(Map<String, byte[]> classFiles, ClassLoader application) {
            super("rule-cache", application);
            this.classFiles = classFiles;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classFiles.get(name.replace('.', '/') + ".class");
            if (bytes == null) throw new ClassNotFoundException(name);
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    String key(List<RuleFile> files) {
        MessageDigest digest = sha256();
        files.stream().sorted(Comparator.comparing(RuleFile::name)).forEach(file -> {
            digest.update(file.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.bytes());
            digest.update((byte) 0);
        });
        digest.update(String.valueOf(KieServices.class.getPackage().getImplementationVersion()).getBytes(StandardCharsets.UTF_8));
        digest.update(APPLICATION_FINGERPRINT.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    }

    /** The entry for the key when one is stored and readable; an unreadable entry is removed. */
    Optional<Entry> load(String key) {
        if (folder == null) return Optional.empty();
        Path module = folder.resolve(key + MODULE);
        if (!Files.isRegularFile(module)) return Optional.empty();
        try {
            Entry entry = unpack(Files.readAllBytes(module), readWarnings(folder.resolve(key + WARNINGS)));
            if (entry.classFiles().isEmpty() || entry.models().isEmpty()) throw new IOException("no rule model");
            return Optional.of(entry);
        } catch (IOException | RuntimeException unreadable) {
            evict(key);
            return Optional.empty();
        }
    }

    void hit() {
        hits.incrementAndGet();
    }

    /** Stores a module that compiled and passed the verifier; a cache that cannot be written is simply not used. */
    void store(String key, byte[] module, List<RuleError> warnings) {
        if (folder == null) return;
        try {
            Files.createDirectories(folder);
            write(folder.resolve(key + WARNINGS), encode(warnings).getBytes(StandardCharsets.UTF_8));
            write(folder.resolve(key + MODULE), module);
            prune();
        } catch (IOException | RuntimeException notWritable) {
            // The cache is an optimisation: a read-only or full disk compiles every time instead.
        }
    }

    void evict(String key) {
        if (folder == null) return;
        try {
            Files.deleteIfExists(folder.resolve(key + MODULE));
            Files.deleteIfExists(folder.resolve(key + WARNINGS));
        } catch (IOException ignored) {
            // Another process may hold it; the next load tries again.
        }
    }

    private static Entry unpack(byte[] module, List<RuleError> warnings) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<String> models = new ArrayList<>();
        Map<String, String> generatedDrl = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(module))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    classes.put(name, zip.readAllBytes());
                } else if (name.endsWith(MODEL_LIST)) {
                    modelNames(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).forEach(models::add);
                } else if (isGeneratedDrl(name)) {
                    generatedDrl.put(tableName(name), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return new Entry(classes, models, generatedDrl, warnings);
    }

    /** A decision table {@code x.drl.xlsx} is compiled as the DRL generated from it, written as {@code x.drl.xlsx.drl}. */
    private static boolean isGeneratedDrl(String name) {
        return name.endsWith(".drl") && RuleFile.isDecisionTable(tableName(name));
    }

    private static String tableName(String generatedDrl) {
        return generatedDrl.substring(generatedDrl.lastIndexOf('/') + 1, generatedDrl.length() - ".drl".length());
    }

    /** Class names listed in a module's {@code drools-model} file: every line but the version header. */
    private static Stream<String> modelNames(String list) {
        return list.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.contains(":"));
    }

    /** Class files of a module, checked by the verifier before the module is loaded. */
    static Map<String, byte[]> classFiles(byte[] module) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(module))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".class")) classes.put(entry.getName(), zip.readAllBytes());
            }
        }
        return classes;
    }

    /** The built module as a jar Drools can load again: every file it holds, and the default module descriptor. */
    static byte[] moduleJar(InternalKieModule module) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream jar = new java.util.zip.ZipOutputStream(bytes)) {
            boolean hasDescriptor = false;
            for (String name : module.getFileNames()) {
                hasDescriptor |= name.equals(KMODULE);
                jar.putNextEntry(new ZipEntry(name));
                jar.write(module.getBytes(name));
                jar.closeEntry();
            }
            if (!hasDescriptor) {
                jar.putNextEntry(new ZipEntry(KMODULE));
                jar.write("<kmodule xmlns=\"http://www.drools.org/xsd/kmodule\"/>".getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        } catch (IOException inMemory) {
            throw new java.io.UncheckedIOException(inMemory);
        }
        return bytes.toByteArray();
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".store-", ".tmp");
        Files.write(temporary, bytes);
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void prune() throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> modules = entries.filter(p -> p.getFileName().toString().endsWith(MODULE))
                    .sorted(Comparator.comparingLong(RuleCache::modified).reversed()).toList();
            for (Path old : modules.subList(Math.min(KEEP, modules.size()), modules.size())) {
                String name = old.getFileName().toString();
                evict(name.substring(0, name.length() - MODULE.length()));
            }
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException gone) {
            return 0;
        }
    }

    private static String encode(List<RuleError> warnings) {
        StringBuilder text = new StringBuilder();
        for (RuleError warning : warnings) {
            text.append(warning.file()).append('\t').append(warning.line()).append('\t').append(warning.column()).append('\t')
                    .append(warning.message().replace('\n', ' ').replace('\t', ' ')).append('\n');
        }
        return text.toString();
    }

    private static List<RuleError> readWarnings(Path path) throws IOException {
        List<RuleError> warnings = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 4);
            if (parts.length != 4) throw new IOException("damaged warnings");
            warnings.add(new RuleError(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), parts[3]));
        }
        return warnings;
    }

    /** The application classes compiled rules are bound to or checked by: when any changes, every entry misses. */
    private static String fingerprint() {
        MessageDigest digest = sha256();
        for (Class<?> type : new Class<?>[] {Company.class, Scorecard.class, Phrases.class, VolumeCheck.class,
                CompiledRuleVerifier.class, RuleSetCompiler.class, RulePolicy.class, DecisionTables.class, RuleCache.class}) {
            digestResource(digest, type.getClassLoader(), type.getName().replace('.', '/') + ".class");
        }
        for (String internal : new String[] {"AllowList", "TextGrowth"}) {
            digestResource(digest, RuleCache.class.getClassLoader(), "com/thesisscreener/rules/sandbox/" + internal + ".class");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void digestResource(MessageDigest digest, ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) digest.update(in.readAllBytes());
        } catch (IOException unreadable) {
            digest.update(resource.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
