package com.thesisscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules preview}: what an edited threshold would change, before anything is activated. */
class RulesPreviewTest {

    @TempDir
    Path candidate;

    @Test
    void aStricterVolumeTestMovesTheCompaniesThatOnlyJustPassed() throws IOException {
        try (var files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) Files.copy(file, candidate.resolve(file.getFileName()));
        }
        Path volume = candidate.resolve("volume.drl");
        Files.writeString(volume, Files.readString(volume).replace("function double requiredVolumeMultiple() { return 3.0; }",
                "function double requiredVolumeMultiple() { return 3.5; }"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = CommandLine.run(new String[] {"rules", "preview", candidate.toString(), "--against", "sample-data/ai-portfolio.csv"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(text).contains("32 companies, 1 would change, 31 unchanged");
        // PRZM's volume grew exactly 3.0x the deflation: it passed at 3.0 and falls short at 3.5.
        assertThat(text.lines().filter(l -> l.contains("PRZM")).findFirst().orElseThrow()).contains("68 -> 43", "+VOL-SHORT", "-VOL-3X");
    }

    @Test
    void aPreviewWithoutAPortfolioIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = CommandLine.run(new String[] {"rules", "preview", "rules"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--against");
    }
}
