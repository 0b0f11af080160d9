package com.thesisscreener.portfolio.web;

import com.thesisscreener.ServiceTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.web.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sample book over REST: the same position figures as the command line, and what-if answers on results. */
@ServiceTest
class PortfolioPositionsEndToEndTest {

    @LocalServerPort
    int port;

    RestClient http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = TestHttp.signedIn(port, "admin", ServiceTest.ADMIN_PASSWORD);
    }

    @Test
    void theBooksFiguresOverRestAreThoseOfTheCommandLine() {
        JsonNode created = upload("sample-data/ai-portfolio.xlsx");
        long id = created.get("portfolio").get("id").asLong();

        JsonNode cli = cliSummary("sample-data/ai-portfolio.xlsx").get("positions");
        JsonNode rest = json.readTree(http.get().uri("/api/v1/portfolios/" + id).retrieve().body(String.class)).get("positions");

        assertThat(created.get("portfolio").get("positions")).isEqualTo(cli);
        assertThat(rest).isEqualTo(cli);
        assertThat(rest.get("withoutPosition").asInt()).isZero();
        assertThat(rest.get("byBand").get("AVOID").asDouble()).isPositive();
    }

    @Test
    void resultsCarryWhatIfAnswersWhenAskedFor() {
        long id = upload("sample-data/ai-portfolio.csv").get("portfolio").get("id").asLong();

        JsonNode items = json.readTree(http.get().uri("/api/v1/portfolios/" + id + "/results?band=AVOID&whatIf=true")
                .retrieve().body(String.class)).get("items");
        JsonNode plain = json.readTree(http.get().uri("/api/v1/portfolios/" + id + "/results?band=AVOID")
                .retrieve().body(String.class)).get("items");

        JsonNode vrsp = null;
        for (JsonNode item : items) if (item.get("ticker").asString().equals("VRSP")) vrsp = item;
        assertThat(vrsp).isNotNull();
        assertThat(vrsp.get("whatIf").toString())
                .contains("{\"field\":\"tokenVolumeGrowth\",\"value\":2.401,\"band\":\"REDUCE\",\"direction\":\"up\"}");
        assertThat(plain.get(0).has("whatIf")).isFalse();
    }

    @Test
    void theResultsPageShowsTheBookAndTheCompanyPageWhatWouldMoveItsBand() {
        long id = upload("sample-data/ai-portfolio.xlsx").get("portfolio").get("id").asLong();

        String session = signInToTheWorkspace();
        String results = page("/portfolios/" + id, session);
        String company = page("/portfolios/" + id + "/companies/NDLG", session);

        assertThat(results).contains("id=\"chart-book-bands\"", "Weight by band", "without a position left out");
        assertThat(company).contains("What would it take", "id=\"what-if-lifts\"",
                "revenue growth of +40% (now +9%) would lift NDLG from REDUCE to HOLD",
                "an API revenue share of 50% (now 0%) would drop NDLG from REDUCE to AVOID");
    }

    /** Signs in through the login form, as a browser does; answers the session cookie. */
    private String signInToTheWorkspace() {
        RestClient browser = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(org.springframework.http.HttpStatusCode::isError, (request, response) -> { }).build();
        var login = browser.get().uri("/login").retrieve().toEntity(String.class);
        String cookie = cookie(login.getHeaders());
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.getBody());
        assertThat(csrf.find()).isTrue();
        var signedIn = browser.post().uri("/login").header("Cookie", cookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=admin&password=" + ServiceTest.ADMIN_PASSWORD + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))
                .retrieve().toBodilessEntity();
        assertThat(signedIn.getHeaders().getLocation().getPath()).isEqualTo("/portfolios");
        String fresh = cookie(signedIn.getHeaders());
        return fresh == null ? cookie : fresh;
    }

    private String page(String path, String session) {
        var response = RestClient.builder().baseUrl("http://localhost:" + port).build().get().uri(path).header("Cookie", session)
                .accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response.getBody();
    }

    private static String cookie(org.springframework.http.HttpHeaders headers) {
        List<String> cookies = headers.get("Set-Cookie");
        if (cookies == null) return null;
        return cookies.stream().filter(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    private JsonNode upload(String file) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new FileSystemResource(Path.of(file)));
        return json.readTree(http.post().uri("/api/v1/portfolios").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).retrieve().body(String.class));
    }

    private JsonNode cliSummary(String file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = com.thesisscreener.cli.CommandLine.run(new String[] {"screen", file, "--format", "json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        return json.readTree(out.toString(StandardCharsets.UTF_8)).get("summary");
    }
}
