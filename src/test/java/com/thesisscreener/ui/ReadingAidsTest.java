package com.thesisscreener.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.portfolio.ResultQuery;
import com.thesisscreener.portfolio.ResultSort;
import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.DerivedFigures;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the pages show a person, without a server: inputs, score sums, hints, chart figures, the results address. */
class ReadingAidsTest {

    @Test
    void storedInputsReadAsAnAnalystWritesThem() {
        assertThat(CompanyInputs.format("apiRevenueShare", 0.88)).isEqualTo("88 %");
        assertThat(CompanyInputs.format("pricePerTokenChange", -0.8)).isEqualTo("-80 %");
        assertThat(CompanyInputs.format("tokenVolumeGrowth", 1.6)).isEqualTo("+160 %");
        assertThat(CompanyInputs.format("marketCapUsd", 1.4E10)).isEqualTo("$14.0B");
        assertThat(CompanyInputs.format("marketCapUsd", 4.5E8)).isEqualTo("$450.0M");
        assertThat(CompanyInputs.format("ownsCompute", true)).isEqualTo("yes");
        assertThat(CompanyInputs.format("segment", "MODEL_PROVIDER")).isEqualTo("MODEL PROVIDER");
        assertThat(CompanyInputs.format("grossMargin", null)).isEqualTo("not known");
        assertThat(CompanyInputs.display(Map.of("apiRevenueShare", 0.5)).get(0).label()).isEqualTo("API revenue share");
    }

    @Test
    void theScoreIsShownAsTheSumOfItsFindings() {
        List<Finding> findings = List.of(finding("MOAT-NONE", -25), finding("API-MARGIN", -10), finding("API-OPEN-SOURCE", -10),
                finding("VOL-SHORT", -5), finding("WATCH-AGENTIC", 5));
        assertThat(CompanyInputs.startingScore(5, findings)).isEqualTo(50);
        assertThat(CompanyInputs.buildUp(50, findings, 5)).isEqualTo("50 − 25 − 10 − 10 − 5 + 5 = 5");
        assertThat(CompanyInputs.buildUp(50, List.of(finding("A", 40), finding("B", 30)), 100)).isEqualTo("50 + 40 + 30 = 120, clamped to 100");
        assertThat(CompanyInputs.startingScore(100, findings)).as("a clamped score does not tell the start").isNull();
    }

    @Test
    void aMisspelledFieldOrKeywordGetsAPlainHint() {
        assertThat(RuleHints.hint("Unable to resolve 'proprietaryDat' on Company")).contains("Did you mean 'proprietaryData'?");
        assertThat(RuleHints.hint("mismatched input 'thn' expecting 'then'")).contains("'then'");
        assertThat(RuleHints.hint("something else entirely")).isNull();
    }

    @Test
    void theRatioChartTakesItsLineFromTheActiveRules() throws IOException {
        List<RuleFile> shipped = new ArrayList<>();
        try (var files = Files.list(Path.of("rules"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).toList()) shipped.add(new RuleFile(p.getFileName().toString(), Files.readString(p)));
        }
        assertThat(ChartData.requiredMultiple(shipped)).isEqualTo(3.0);
        List<RuleFile> edited = shipped.stream().map(f -> new RuleFile(f.name(),
                f.content().replace("requiredVolumeMultiple() { return 3.0; }", "requiredVolumeMultiple() { return 2.5; }"))).toList();
        assertThat(ChartData.requiredMultiple(edited)).isEqualTo(2.5);

        ChartData charts = ChartData.of(List.of(result("A", 60, 2.9), result("B", 70, 3.0), result("C", 40, null)), 3.0);
        assertThat(charts.meetingLine()).isEqualTo(1);
        assertThat(charts.withoutRatio()).isEqualTo(1);
        assertThat(charts.ratios()).anySatisfy(bin -> assertThat(bin.from()).isEqualTo(3.0));
        assertThat(charts.nearestLine()).extracting(ChartData.NearLine::ticker).containsExactly("B", "A");
        assertThat(charts.ratioSummary()).contains("1 meet the rules' 3x line");
    }

    @Test
    void theResultsAddressKeepsItsSettingsAndNamesWhatItIgnored() {
        ResultsView view = ResultsView.parse(7, Map.of("band", "strong_buy", "minScore", "60", "maxConfidence", "abc", "sort", "SCORE", "page", "3"));
        assertThat(view.activeFilters()).containsExactly("band STRONG BUY", "score at least 60");
        assertThat(view.ignored()).singleElement().asString().contains("maxConfidence 'abc'");
        assertThat(view.dir()).isEqualTo(ResultQuery.Direction.DESC);
        assertThat(view.ariaSort("SCORE")).isEqualTo("descending");
        assertThat(view.sortLink("SCORE")).contains("sort=SCORE", "dir=ASC", "band=STRONG_BUY", "minScore=60").doesNotContain("page=");
        assertThat(view.sortLink("TICKER")).contains("sort=TICKER", "dir=ASC");
        assertThat(view.pageLink(3)).contains("page=4");
        assertThat(view.query().page()).isEqualTo(2);
        assertThat(ResultsView.parse(7, Map.of()).query().sort()).isEqualTo(ResultSort.RANK);
    }

    private static Finding finding(String rule, int points) {
        return new Finding(rule, points, "sentence", "thesis");
    }

    private static Recommendation result(String ticker, int score, Double ratio) {
        return new Recommendation(ticker, ticker, Segment.OTHER, score, Band.HOLD, Band.HOLD, 0.9, List.of(), List.of(),
                new DerivedFigures(1, ratio, null, false), List.of(), "v");
    }
}
