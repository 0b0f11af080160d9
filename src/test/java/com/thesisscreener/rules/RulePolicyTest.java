package com.thesisscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule files are untrusted code: what reaches beyond the scorecard and the fact fields is refused with file and line. */
class RulePolicyTest {

    private static final String HEADER = """
            package thesis;

            import com.thesisscreener.screening.Band;
            import com.thesisscreener.screening.Company;
            import function com.thesisscreener.screening.Phrases.pct;

            global com.thesisscreener.screening.Scorecard scorecard;

            """;

    @Test
    void theShippedRulesPass() throws Exception {
        for (RuleFile file : RuleSetCompiler.read(Path.of("rules"))) {
            String drl = file.isDecisionTable() ? DecisionTables.toDrl(file) : file.content();
            assertThat(RulePolicy.check(file.name(), drl)).as(file.name()).isEmpty();
        }
    }

    @Test
    void aRuleCallingSystemExitIsRefusedBeforeDroolsSeesIt() throws IOException {
        List<RuleFile> files = shippedPlus("evil.drl", HEADER + """
                rule "EVIL"
                when
                    $c : Company( )
                then
                    System.exit(1);
                end
                """);

        assertThatThrownBy(() -> new RuleSetCompiler().compile(files))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.file()).isEqualTo("evil.drl");
                    assertThat(error.line()).isEqualTo(13);
                    assertThat(error.column()).isEqualTo(5);
                    assertThat(error.message()).startsWith("rule files may not call System.exit")
                            .contains("only the scorecard, the fact fields", "Math are available");
                }));
    }

    @Test
    void readingAFileIsRefused() {
        List<RuleError> errors = RulePolicy.check("peek.drl", HEADER.replace("import com.thesisscreener.screening.Band;",
                "import java.nio.file.Files;\nimport java.nio.file.Path;") + """
                rule "PEEK"
                when
                    $c : Company( )
                then
                    String secret = Files.readString(Path.of("/etc/passwd"));
                end
                """);

        assertThat(errors).extracting(RuleError::line).contains(3, 4, 14);
        assertThat(errors).filteredOn(e -> e.line() == 3).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("may not import java.nio.file.Files"));
        assertThat(errors).filteredOn(e -> e.line() == 14).extracting(RuleError::message)
                .anySatisfy(m -> assertThat(m).contains("Files.readString", "never files or the network"))
                .anySatisfy(m -> assertThat(m).contains("Path.of"));
    }

    @Test
    void reflectionIsRefused() {
        List<RuleError> errors = RulePolicy.check("mirror.drl", HEADER + """
                rule "MIRROR"
                when
                    $c : Company( )
                then
                    $c.getClass().getDeclaredMethod("ticker").setAccessible(true);
                    Object loader = Class.forName("java.lang.Runtime");
                end
                """);

        assertThat(errors).extracting(RuleError::line).containsOnly(13, 14);
        assertThat(errors).extracting(RuleError::message)
                .anySatisfy(m -> assertThat(m).contains(".getClass"))
                .anySatisfy(m -> assertThat(m).contains(".getDeclaredMethod"))
                .anySatisfy(m -> assertThat(m).contains(".setAccessible"))
                .anySatisfy(m -> assertThat(m).contains("Class.forName"));
    }

    @Test
    void aFullyQualifiedJdkCallInAFunctionIsRefused() {
        List<RuleError> errors = RulePolicy.check("helpers.drl", HEADER + """
                // A helper that looks harmless.
                function String folder() {
                    return new java.io.File("/").list()[0];
                }
                """);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("helpers.drl");
            assertThat(error.line()).isEqualTo(11);
            assertThat(error.column()).isEqualTo(16);
            assertThat(error.message()).contains("may not use java.io.File", "names under java.");
        });
    }

    @Test
    void anEvalThatCallsSystemIsRefused() {
        List<RuleError> errors = RulePolicy.check("clock.drl", HEADER + """
                rule "CLOCK"
                when
                    $c : Company( )
                    eval( System.currentTimeMillis() > 0 )
                then
                    scorecard.add(kcontext, $c, 1, "tick");
                end
                """);

        assertThat(errors).hasSize(2).allSatisfy(error -> assertThat(error.line()).isEqualTo(12));
        assertThat(errors).extracting(RuleError::message)
                .anySatisfy(m -> assertThat(m).contains("may not use eval(...)"))
                .anySatisfy(m -> assertThat(m).contains("may not call System.currentTimeMillis"));
    }

    @Test
    void wordsInCommentsAndSentencesAreNotCode() {
        List<RuleError> errors = RulePolicy.check("fine.drl", HEADER + """
                // The System of moats: java.io.File is not used here, nor is eval( or exit(.
                /* Runtime, Thread, Class.forName: only words. */
                rule "FINE"
                    @thesis("The System reads no File; \\"Runtime\\" is a word.")
                when
                    $c : Company( ticker == "System.exit" )
                then
                    scorecard.add(kcontext, $c, +1, "the System says java.lang.Runtime.exec(" + pct(0.5) + ")");
                    scorecard.cap(kcontext, $c, com.thesisscreener.screening.Band.HOLD);
                    double x = java.lang.Math.max(1, Math.pow(2, 3));
                end
                """);

        assertThat(errors).isEmpty();
    }

    @Test
    void headersFactsAndEngineInternalsAreLimited() {
        List<RuleError> errors = RulePolicy.check("wide.drl", """
                package thesis;
                import java.util.List;
                import com.thesisscreener.screening.Scorecard;
                global java.util.List sink;
                global com.thesisscreener.screening.Scorecard scorecard;
                declare Extra end
                query "all" $c : Company() end
                rule "WIDE"
                when
                    $c : Company( ) from entry-point "outside"
                then
                    retract($c);
                    modify($c) { };
                    kcontext.getKieRuntime().halt();
                    for (int i = 0; i < 10; i++) { }
                    String s = "\\u0022";
                end
                """);

        assertThat(errors).extracting(RuleError::line).contains(2, 3, 4, 6, 7, 10, 12, 13, 14, 15, 16);
        assertThat(errors).extracting(RuleError::line).doesNotContain(5);
        assertThat(errors).extracting(RuleError::message)
                .anySatisfy(m -> assertThat(m).contains("may not import java.util.List"))
                .anySatisfy(m -> assertThat(m).contains("the one global is 'global com.thesisscreener.screening.Scorecard scorecard;'"))
                .anySatisfy(m -> assertThat(m).contains("'declare'"))
                .anySatisfy(m -> assertThat(m).contains("'entry-point'"))
                .anySatisfy(m -> assertThat(m).contains("may not retract facts"))
                .anySatisfy(m -> assertThat(m).contains("may not loop"))
                .anySatisfy(m -> assertThat(m).contains("unicode escapes"));
    }

    @Test
    void insertingAVolumeCheckStaysAllowed() {
        assertThat(RulePolicy.check("volume.drl", HEADER + """
                rule "VOL"
                when
                    $c : Company( tokenVolumeGrowth != null )
                then
                    insert(new com.thesisscreener.screening.VolumeCheck($c, $c.tokenVolumeGrowth(), -0.5, false));
                end
                """)).isEmpty();
    }

    private static List<RuleFile> shippedPlus(String name, String content) throws IOException {
        try {
            List<RuleFile> files = new ArrayList<>(RuleSetCompiler.read(Path.of("rules")));
            files.add(new RuleFile(name, content));
            return files;
        } catch (RuleCompilationException e) {
            throw new IOException(e);
        }
    }

    @SuppressWarnings("unused")
    private static void write(Path folder, String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }
}
