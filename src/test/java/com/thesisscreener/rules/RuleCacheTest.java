package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.EvaluationLimits;
import com.thesisscreener.screening.Segment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** A compiled rule set is kept on disk and loaded instead of compiled, but a cached entry is never trusted. */
class RuleCacheTest {

    @TempDir
    Path folder;

    private final Company company = Company.builder("VRSP", Segment.MODEL_PROVIDER).apiRevenueShare(0.8).openSourceGapMonths(3.0).build();

    @Test
    void theSecondBuildOfUnchangedRulesIsLoadedFromTheCacheAndScoresTheSame() throws Exception {
        RuleCache cache = new RuleCache(folder);
        List<RuleFile> files = RuleSetCompiler.read(Path.of("rules"));

        RuleSet compiled = compiler(cache).compile(files);
        RuleSet loaded = compiler(cache).compile(files);

        assertThat(cache.hits()).isEqualTo(1);
        assertThat(loaded.version()).isEqualTo(compiled.version());
        assertThat(loaded.screener().screen(company)).isEqualTo(compiled.screener().screen(company));
    }

    @Test
    void editingAFileMissesTheCache() throws Exception {
        RuleCache cache = new RuleCache(folder);
        List<RuleFile> files = RuleSetCompiler.read(Path.of("rules"));
        compiler(cache).compile(files);

        List<RuleFile> edited = new ArrayList<>(files);
        RuleFile volume = edited.stream().filter(f -> f.name().equals("volume.drl")).findFirst().orElseThrow();
        edited.set(edited.indexOf(volume), new RuleFile("volume.drl", volume.content() + "\n// an analyst's note\n"));
        compiler(cache).compile(edited);

        assertThat(cache.hits()).isZero();
        assertThat(entries()).hasSize(2);
    }

    @Test
    void aDamagedEntryIsIgnoredAndRebuilt() throws Exception {
        RuleCache cache = new RuleCache(folder);
        List<RuleFile> files = RuleSetCompiler.read(Path.of("rules"));
        compiler(cache).compile(files);
        Files.write(entries().get(0), new byte[] {'P', 'K', 3, 4, 0, 0});

        RuleSet rebuilt = compiler(cache).compile(files);

        assertThat(cache.hits()).isZero();
        assertThat(rebuilt.screener().screen(company).band()).isNotNull();
        assertThat(Files.size(entries().get(0))).isGreaterThan(1000);
    }

    @Test
    void anEntryTamperedWithForbiddenCodeIsRefusedOnLoadAndRebuiltFromTheFiles() throws Exception {
        RuleCache cache = new RuleCache(folder);
        List<RuleFile> files = RuleSetCompiler.read(Path.of("rules"));
        compiler(cache).compile(files);
        Path entry = entries().get(0);
        Files.write(entry, withClass(Files.readAllBytes(entry), "thesis/Planted", classCallingRuntime("thesis/Planted")));

        RuleSet rebuilt = compiler(cache).compile(files);

        assertThat(cache.hits()).isZero();
        assertThat(rebuilt.screener().screen(company).band()).isNotNull();
        assertThat(RuleCache.classFiles(Files.readAllBytes(entries().get(0)))).doesNotContainKey("thesis/Planted.class");
    }

    private static RuleSetCompiler compiler(RuleCache cache) {
        return new RuleSetCompiler(EvaluationLimits.defaults(), cache);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(p -> p.toString().endsWith(".kjar")).toList();
        }
    }

    private static byte[] withClass(byte[] jar, String name, byte[] classFile) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(in.readAllBytes());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name + ".class"));
            zip.write(classFile);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A class whose static method starts the operating system's runtime: what a tampered cache file could carry. */
    private static byte[] classCallingRuntime(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()Ljava/lang/Object;", null, null);
        method.visitCode();
        method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;", false);
        method.visitInsn(Opcodes.ARETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
