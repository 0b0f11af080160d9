package com.thesisscreener.portfolio.web;

import com.thesisscreener.ServiceTest;
import com.thesisscreener.database.DatabaseTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.web.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service over real HTTP: upload the sample, read results and the report, re-run, compare, delete. */
@DatabaseTest
@ServiceTest
class PortfolioServiceEndToEndTest {

    @LocalServerPort
    int port;

    RestClient http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = TestHttp.signedIn(port, "admin", ServiceTest.ADMIN_PASSWORD);
    }

    @Test
    void uploadTheSampleThenReadResultsReportRerunAndDiff() throws IOException {
        ResponseEntity<String> created = upload(Files.readAllBytes(Path.of("sample-data/ai-portfolio.xlsx")), "ai-portfolio.xlsx", "Sample");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String location = created.getHeaders().getLocation().toString();
        JsonNode summary = json.readTree(created.getBody()).get("portfolio");
        assertThat(summary.get("rowsRead").asInt()).isEqualTo(32);
        assertThat(summary.get("screened").asInt()).isEqualTo(32);
        assertThat(summary.get("latestRun").get("bands").get("STRONG_BUY").asInt()).isEqualTo(4);
        assertThat(location).endsWith("/api/v1/portfolios/" + summary.get("id").asLong());

        JsonNode results = get(location + "/results");
        assertThat(results.get("count").asInt()).isEqualTo(32);
        assertThat(results.get("items").get(0).get("band").asString()).isEqualTo("STRONG_BUY");
        JsonNode avoid = get(location + "/results?band=AVOID&sort=score,asc");
        assertThat(avoid.get("items")).hasSize(3);
        assertThat(avoid.get("items").get(0).get("ticker").asString()).isEqualTo("OPLX");
        JsonNode secondPageByScore = get(location + "/results?size=10&page=1&sort=score");
        assertThat(secondPageByScore.get("total").asInt()).isEqualTo(32);
        assertThat(secondPageByScore.get("totalPages").asInt()).isEqualTo(4);
        assertThat(secondPageByScore.get("items")).hasSize(10);
        assertThat(secondPageByScore.get("items").get(0).get("score").asInt())
                .isLessThanOrEqualTo(get(location + "/results?size=10&sort=score").get("items").get(9).get("score").asInt());
        assertThat(results.get("items").get(31).get("rank").asInt()).isEqualTo(32);

        byte[] report = http.get().uri(location + "/report.xlsx").retrieve().body(byte[].class);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            Sheet ranked = workbook.getSheet("Ranked");
            List<String> tickers = new ArrayList<>();
            List<Integer> scores = new ArrayList<>();
            for (Row row : ranked) {
                if (row.getRowNum() == 0) continue;
                tickers.add(row.getCell(1).getStringCellValue());
                scores.add((int) row.getCell(4).getNumericCellValue());
            }
            List<String> apiTickers = new ArrayList<>();
            List<Integer> apiScores = new ArrayList<>();
            results.get("items").forEach(r -> {
                apiTickers.add(r.get("ticker").asString());
                apiScores.add(r.get("score").asInt());
            });
            assertThat(tickers).isEqualTo(apiTickers);
            assertThat(scores).isEqualTo(apiScores);
        }

        ResponseEntity<String> rerun = http.post().uri(location + "/runs").retrieve().toEntity(String.class);
        assertThat(rerun.getStatusCode().value()).isEqualTo(201);
        long firstRun = summary.get("latestRun").get("id").asLong();
        long secondRun = json.readTree(rerun.getBody()).get("id").asLong();
        JsonNode diff = get(location + "/runs/" + secondRun + "/diff?against=" + firstRun);
        assertThat(diff.get("changes")).isEmpty();
        assertThat(diff.get("unchanged").asInt()).isEqualTo(32);
        assertThat(get(location + "/runs")).hasSize(2);

        String csv = http.get().uri(location + "/report.csv").retrieve().body(String.class);
        assertThat(csv.lines()).hasSize(33);

        assertThat(http.delete().uri(location).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> gone = http.get().uri(location).retrieve().toEntity(String.class);
        assertThat(gone.getStatusCode().value()).isEqualTo(404);
        assertThat(gone.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void rowProblemsAreStoredAndListedWithSheetRowAndColumn() {
        ResponseEntity<String> created = upload("""
                ticker,name,segment,apiRevenueShare
                GOOD,Good,MODEL_PROVIDER,40%
                BAD,Bad,MODEL_PROVIDER,45x
                """.getBytes(), "mixed.csv", null);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = json.readTree(created.getBody());
        assertThat(body.get("portfolio").get("rejected").asInt()).isEqualTo(1);
        assertThat(body.get("problems").get(0).get("message").asString()).contains("row 3", "column D", "'45x'");
        JsonNode problems = get(created.getHeaders().getLocation() + "/problems");
        assertThat(problems.get("items").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(problems.get("items").get(0).get("column").asString()).isEqualTo("D");
    }

    @Test
    void aFileWithNoUsableRowStoresNothing() {
        long before = get("/api/v1/portfolios").get("totalItems").asLong();

        ResponseEntity<String> refused = upload("ticker,segment\nX,NOT_A_SEGMENT\n".getBytes(), "bad.csv", null);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(json.readTree(refused.getBody()).get("problems").get(0).get("column").asString()).isEqualTo("B");
        assertThat(get("/api/v1/portfolios").get("totalItems").asLong()).isEqualTo(before);
    }

    @Test
    void badUploadsEachGetAProblemDocument() {
        assertProblem(upload(new byte[0], "empty.xlsx", null), 400, "empty");
        assertProblem(upload("%PDF-1.4 not a workbook".getBytes(), "report.xlsx", null), 415, "report.xlsx");
        assertProblem(http.post().uri("/api/v1/portfolios").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(new LinkedMultiValueMap<>()).retrieve().toEntity(String.class), 400, "file");
        assertProblem(http.get().uri("/api/v1/portfolios/999999").retrieve().toEntity(String.class), 404, "no portfolio with id 999999");
        assertProblem(http.get().uri("/api/v1/portfolios/abc").retrieve().toEntity(String.class), 400, "'abc'");
        assertProblem(http.get().uri("/api/v1/portfolios?size=1000").retrieve().toEntity(String.class), 400, "size");
        String results = json.readTree(upload("ticker,segment\nX,OTHER\n".getBytes(), "one.csv", null).getBody()).get("portfolio").get("id")
                .asLong() + "/results";
        assertProblem(http.get().uri("/api/v1/portfolios/" + results + "?sort=colour").retrieve().toEntity(String.class), 400, "'colour'");
        assertProblem(http.get().uri("/api/v1/portfolios/" + results + "?sort=score,up").retrieve().toEntity(String.class), 400, "score,desc");
        assertProblem(http.get().uri("/api/v1/portfolios/" + results + "?size=5000").retrieve().toEntity(String.class), 400, "size");
        assertProblem(http.get().uri("/api/v1/portfolios/" + results + "?band=BEST").retrieve().toEntity(String.class), 400, "BEST");
    }

    @Test
    void theTemplateOpenApiAndActuatorAreServed() {
        byte[] template = http.get().uri("/api/v1/template.xlsx").retrieve().body(byte[].class);
        assertThat(template).startsWith('P', 'K');
        assertThat(get("/v3/api-docs").get("paths").has("/api/v1/portfolios/{id}/runs/{runId}/diff")).isTrue();
        assertThat(get("/actuator/health").get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/info").get("ruleSet").get("version").asString()).matches("[0-9a-f]{12}");
    }

    private void assertProblem(ResponseEntity<String> response, int status, String detailContains) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type of " + response.getBody()).isTrue();
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).startsWith("/problems/");
        assertThat(problem.get("detail").asString()).contains(detailContains);
        assertThat(response.getBody()).doesNotContain("Exception", "\tat ");
    }

    private ResponseEntity<String> upload(byte[] content, String fileName, String name) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        if (name != null) form.add("name", name);
        return http.post().uri("/api/v1/portfolios").contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(String.class);
    }

    private JsonNode get(String uri) {
        return json.readTree(http.get().uri(uri).retrieve().body(String.class));
    }
}
