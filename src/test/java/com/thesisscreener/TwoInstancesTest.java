package com.thesisscreener;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.database.DatabaseTest;
import com.thesisscreener.database.TestDatabase;
import com.thesisscreener.web.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two real service instances (two application contexts on their own ports and rule folders) on one database, as
 * behind a load balancer: what one stores the other reads, a rule set activated on one is served by the other,
 * a browser session survives the switch, concurrent writes on both stay whole, and stopping one mid-upload
 * leaves nothing half-stored. Runs on H2 (one in-memory database shared in this JVM) and on PostgreSQL.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    static final String ADMIN_PASSWORD = "two-instances-admin-pw";
    static final String VOLUME_TEST = "function double requiredVolumeMultiple() { return 3.0; }";
    static final String STRICTER_VOLUME_TEST = "function double requiredVolumeMultiple() { return 6.0; }";

    final JsonMapper json = JsonMapper.builder().build();
    Instance a;
    Instance b;

    @BeforeAll
    void startBothInstances() {
        a = Instance.start("A");
        b = Instance.start("B");
    }

    @AfterAll
    void stopBothInstances() {
        if (a != null) a.stop();
        if (b != null) b.stop();
    }

    @Test
    @Order(1)
    void aPortfolioUploadedOnOneInstanceIsReadOnTheOther() {
        JsonNode created = upload(a, sample(), "ai-portfolio.xlsx", "Uploaded on A");
        long id = created.get("portfolio").get("id").asLong();

        JsonNode results = get(b, "/api/v1/portfolios/" + id + "/results");
        assertThat(results.get("count").asInt()).isEqualTo(32);
        assertThat(results.get("items").get(0).get("band").asString()).isEqualTo("STRONG_BUY");
        assertThat(get(b, "/api/v1/portfolios/" + id).get("name").asString()).isEqualTo("Uploaded on A");
        JsonNode screenings = get(a, "/actuator/metrics/screener.screenings");
        assertThat(screenings.get("availableTags").toString()).as("metrics say which instance counted them")
                .contains("{\"tag\":\"instance\",\"values\":[\"A\"]}");
    }

    @Test
    @Order(2)
    void aSignedInBrowserSessionFromOneInstanceWorksOnTheOther() throws Exception {
        Browser browser = new Browser();
        browser.signIn(a, "admin", ADMIN_PASSWORD);

        HttpResponse<String> page = browser.get(b, "/portfolios");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("admin");
        HttpResponse<String> me = browser.get(b, "/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("name").asString()).isEqualTo("admin");

        HttpResponse<String> anonymous = new Browser().get(b, "/portfolios");
        assertThat(anonymous.statusCode()).as("without the session cookie B asks for a sign-in").isEqualTo(302);
    }

    @Test
    @Order(3)
    void aRuleSetActivatedOnOneInstanceIsServedByTheOtherWithinThePollInterval() throws Exception {
        String before = get(b, "/api/v1/rules").get("activeVersion").asString();
        assertThat(score(b).get("findings").findValuesAsString("ruleId")).contains("VOL-3X");

        JsonNode activated = activateVolumeTest(a, STRICTER_VOLUME_TEST);
        String after = activated.get("version").asString();
        assertThat(after).isNotEqualTo(before);
        assertThat(score(a).get("ruleSetVersion").asString()).as("A serves the new set as soon as it answers").isEqualTo(after);

        long waitedMillis = waitUntilServing(b, after);
        System.out.println("[two instances] B served rule set " + after + " " + waitedMillis + " ms after A activated it"
                + " (poll interval 500 ms; the rest is compiling on a shared machine)");
        JsonNode onB = score(b);
        assertThat(onB.get("ruleSetVersion").asString()).isEqualTo(after);
        assertThat(onB.get("findings").findValuesAsString("ruleId")).contains("VOL-SHORT").doesNotContain("VOL-3X");
        assertThat(Files.readString(b.rules.resolve("volume.drl"))).as("B's folder mirrors what is live").contains(STRICTER_VOLUME_TEST);
        JsonNode newest = get(b, "/api/v1/rules/versions").get(0);
        assertThat(newest.get("version").asString()).isEqualTo(after);
        assertThat(newest.get("instance").asString()).isEqualTo("A");

        restore(b, before);
        waitUntilServing(a, before);
    }

    @Test
    @Order(4)
    void aRuleSetThatDoesNotCompileIsRefusedWithItsErrorsAndNeitherInstanceChanges() {
        String live = get(a, "/api/v1/rules").get("activeVersion").asString();
        String broken = read("volume.drl").replace("ratio >= requiredVolumeMultiple()", "ratioo >= requiredVolumeMultiple()");

        ResponseEntity<String> refused = a.http.post().uri("/api/v1/rules/activate").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("files", List.of(Map.of("name", "volume.drl", "content", broken)))))
                .retrieve().toEntity(String.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(json.readTree(refused.getBody()).get("errors").get(0).get("file").asString()).isEqualTo("volume.drl");
        assertThat(b.jdbc().sql("select version from rule_set_live").query(String.class).single()).isEqualTo(live);
        assertThat(score(a).get("ruleSetVersion").asString()).isEqualTo(live);
        assertThat(score(b).get("ruleSetVersion").asString()).isEqualTo(live);
    }

    @Test
    @Order(5)
    void uploadsOnBothInstancesDuringARuleActivationAreStoredWholeAndNameTheRulesThatScoredThem() throws Exception {
        String original = get(a, "/api/v1/rules").get("activeVersion").asString();
        Map<String, String> originalScores = scores(upload(a, sample(), "ai-portfolio.xlsx", "reference before"));
        List<Callable<JsonNode>> uploads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            uploads.add(() -> upload(a, sample(), "ai-portfolio.xlsx", "during on A"));
            uploads.add(() -> upload(b, sample(), "ai-portfolio.xlsx", "during on B"));
        }
        uploads.add(() -> activateVolumeTest(a, STRICTER_VOLUME_TEST));

        List<JsonNode> answers = runAtOnce(uploads);

        String stricter = answers.get(answers.size() - 1).get("version").asString();
        waitUntilServing(b, stricter);
        Map<String, String> stricterScores = scores(upload(b, sample(), "ai-portfolio.xlsx", "reference after"));
        assertThat(stricterScores).as("the change moves some scores").isNotEqualTo(originalScores);
        Map<String, Map<String, String>> expected = Map.of(original, originalScores, stricter, stricterScores);
        for (JsonNode created : answers.subList(0, answers.size() - 1)) {
            String version = created.get("portfolio").get("latestRun").get("ruleSetVersion").asString();
            assertThat(version).isIn(original, stricter);
            assertThat(scores(created)).as("results of a run scored with " + version).isEqualTo(expected.get(version));
        }
        restore(a, original);
        waitUntilServing(b, original);
    }

    @Test
    @Order(6)
    void twoInstancesActivatingDifferentRuleSetsAtOnceBothEndUpServingTheOneTheDatabaseKept() throws Exception {
        String original = get(a, "/api/v1/rules").get("activeVersion").asString();

        List<JsonNode> attempts = runAtOnce(List.of(() -> activateVolumeTest(a, STRICTER_VOLUME_TEST),
                () -> activateVolumeTest(b, "function double requiredVolumeMultiple() { return 4.0; }")));

        String live = b.jdbc().sql("select version from rule_set_live").query(String.class).single();
        assertThat(live).isIn(attempts.get(0).get("version").asString(), attempts.get(1).get("version").asString());
        waitUntilServing(a, live);
        waitUntilServing(b, live);
        assertThat(get(a, "/api/v1/rules/versions").get(0).get("version").asString()).isEqualTo(live);
        restore(a, original);
        waitUntilServing(b, original);
    }

    @Test
    @Order(7)
    void aReRunWhileTheOtherInstanceDeletesThePortfolioIsStoredWholeOrAnswered404() throws Exception {
        byte[] csv = csvOfRows(3_000);
        for (int attempt = 0; attempt < 4; attempt++) {
            long id = upload(a, csv, "race.csv", "race " + attempt).get("portfolio").get("id").asLong();
            List<ResponseEntity<String>> answers = runAtOnce(List.of(
                    () -> a.http.post().uri("/api/v1/portfolios/" + id + "/runs").retrieve().toEntity(String.class),
                    () -> b.http.delete().uri("/api/v1/portfolios/" + id).retrieve().toEntity(String.class)));

            ResponseEntity<String> rerun = answers.get(0);
            assertThat(rerun.getStatusCode().value()).as(rerun.getBody()).isIn(201, 404);
            if (rerun.getStatusCode().value() == 404) assertThat(rerun.getBody()).containsPattern("portfolio (with id )?" + id + "\\b");
            assertThat(answers.get(1).getStatusCode().value()).isEqualTo(204);
            assertThat(a.http.get().uri("/api/v1/portfolios/" + id).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
            assertThat(rowsLeftOf(id)).as("rows, runs and results of the deleted portfolio").isZero();
        }
    }

    @Test
    @Order(8)
    void stoppingAnInstanceInTheMiddleOfAnUploadLeavesNothingHalfStoredAndTheOtherKeepsServing() throws Exception {
        byte[] csv = csvOfRows(40_000);
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<ResponseEntity<String>> upload = client.submit(() -> a.http.post().uri("/api/v1/portfolios")
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(form(csv, "big.csv", "cut off")).retrieve().toEntity(String.class));
            Thread.sleep(1_500);
            a.stop();
            a = null;
            try {
                upload.get();
            } catch (Exception cut) {
                // The connection went away with the instance: the client sees no answer, which is the point.
            }
        } finally {
            client.shutdownNow();
        }

        JsonNode portfolios = get(b, "/api/v1/portfolios?size=100");
        for (JsonNode portfolio : portfolios.get("items")) {
            long id = portfolio.get("id").asLong();
            int screened = portfolio.get("screened").asInt();
            assertThat(b.jdbc().sql("select count(*) from portfolio_company where portfolio_id = ?").param(id).query(Long.class).single())
                    .as("rows of portfolio " + portfolio.get("name").asString()).isEqualTo(screened);
            assertThat(portfolio.get("latestRun").get("companies").asInt()).isEqualTo(screened);
            assertThat(get(b, "/api/v1/portfolios/" + id + "/results").get("total").asInt()).isEqualTo(screened);
        }
        assertThat(upload(b, sample(), "ai-portfolio.xlsx", "after A went away").get("portfolio").get("screened").asInt()).isEqualTo(32);
    }

    @Test
    @Order(9)
    void anInstanceThatComesBackWithTheShippedRulesServesTheLiveSetInsteadOfRollingItBack() throws IOException {
        String stricter = activateVolumeTest(b, STRICTER_VOLUME_TEST).get("version").asString();

        a = Instance.start("A"); // a fresh copy of the shipped rules folder, an older version the database knows

        assertThat(score(a).get("ruleSetVersion").asString()).isEqualTo(stricter);
        assertThat(Files.readString(a.rules.resolve("volume.drl"))).contains(STRICTER_VOLUME_TEST);
        JsonNode newest = get(a, "/api/v1/rules/versions").get(0);
        assertThat(newest.get("version").asString()).isEqualTo(stricter);
        assertThat(newest.get("instance").asString()).isEqualTo("B");
    }

    // --- the two instances -------------------------------------------------------------------------------------

    /** One service instance: its own context, port and copy of the rule folder, on the shared test database. */
    record Instance(String name, ConfigurableApplicationContext context, Path rules, RestClient http) {

        static Instance start(String name) {
            Path rules = copyOfShippedRules();
            Map<String, Object> properties = new LinkedHashMap<>(TestDatabase.properties("two-instances"));
            properties.put("server.port", 0);
            properties.put("screener.rules-dir", rules);
            properties.put("screener.rules-poll-interval", "500ms");
            properties.put("screener.sample-portfolio", "");
            properties.put("screener.admin.password", ADMIN_PASSWORD);
            properties.put("screener.instance-name", name);
            properties.put("server.shutdown", "immediate"); // stop() is a crash, not a drain
            properties.put("spring.main.banner-mode", "off");
            String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ScreenerApplication.class).run(args);
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            return new Instance(name, context, rules, TestHttp.signedIn(port, "admin", ADMIN_PASSWORD));
        }

        int port() {
            return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        }

        JdbcClient jdbc() {
            return context.getBean(JdbcClient.class);
        }

        void stop() {
            context.close();
        }
    }

    /** A browser's cookie jar: the session cookie set by one instance is sent to the other, as behind a load balancer. */
    final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
        private final HttpClient client = HttpClient.newHttpClient(); // follows no redirect
        private final Map<String, String> cookies = new HashMap<>();

        void signIn(Instance instance, String username, String password) throws Exception {
            HttpResponse<String> login = get(instance, "/login");
            Matcher token = CSRF.matcher(login.body());
            assertThat(token.find()).as("sign-in form with a CSRF token").isTrue();
            String form = "username=" + username + "&password=" + password + "&_csrf=" + token.group(1);
            HttpResponse<String> signedIn = send(instance, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(form))
                    .header("Content-Type", "application/x-www-form-urlencoded"), "/login");
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/portfolios");
        }

        HttpResponse<String> get(Instance instance, String path) throws Exception {
            return send(instance, HttpRequest.newBuilder().GET(), path);
        }

        private HttpResponse<String> send(Instance instance, HttpRequest.Builder request, String path) throws Exception {
            request.uri(URI.create("http://localhost:" + instance.port() + path)).timeout(Duration.ofSeconds(60));
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return response;
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private JsonNode upload(Instance instance, byte[] file, String fileName, String name) {
        ResponseEntity<String> created = instance.http.post().uri(u -> u.path("/api/v1/portfolios").queryParam("name", name).build())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form(file, fileName, name)).retrieve().toEntity(String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return json.readTree(created.getBody());
    }

    private static LinkedMultiValueMap<String, Object> form(byte[] file, String fileName, String name) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return form;
    }

    /** Ticker to "score band" of a run, read back from the database through the results endpoint. */
    private Map<String, String> scores(JsonNode created) {
        long id = created.get("portfolio").get("id").asLong();
        long run = created.get("portfolio").get("latestRun").get("id").asLong();
        Map<String, String> scores = new HashMap<>();
        get(b, "/api/v1/portfolios/" + id + "/results?run=" + run).get("items")
                .forEach(r -> scores.put(r.get("ticker").asString(), r.get("score").asInt() + " " + r.get("band").asString()));
        assertThat(scores).hasSize(32);
        return scores;
    }

    private JsonNode activateVolumeTest(Instance instance, String volumeTest) {
        String volume = read("volume.drl").replace(VOLUME_TEST, volumeTest);
        ResponseEntity<String> answer = instance.http.post().uri("/api/v1/rules/activate").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("files", List.of(Map.of("name", "volume.drl", "content", volume)))))
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        JsonNode attempt = json.readTree(answer.getBody());
        assertThat(attempt.get("activated").asBoolean()).isTrue();
        return attempt;
    }

    private void restore(Instance instance, String version) {
        ResponseEntity<String> answer = instance.http.post().uri("/api/v1/rules/versions/" + version + "/restore").retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    }

    /** Milliseconds until the instance scores with {@code version}; fails after a minute. */
    private long waitUntilServing(Instance instance, String version) throws InterruptedException {
        long start = System.nanoTime();
        while (!score(instance).get("ruleSetVersion").asString().equals(version)) {
            if (System.nanoTime() - start > Duration.ofMinutes(1).toNanos()) {
                throw new AssertionError(instance.name() + " never served rule set " + version + ": " + get(instance, "/api/v1/rules"));
            }
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    /** A company whose volume test passes at 3x and fails at 6x (ratio 5). */
    private JsonNode score(Instance instance) {
        ResponseEntity<String> answer = instance.http.post().uri("/api/v1/score").contentType(MediaType.APPLICATION_JSON)
                .body("{\"ticker\":\"VOLX\",\"segment\":\"OTHER\",\"apiRevenueShare\":0.2,\"tokenVolumeGrowth\":4.0,\"pricePerTokenChange\":-0.8}")
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    private JsonNode get(Instance instance, String uri) {
        ResponseEntity<String> answer = instance.http.get().uri(uri).retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(uri + ": " + answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    private long rowsLeftOf(long portfolioId) {
        JdbcClient jdbc = b.jdbc();
        return jdbc.sql("select count(*) from portfolio_company where portfolio_id = ?").param(portfolioId).query(Long.class).single()
                + jdbc.sql("select count(*) from screening_run where portfolio_id = ?").param(portfolioId).query(Long.class).single();
    }

    /** Runs every call at the same moment on its own thread; the answers in the order of the calls. */
    private static <T> List<T> runAtOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(calls.size());
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return call.call();
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) answers.add(future.get());
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static byte[] sample() {
        try {
            return Files.readAllBytes(Path.of("sample-data/ai-portfolio.xlsx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's rows repeated under fresh tickers, {@code rows} data rows in all. */
    private static byte[] csvOfRows(int rows) {
        try {
            List<String> lines = Files.readAllLines(Path.of("sample-data/ai-portfolio.csv"));
            StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
            List<String> data = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
            for (int i = 0; i < rows; i++) {
                String row = data.get(i % data.size());
                csv.append("T").append(i).append(row, row.indexOf(','), row.length()).append('\n');
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of("rules").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyOfShippedRules() {
        try {
            Path folder = Files.createTempDirectory("two-instances-rules-");
            try (var files = Files.list(Path.of("rules"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) Files.copy(file, folder.resolve(file.getFileName()));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
