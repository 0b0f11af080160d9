package com.thesisscreener.rules.web;

import com.thesisscreener.ServiceTest;
import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.database.DatabaseTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.web.TestHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An analyst editing the rule files while the service runs: a typo is reported with its line and the old
 * rules keep serving, a fix goes live without a restart, every version is kept, and a preview shows what
 * an edited threshold would change before anything is activated.
 */
@DatabaseTest
@ServiceTest
class RuleEditingTest {

    static final Path RULES = ServiceTest.CopiedRules.FOLDER;

    @LocalServerPort
    int port;

    @Autowired
    ActiveRules activeRules;

    RestClient http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = TestHttp.signedIn(port, "admin", ServiceTest.ADMIN_PASSWORD);
    }

    @Test
    void aTypoIsReportedWithItsLineWhileTheOldRulesKeepServingAndTheFixGoesLiveWithoutARestart() throws Exception {
        String original = Files.readString(RULES.resolve("risks.drl"));
        String liveVersion = get("/api/v1/rules").get("activeVersion").asString();

        Files.writeString(RULES.resolve("risks.drl"), original.replace("capexToRevenue >= aheadOfDemandCapex()", "capexToRevenu >= aheadOfDemandCapex()"));
        JsonNode failed = waitFor(status -> status.path("lastAttempt").path("errors").isArray() && !status.path("lastAttempt").path("errors").isEmpty());

        JsonNode error = failed.get("lastAttempt").get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("risks.drl");
        assertThat(error.get("line").asInt()).isEqualTo(lineOf(Files.readString(RULES.resolve("risks.drl")), "capexToRevenu >="));
        assertThat(error.get("message").asString()).contains("'capexToRevenu'", "capexToRevenue");
        assertThat(failed.get("activeVersion").asString()).isEqualTo(liveVersion);
        assertThat(score().get("ruleSetVersion").asString()).isEqualTo(liveVersion);
        ResponseEntity<String> reload = http.post().uri("/api/v1/rules/reload").retrieve().toEntity(String.class);
        assertThat(reload.getStatusCode().value()).isEqualTo(422);
        assertThat(reload.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();

        Files.writeString(RULES.resolve("risks.drl"), original.replace("function double aheadOfDemandCapex() { return 0.40; }",
                "function double aheadOfDemandCapex() { return 0.35; }"));
        JsonNode fixed = waitFor(status -> !status.get("activeVersion").asString().equals(liveVersion)
                && status.path("lastAttempt").path("errors").isEmpty());

        String newVersion = fixed.get("activeVersion").asString();
        assertThat(fixed.get("lastAttempt").get("errors")).isEmpty();
        assertThat(score().get("ruleSetVersion").asString()).isEqualTo(newVersion);
        JsonNode versions = get("/api/v1/rules/versions");
        assertThat(versions.get(0).get("version").asString()).isEqualTo(newVersion);
        assertThat(versions.get(0).get("changes").asString()).contains("edited risks.drl");
        JsonNode stored = get("/api/v1/rules/versions/" + liveVersion);
        assertThat(stored.get("files").findValuesAsString("name")).contains("risks.drl", "moat.drl");
        assertThat(http.get().uri("/api/v1/rules/versions/nope").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);

        ResponseEntity<String> rollback = http.post().uri("/api/v1/rules/versions/" + liveVersion + "/restore").retrieve().toEntity(String.class);
        assertThat(rollback.getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/rules").get("activeVersion").asString()).isEqualTo(liveVersion);
        assertThat(Files.readString(RULES.resolve("risks.drl"))).isEqualTo(original);
        assertThat(get("/api/v1/rules/versions").get(0).get("trigger").asString()).isEqualTo("rollback");
    }

    @Test
    void validationNamesEveryErrorByFileAndLineAndActivatesNothing() {
        String version = get("/api/v1/rules").get("activeVersion").asString();
        ResponseEntity<String> invalid = postJson("/api/v1/rules/validate", Map.of("files", List.of(Map.of("name", "extra.drl",
                "content", "package thesis;\nimport com.thesisscreener.screening.Company;\nrule \"X\"\nwhen\n  $c : Company( ownsComputer == true )\nthen\nend\n"))));

        assertThat(invalid.getStatusCode().value()).as(invalid.getBody()).isEqualTo(422);
        JsonNode problem = json.readTree(invalid.getBody());
        assertThat(problem.get("errors").get(0).get("file").asString()).isEqualTo("extra.drl");
        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(5);
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("ownsCompute");

        ResponseEntity<String> valid = postJson("/api/v1/rules/validate", Map.of("files", List.of(Map.of("name", "risks.drl",
                "content", read("risks.drl")))));
        assertThat(valid.getStatusCode().value()).as(valid.getBody()).isEqualTo(200);
        assertThat(json.readTree(valid.getBody()).get("valid").asBoolean()).isTrue();
        assertThat(get("/api/v1/rules").get("activeVersion").asString()).isEqualTo(version);
    }

    @Test
    void aRuleThatCallsSystemExitOrReadsAFileIsRefused() {
        for (String call : List.of("System.exit(1);", "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));")) {
            String drl = read("watch-list.drl").replace("scorecard.add(kcontext, $c, \"sells", call + "\n    scorecard.add(kcontext, $c, \"sells");

            ResponseEntity<String> refused = postJson("/api/v1/rules/validate", Map.of("files", List.of(Map.of("name", "watch-list.drl", "content", drl))));

            assertThat(refused.getStatusCode().value()).as(call).isEqualTo(422);
            JsonNode error = json.readTree(refused.getBody()).get("errors").get(0);
            assertThat(error.get("file").asString()).isEqualTo("watch-list.drl");
            assertThat(error.get("line").asInt()).isEqualTo(lineOf(drl, call));
        }
    }

    @Test
    void aPreviewShowsWhichCompaniesAnEditedThresholdWouldMove() {
        http.post().uri("/api/v1/portfolios").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(multipart()).retrieve().toEntity(String.class);
        String stricter = read("volume.drl").replace("function double requiredVolumeMultiple() { return 3.0; }",
                "function double requiredVolumeMultiple() { return 6.0; }");

        ResponseEntity<String> preview = postJson("/api/v1/rules/preview", Map.of("files", List.of(Map.of("name", "volume.drl", "content", stricter))));

        assertThat(preview.getStatusCode().value()).isEqualTo(200);
        JsonNode body = json.readTree(preview.getBody());
        assertThat(body.get("candidateVersion").asString()).isNotEqualTo(body.get("activeVersion").asString());
        JsonNode changes = body.get("portfolios").get(0).get("changes");
        assertThat(changes).isNotEmpty();
        JsonNode moved = changes.get(0);
        assertThat(moved.get("findingsRemoved").findValuesAsString("ruleId")).contains("VOL-3X");
        assertThat(moved.get("findingsAdded").findValuesAsString("ruleId")).contains("VOL-SHORT");
        assertThat(moved.get("scoreAfter").asInt()).isLessThan(moved.get("scoreBefore").asInt());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"runtime-exec", "read-file", "reflection-from-fact", "library-static-helper",
            "names-in-strings", "method-reference", "loop", "string-doubling", "window"})
    void aPreviewOfAnAttackRuleFileIsRefusedAsAProblemNamingTheFileAndRunsNothing(String attack, @org.junit.jupiter.api.io.TempDir Path markers)
            throws IOException {
        Path marker = markers.resolve(attack + ".marker");
        String drl = Files.readString(Path.of("src/test/resources/attacks", attack + ".drl")).replace("MARKER", marker.toString());

        ResponseEntity<String> refused = postJson("/api/v1/rules/preview", Map.of("files", List.of(Map.of("name", attack + ".drl", "content", drl))));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode error = json.readTree(refused.getBody()).get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo(attack + ".drl");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(refused.getBody()).doesNotContain("root:", "Exception", "at org.");
        assertThat(marker).doesNotExist();
    }

    @Test
    void anAttackSavedIntoTheRulesFolderIsRefusedByHotReloadAndTheLastGoodSetKeepsServing(@org.junit.jupiter.api.io.TempDir Path markers)
            throws Exception {
        String liveVersion = get("/api/v1/rules").get("activeVersion").asString();
        Path marker = markers.resolve("hot-reload.marker");
        Files.writeString(RULES.resolve("runtime-exec.drl"),
                Files.readString(Path.of("src/test/resources/attacks/runtime-exec.drl")).replace("MARKER", marker.toString()));
        try {
            JsonNode failed = waitFor(status -> status.path("lastAttempt").path("errors").findValuesAsString("file").contains("runtime-exec.drl"));

            assertThat(failed.get("activeVersion").asString()).isEqualTo(liveVersion);
            assertThat(score().get("ruleSetVersion").asString()).isEqualTo(liveVersion);
            assertThat(marker).doesNotExist();
        } finally {
            Files.delete(RULES.resolve("runtime-exec.drl"));
            Files.writeString(RULES.resolve("zz-after-attack.drl"), "package thesis;\n// a harmless change so the folder activates again\n");
            waitFor(status -> !status.get("activeVersion").asString().equals(liveVersion));
        }
    }

    @Test
    void ruleFilesOverTheRequestLimitAreRefusedBeforeTheyAreReadAndAHugeFileIsNamed() {
        ResponseEntity<String> tooLarge = postJson("/api/v1/rules/validate",
                Map.of("files", List.of(Map.of("name", "huge.drl", "content", "// " + "x".repeat(3 * 1024 * 1024)))));
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
        assertThat(tooLarge.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();

        ResponseEntity<String> large = postJson("/api/v1/rules/validate",
                Map.of("files", List.of(Map.of("name", "large.drl", "content", "// " + "x".repeat(1024 * 1024)))));
        assertThat(large.getStatusCode().value()).isEqualTo(422);
        JsonNode error = json.readTree(large.getBody()).get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("large.drl");
        assertThat(error.get("message").asString()).startsWith("rule file too large");
    }

    @Test
    void theApiThePageAndTheCommandLineRefuseTheSameBadRuleFileNameWithTheSameMessage(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        String badName = "my rules.drl";
        String content = read("moat.drl");

        ResponseEntity<String> api = postJson("/api/v1/rules/validate", Map.of("files", List.of(Map.of("name", badName, "content", content))));
        assertThat(api.getStatusCode().value()).isEqualTo(400);
        String apiMessage = json.readTree(api.getBody()).get("detail").asString();

        java.net.http.HttpResponse<String> page = new SignedInBrowser().post("/rules/validate", Map.of("file", badName, "content", content));
        assertThat(page.statusCode()).isEqualTo(400);
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("id=\"file-refused\">([^<]+)<").matcher(page.body());
        assertThat(shown.find()).as(page.body()).isTrue();
        String pageMessage = org.springframework.web.util.HtmlUtils.htmlUnescape(shown.group(1));

        Files.writeString(folder.resolve(badName), content);
        var stdout = new java.io.ByteArrayOutputStream();
        int exit = com.thesisscreener.cli.CommandLine.run(new String[] {"rules", "validate", folder.toString()},
                new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8), new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
        assertThat(exit).as("a folder holding a file the editor would refuse is not a valid rule set").isEqualTo(2);
        String cliReport = stdout.toString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(apiMessage).startsWith("'my rules.drl' is not a rule file name");
        assertThat(pageMessage).isEqualTo(apiMessage);
        assertThat(cliReport).contains("my rules.drl:0:0 " + apiMessage + "; rename it", "not valid, 1 error");
    }

    @Test
    void aRuleFileSavedIntoTheFolderUnderANameTheEditorRefusesIsReportedByHotReloadAndTheLastGoodSetKeepsServing() throws Exception {
        String liveVersion = get("/api/v1/rules").get("activeVersion").asString();
        Path misnamed = RULES.resolve("my rules.drl");
        Files.writeString(misnamed, "package thesis;\n// harmless, but named so it could never be edited, saved or restored\n");
        try {
            JsonNode failed = waitFor(status -> status.path("lastAttempt").path("errors").findValuesAsString("file").contains("my rules.drl"));

            assertThat(failed.path("lastAttempt").path("errors").get(0).get("message").asString())
                    .startsWith("'my rules.drl' is not a rule file name");
            assertThat(failed.get("activeVersion").asString()).isEqualTo(liveVersion);
            assertThat(score().get("ruleSetVersion").asString()).isEqualTo(liveVersion);
        } finally {
            Files.delete(misnamed);
        }
    }

    @Test
    void thePagePreviewsAnEditedThresholdOnAStoredPortfolioAsTheApiDoes() throws Exception {
        long portfolio = json.readTree(http.post().uri("/api/v1/portfolios").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(multipart()).retrieve().body(String.class)).get("portfolio").get("id").asLong();
        String stricter = read("volume.drl").replace("function double requiredVolumeMultiple() { return 3.0; }",
                "function double requiredVolumeMultiple() { return 6.0; }");
        JsonNode api = json.readTree(http.post().uri("/api/v1/rules/preview?portfolioId=" + portfolio).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("files", List.of(Map.of("name", "volume.drl", "content", stricter))))).retrieve()
                .body(String.class)).get("portfolios").get(0);

        java.net.http.HttpResponse<String> page = new SignedInBrowser().post("/rules/preview",
                Map.of("file", "volume.drl", "content", stricter.replace("\n", "\r\n"), "portfolio", Long.toString(portfolio)));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"preview-result\"", "VOL-3X");
        int changed = api.get("changes").size();
        assertThat(changed).isPositive();
        assertThat(page.body()).containsPattern(java.util.regex.Pattern.quote(changed + "</span> companies would change"))
                .containsPattern(java.util.regex.Pattern.quote(api.get("unchanged").asInt() + "</span> unchanged"));
    }

    @Test
    void thePageListsTheWarningsOfAnEditThatDropsThesisRules() throws Exception {
        java.net.http.HttpResponse<String> page = new SignedInBrowser().post("/rules/validate",
                Map.of("file", "watch-list.drl", "content", "package thesis;\n"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"validation-ok\"", "<h4>Warnings</h4>")
                .containsPattern("<li><code>THESIS.md:0:0</code>\\s*<span>thesis rule id [A-Z-]+");
    }

    /** Signs in through the login form and posts page forms with the session's CSRF token, as a browser does. */
    private final class SignedInBrowser {
        private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();

        SignedInBrowser() throws Exception {
            java.net.http.HttpResponse<String> signedIn = post("/login", Map.of("username", "admin", "password", ServiceTest.ADMIN_PASSWORD), "/login");
            assertThat(signedIn.statusCode()).isEqualTo(302);
        }

        java.net.http.HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            return post(path, form, "/rules");
        }

        private java.net.http.HttpResponse<String> post(String path, Map<String, String> form, String formPage) throws Exception {
            java.util.regex.Matcher token = CSRF.matcher(send(java.net.http.HttpRequest.newBuilder(uri(formPage)).GET()).body());
            assertThat(token.find()).as("a form with a CSRF token on " + formPage).isTrue();
            StringBuilder body = new StringBuilder("_csrf=" + encode(token.group(1)));
            form.forEach((name, value) -> body.append('&').append(name).append('=').append(encode(value)));
            return send(java.net.http.HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        private java.net.http.HttpResponse<String> send(java.net.http.HttpRequest.Builder request) throws Exception {
            return client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        private java.net.URI uri(String path) {
            return java.net.URI.create("http://localhost:" + port + path);
        }

        private static String encode(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private org.springframework.util.LinkedMultiValueMap<String, Object> multipart() {
        var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        form.add("file", new org.springframework.core.io.FileSystemResource(Path.of("sample-data/ai-portfolio.xlsx")));
        return form;
    }

    private JsonNode waitFor(java.util.function.Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        activeRules.poll(); // what the service does every screener.rules-poll-interval
        JsonNode status = get("/api/v1/rules");
        while (!condition.test(status)) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("rules status never reached the expected state: " + status);
            Thread.sleep(200);
            activeRules.poll();
            status = get("/api/v1/rules");
        }
        return status;
    }

    private JsonNode score() {
        return json.readTree(postJson("/api/v1/score", Map.of("ticker", "CPX", "segment", "OTHER", "capexToRevenue", 0.37)).getBody());
    }

    private ResponseEntity<String> postJson(String uri, Object body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body)).retrieve().toEntity(String.class);
    }

    private JsonNode get(String uri) {
        return json.readTree(http.get().uri(uri).retrieve().body(String.class));
    }

    /** A shipped rule file as it is in the repository (the live folder may be mid-edit in another test). */
    private static String read(String file) {
        try {
            return Files.readString(Path.of("rules").resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i + 1;
        throw new AssertionError(needle + " not found");
    }

}
