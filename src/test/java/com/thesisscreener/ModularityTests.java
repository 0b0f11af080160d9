package com.thesisscreener;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules' boundaries: no cycles, no module reaching into another's internals, only the dependencies each
 * module's {@code package-info} allows, and a Spring-free core. The module documentation in {@code docs/modules}
 * is generated from the same model; run with {@code -Dmodules.docs.write=true} to regenerate it.
 */
class ModularityTests {

    private static final Path DOCS = Path.of("docs", "modules");
    private static final String REGENERATE = "docs/modules is stale: regenerate it with "
            + "mvn -o -q -B test -Dtest=ModularityTests -Dmodules.docs.write=true";

    private static final ApplicationModules MODULES = ApplicationModules.of(ScreenerApplication.class);

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirApisAndWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void theEngineTheImporterTheExportsAndTheCommandLineRunWithoutSpring() {
        noClasses().that().resideInAnyPackage("com.thesisscreener.screening..", "com.thesisscreener.importing..",
                        "com.thesisscreener.report..", "com.thesisscreener.cli..")
                .and().doNotHaveSimpleName("package-info") // module metadata only, not needed at run time
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.thesisscreener"));
    }

    @Test
    void theModuleDocumentationMatchesTheCode() throws IOException {
        Path generated = Path.of("target", "modules-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString())).writeDocumentation();
        if (Boolean.getBoolean("modules.docs.write")) {
            Files.createDirectories(DOCS);
            try (Stream<Path> old = Files.list(DOCS)) {
                old.forEach(ModularityTests::delete);
            }
            for (Path file : files(generated).keySet()) Files.copy(generated.resolve(file), DOCS.resolve(file));
        }
        assertThat(files(DOCS)).as(REGENERATE).isEqualTo(files(generated));
    }

    private static Map<Path, String> files(Path folder) throws IOException {
        Map<Path, String> contents = new TreeMap<>();
        if (!Files.isDirectory(folder)) return contents;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // Compared as sorted lines: the Documenter's order of modules and beans may differ between machines.
                contents.put(file.getFileName(), Files.readAllLines(file).stream().sorted().collect(Collectors.joining("\n")));
            }
        }
        return contents;
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
