package com.thesisscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import com.thesisscreener.importing.PoiCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code screen} on every file of the POI corpus ({@code ../shared/poi-corpus}, kept out of this repository):
 * one readable line naming the file, exit code 2, no stack trace, no hang. Skipped where the corpus is absent.
 */
class CorpusScreenTest {

    static final Path CORPUS = PoiCorpus.FOLDER;

    static Stream<String> corpusFiles() throws Exception {
        if (!Files.isDirectory(CORPUS)) return Stream.of("(corpus missing)");
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".md")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    @Timeout(120)
    void everyCorpusFileGetsOneLineAndExitCodeTwo(String name) {
        PoiCorpus.assumePresent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = CommandLine.run(new String[] {"screen", CORPUS.resolve(name).toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertThat(exit).as(message).isEqualTo(2);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).startsWith("screener: '" + name + "'").doesNotContain("Exception", "\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
