package com.thesisscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code screen} command end to end on the shipped sample portfolio and rules, as an analyst runs it. */
class ScreenCommandTest {

    private static final String SAMPLE = "sample-data/ai-portfolio.xlsx";

    @TempDir
    Path temp;

    @Test
    void screensTheSamplePortfolioIntoARankedTable() {
        Run run = run("screen", SAMPLE);

        assertThat(run.exit).isZero();
        assertThat(run.err).isEmpty();
        List<String> lines = run.out.lines().toList();
        assertThat(lines.get(0)).contains("RANK", "TICKER", "SCORE", "BAND", "CONF", "TOP FINDINGS");
        assertThat(lines.get(1)).contains("STRONG_BUY");
        assertThat(run.out).contains("32 companies screened from ai-portfolio.xlsx (sheet 'Portfolio'); 32 row(s) read, 0 rejected")
                .contains("Rule set ");
    }

    @Test
    void thePurePlayApiProviderWithoutAMoatAndTwiceTheDeflationLandsAtReduceOrBelow() {
        JsonNode results = json(run("screen", SAMPLE, "--format", "json").out).get("results");

        JsonNode purePlay = find(results, "VRSP");
        assertThat(purePlay.get("band").asString()).isIn("REDUCE", "AVOID");
        assertThat(purePlay.get("derived").get("volumeToDeflationRatio").asDouble()).isEqualTo(2.0);
        assertThat(ruleIds(purePlay)).contains("MOAT-NONE", "VOL-SHORT");
    }

    @Test
    void theSamplePortfolioRanksAsTheThesisImplies() {
        JsonNode results = json(run("screen", SAMPLE, "--format", "json").out).get("results");

        // Moated compute and data owners whose volume outruns deflation lead; API pure plays trail.
        assertThat(results.get(0).get("band").asString()).isEqualTo("STRONG_BUY");
        assertThat(find(results, "NMBC").get("band").asString()).isEqualTo("STRONG_BUY");
        assertThat(find(results, "VLTX").get("band").asString()).isEqualTo("HOLD");          // VOL-SHRINK cap from BUY
        assertThat(find(results, "VLTX").get("scoreBand").asString()).isEqualTo("BUY");
        assertThat(find(results, "QNTA").get("band").asString()).isEqualTo("REDUCE");        // MOAT-NONE cap from HOLD
        assertThat(results.get(results.size() - 1).get("segment").asString()).isEqualTo("MODEL_PROVIDER");
        assertThat(json(run("screen", SAMPLE, "--format", "json").out).get("summary").get("bands").get("AVOID").asInt()).isEqualTo(3);
    }

    @Test
    void everyThesisRuleFiresForSomeSampleCompany() {
        JsonNode results = json(run("screen", SAMPLE, "--format", "json").out).get("results");

        List<String> fired = new java.util.ArrayList<>();
        results.forEach(r -> fired.addAll(ruleIds(r)));
        assertThat(fired).containsAll(com.thesisscreener.rules.ThesisCatalogue.shipped().ruleIds());
    }

    @Test
    void theCsvTwinGivesTheSameResultsAsTheWorkbook() {
        JsonNode fromXlsx = json(run("screen", SAMPLE, "--format", "json").out).get("results");
        JsonNode fromCsv = json(run("screen", "sample-data/ai-portfolio.csv", "--format", "json").out).get("results");

        assertThat(fromCsv).isEqualTo(fromXlsx);
    }

    @Test
    void explainPrintsEveryFindingWithItsThesisPassageAndTheTestsNotRun() {
        Run run = run("screen", SAMPLE, "--explain", "vrsp");

        assertThat(run.exit).isZero();
        assertThat(run.out).contains("VRSP", "MOAT-NONE", "-25", "thesis: \"Pure-play model providers", "Cap: MOAT-NONE holds the band at REDUCE",
                "volume/deflation ratio 2.0x");
    }

    @Test
    void csvOutputGoesToTheFileNamedByOut() throws IOException {
        Path out = temp.resolve("ranked.csv");

        Run run = run("screen", SAMPLE, "--format", "csv", "--out", out.toString());

        assertThat(run.exit).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(33);
        assertThat(lines.get(0)).startsWith("rank,ticker,name,segment,score,band");
        assertThat(lines.get(1)).startsWith("1,");
    }

    @Test
    void rowsThatCannotBeReadAreReportedAndTheRestIsStillScreenedWithExitCodeOne() throws IOException {
        Path file = temp.resolve("mixed.csv");
        Files.writeString(file, """
                ticker,name,segment,apiRevenueShare,proprietaryData
                GOOD,Good Co,MODEL_PROVIDER,40%,yes
                BAD,Bad Co,MODEL_PROVIDER,45x,maybe
                """);

        Run run = run("screen", file.toString());

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).contains("GOOD").doesNotContain("BAD ");
        assertThat(run.err).contains("row 3", "column D", "'45x'", "column E", "'maybe'");
    }

    @Test
    void brokenRulesStopTheRunWithFileAndLineAndExitCodeTwo() throws IOException {
        Path rules = temp.resolve("rules");
        Files.createDirectories(rules);
        for (Path drl : Files.list(Path.of("rules")).filter(p -> p.toString().endsWith(".drl")).toList()) {
            Files.writeString(rules.resolve(drl.getFileName()), Files.readString(drl).replace("ownsCompute == true", "ownsComputer == true"));
        }

        Run run = run("screen", SAMPLE, "--rules", rules.toString());

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("do not compile", "moat.drl:", "'ownsComputer' is not a field of Company").doesNotContain("Exception");
    }

    @Test
    void aMissingFileAnUnknownOptionAndAnUnreadableFileEachGetOneLine() throws IOException {
        Path junk = temp.resolve("junk.xlsx");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        Run missing = run("screen", "nope.xlsx");
        Run unknown = run("screen", SAMPLE, "--colour", "red");
        Run unreadable = run("screen", junk.toString());
        Run unknownTicker = run("screen", SAMPLE, "--explain", "ZZZZ");

        for (Run run : List.of(missing, unknown, unreadable, unknownTicker)) {
            assertThat(run.exit).isEqualTo(2);
            assertThat(run.err.strip().lines()).hasSize(1);
            assertThat(run.err).doesNotContain("Exception", "\tat ");
        }
        assertThat(missing.err).contains("nope.xlsx: no such file");
        assertThat(unknown.err).contains("unknown option --colour");
        assertThat(unreadable.err).contains("junk.xlsx");
        assertThat(unknownTicker.err).contains("ZZZZ");
    }

    private static JsonNode find(JsonNode results, String ticker) {
        for (JsonNode result : results) {
            if (result.get("ticker").asString().equals(ticker)) return result;
        }
        throw new AssertionError(ticker + " not in results");
    }

    private static List<String> ruleIds(JsonNode result) {
        List<String> ids = new java.util.ArrayList<>();
        result.get("findings").forEach(f -> ids.add(f.get("ruleId").asString()));
        return ids;
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), Arrays.asList(args));
    }

    private record Run(int exit, String out, String err, List<String> args) {
    }
}
