package com.thesisscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "What would it take" on the command line: {@code --explain} and {@code --what-if}, tried as an analyst would. */
class ScreenWhatIfTest {

    private static final String SAMPLE = "sample-data/ai-portfolio.xlsx";
    private static final Path SAMPLE_CSV = Path.of("sample-data/ai-portfolio.csv");

    @TempDir
    Path temp;

    @Test
    void explainingAReduceCompanySaysWhatWouldLiftItAndWhatWouldDropIt() {
        Run run = run("screen", SAMPLE, "--explain", "NDLG");

        assertThat(run.exit).isZero();
        assertThat(run.out).contains("What would it take (NDLG, REDUCE")
                .contains("  lift: revenue growth of +40% (now +9%) would lift NDLG from REDUCE to HOLD")
                .contains("  lift: a market cap of $10B (now $3.4B) would lift NDLG from REDUCE to HOLD")
                .contains("  drop: an API revenue share of 50% (now 0%) would drop NDLG from REDUCE to AVOID");
    }

    @Test
    void everyResultCarriesItsAnswersInJsonWhenAskedAndNoneOtherwise() {
        JsonNode results = json(run("screen", SAMPLE, "--format", "json", "--what-if").out).get("results");

        assertThat(results).hasSize(32);
        JsonNode first = find(results, "VRSP").get("whatIf").get(0);
        assertThat(names(first)).containsExactly("field", "value", "band", "direction");
        assertThat(find(results, "VRSP").get("whatIf").toString())
                .contains("{\"field\":\"tokenVolumeGrowth\",\"value\":2.401,\"band\":\"REDUCE\",\"direction\":\"up\"}");
        assertThat(json(run("screen", SAMPLE, "--format", "json").out).get("results").get(0).has("whatIf")).isFalse();
    }

    @Test
    void applyingAnySuggestedChangeToTheFileGivesExactlyThePromisedBand() throws IOException {
        JsonNode results = json(run("screen", SAMPLE, "--format", "json", "--what-if").out).get("results");
        List<String> rows = Files.readAllLines(SAMPLE_CSV);
        List<String> header = Arrays.asList(rows.get(0).split(",", -1));
        // One file, one row per suggested change: the company's row with that one cell changed, under a new ticker.
        List<String> changed = new ArrayList<>(List.of(rows.get(0)));
        List<String> promised = new ArrayList<>();
        for (String ticker : List.of("NDLG", "VRSP", "PRZM", "ORFN", "VLTX")) {
            for (JsonNode answer : find(results, ticker).get("whatIf")) {
                changed.add(changedRow(rows, header, ticker, "ROW" + promised.size(), answer.get("field").asString(), cell(answer.get("value"))));
                promised.add(answer.get("band").asString());
            }
        }
        Path file = temp.resolve("changed.csv");
        Files.write(file, changed);

        JsonNode rescreened = json(run("screen", file.toString(), "--format", "json").out).get("results");

        assertThat(promised).hasSizeGreaterThan(25);
        for (int i = 0; i < promised.size(); i++) {
            assertThat(find(rescreened, "ROW" + i).get("band").asString()).as(changed.get(i + 1)).isEqualTo(promised.get(i));
        }
    }

    @Test
    void theWhatIfCommandAnswersExactlyAsScreenWithWhatIf() {
        Run command = run("whatif", SAMPLE, "--format", "json");
        Run option = run("screen", SAMPLE, "--what-if", "--format", "json");

        assertThat(command.exit()).isZero();
        assertThat(command.out()).contains("\"whatIf\"").isEqualTo(option.out());
    }

    @Test
    void whatIfIsRefusedForCsvOutputRatherThanDroppedSilently() {
        Run run = run("screen", SAMPLE, "--format", "csv", "--what-if");

        assertThat(run.exit).isEqualTo(ExitCode.FAILED);
        assertThat(run.err).contains("--what-if works with --format table or json");
    }

    private static String changedRow(List<String> rows, List<String> header, String ticker, String newTicker, String field, String value) {
        int column = header.indexOf(field);
        assertThat(column).as(field).isNotNegative();
        String[] cells = rows.stream().filter(row -> row.startsWith(ticker + ",")).findFirst().orElseThrow().split(",", -1);
        cells[0] = newTicker;
        cells[column] = value;
        return String.join(",", cells);
    }

    /** The value as an analyst types it: yes/no, HIGH, 2.401, 9999000000. */
    private static String cell(JsonNode value) {
        if (value.isBoolean()) return value.asBoolean() ? "yes" : "no";
        if (value.isString()) return value.asString();
        return value.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static JsonNode find(JsonNode results, String ticker) {
        for (JsonNode result : results) {
            if (result.get("ticker").asString().equals(ticker)) return result;
        }
        throw new AssertionError(ticker + " not in results");
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {
    }
}
