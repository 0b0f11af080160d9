package com.thesisscreener.web;

import com.thesisscreener.ServiceTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed bodies, parameters and duplicated keys sent to every JSON endpoint, as a client probing the API
 * would: each is a 4xx problem document that names the field at fault and never an internal Java class.
 */
@ServiceTest
class MalformedBodiesTest {

    private static final Pattern QUALIFIED_JAVA_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]");
    private static final Pattern KNOWN_INTERNAL_NAMES = Pattern.compile("CompanyRecord|CandidateRules|SentFile|NewUser|UserChange|NewKey"
            + "|\\bSwitchingCost\\b|\\bSegment\\b|(?<!JSON )\\bString\\b|\\bInteger\\b|\\bDouble\\b|\\bBoolean\\b|\\bLong\\b|\\bList\\b|ArrayList|LinkedHashMap"
            + "|java\\.|tools\\.jackson|JsonToken|START_ARRAY|START_OBJECT|VALUE_STRING|StreamRead|Exception|Feature|`");
    private static final String COMPANY = "{\"ticker\":\"A\",\"segment\":\"OTHER\"";
    private static final List<String> ANY_JSON_ENDPOINT_BODIES = List.of(
            "", "null", "42", "\"text\"", "[]", "{}", "{", "}", "[{]", "{\"a\":}", "{\"a\" 1}", "{'single':'quotes'}", "{\"a\":1,}",
            "{\"a\":NaN}", "{\"a\":tru}", "\u0000", "{\"a\":\"\\uZZZZ\"}", "[".repeat(3000), "{\"a\":" + "[".repeat(3000),
            "{\"a\":1" + "9".repeat(2000) + "}", "{\"files\":1e999999}");

    @LocalServerPort
    int port;

    RestClient http;
    static String adminKey;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        if (adminKey == null) {
            ResponseEntity<String> created = RestClient.builder().baseUrl("http://localhost:" + port).build().post().uri("/api/v1/api-keys")
                    .headers(h -> h.setBasicAuth("admin", ServiceTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "malformed-bodies", "role", "ADMIN")).retrieve().toEntity(String.class);
            adminKey = json.readTree(created.getBody()).get("key").asString();
        }
    }

    @Test
    void malformedCompanyRecordsAre400sThatNeverNameAJavaClass() {
        SoftAssertions soft = new SoftAssertions();
        for (String body : bodies(List.of(COMPANY + ",\"segment\":\"NOPE\"}", "{\"ticker\":{\"x\":1},\"segment\":\"OTHER\"}",
                COMPANY + ",\"apiRevenueShare\":\"lots\"}", COMPANY + ",\"agenticProductionContracts\":99999999999}",
                COMPANY + ",\"agenticProductionContracts\":1.5}", COMPANY + ",\"ownsCompute\":\"maybe\"}", COMPANY + ",\"ownsCompute\":[true]}",
                "{\"ticker\":\"A\",\"segment\":[\"OTHER\"]}", COMPANY + ",\"distributionSwitchingCost\":{}}", COMPANY + ",\"x\":1}",
                "[[" + COMPANY + "}]]"))) {
            expectProblem(soft, HttpMethod.POST, "/api/v1/score", body);
            expectProblem(soft, HttpMethod.POST, "/api/v1/score/batch", body);
        }
        expectProblem(soft, HttpMethod.POST, "/api/v1/score", "[" + COMPANY + "}]");
        expectProblem(soft, HttpMethod.POST, "/api/v1/score/batch", "[1, \"x\", " + COMPANY + "}]");
        expectProblem(soft, HttpMethod.POST, "/api/v1/score/batch", "[" + COMPANY + ",\"segment\":\"NOPE\"}]");
        soft.assertAll();
    }

    @Test
    void malformedRuleFileRequestsAre400sThatNeverNameAJavaClass() {
        SoftAssertions soft = new SoftAssertions();
        for (String body : bodies(List.of("{\"files\":\"x\"}", "{\"files\":[1]}", "{\"files\":[{\"name\":[],\"content\":{}}]}",
                "{\"files\":[{\"name\":\"a.drl\",\"content\":\"\",\"mode\":\"x\"}]}", "{\"replace\":\"sometimes\"}", "{\"files\":{}}",
                "{\"files\":[[]]}", "{\"files\":[{\"name\":\"a.drl\",\"content\":\"x\"}],\"replace\":[true]}"))) {
            expectProblem(soft, HttpMethod.POST, "/api/v1/rules/validate", body);
            expectProblem(soft, HttpMethod.POST, "/api/v1/rules/preview", body);
        }
        soft.assertAll();
    }

    @Test
    void malformedAccountRequestsAre400sThatNeverNameAJavaClass() {
        SoftAssertions soft = new SoftAssertions();
        for (String body : bodies(List.of("{\"username\":[\"a\"],\"role\":\"ADMIN\"}", "{\"username\":\"a\",\"role\":{}}",
                "{\"name\":1.5e3,\"role\":[]}", "{\"enabled\":\"maybe\"}", "{\"enabled\":{\"x\":1}}", "{\"role\":\"VIEWER\",\"extra\":true}"))) {
            expectProblem(soft, HttpMethod.POST, "/api/v1/users", body);
            expectProblem(soft, HttpMethod.PATCH, "/api/v1/users/nobody-here", body);
            expectProblem(soft, HttpMethod.POST, "/api/v1/api-keys", body);
        }
        soft.assertAll();
    }

    @Test
    void badParametersPathsAndMediaTypesAre4xxThatNeverNameAJavaClass() {
        SoftAssertions soft = new SoftAssertions();
        for (String path : List.of("/api/v1/audit?limit=lots", "/api/v1/audit?limit=99999999999999", "/api/v1/portfolios/abc",
                "/api/v1/portfolios/1.5/results", "/api/v1/rules/versions/x", "/api/v1/no-such-thing")) {
            expectProblem(soft, HttpMethod.GET, path, null);
        }
        expectProblem(soft, HttpMethod.DELETE, "/api/v1/api-keys/not-a-number", null);
        expectProblem(soft, HttpMethod.DELETE, "/api/v1/sign-in-locks", null);
        expectProblem(soft, HttpMethod.POST, "/api/v1/rules/preview?portfolioId=first", "{\"files\":[]}");
        expectProblem(soft, HttpMethod.PUT, "/api/v1/score", COMPANY + "}");
        ResponseEntity<String> plain = http.post().uri("/api/v1/score").header("X-API-Key", adminKey).contentType(MediaType.TEXT_PLAIN)
                .body(COMPANY + "}").retrieve().toEntity(String.class);
        checkProblem(soft, "text/plain to /api/v1/score", plain);
        ResponseEntity<String> noFile = http.post().uri("/api/v1/portfolios").header("X-API-Key", adminKey)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(new org.springframework.util.LinkedMultiValueMap<>(Map.of("x", List.of("y"))))
                .retrieve().toEntity(String.class);
        checkProblem(soft, "upload without a file", noFile);
        soft.assertAll();
    }

    @Test
    void parametersThatAreNotPercentEncodedUtf8Are400sForClientsAndBrowsersAlike() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        SoftAssertions soft = new SoftAssertions();
        for (String query : List.of("x=%ff", "page=%C3%28", "band=%e2%82")) {
            var list = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/portfolios?" + query))
                    .header("X-API-Key", adminKey).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            var score = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/score?whatIf=true&" + query))
                    .header("X-API-Key", adminKey).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(COMPANY + "}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            var page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login?" + query))
                    .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            for (var answer : List.of(list, score)) {
                soft.assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(400);
                soft.assertThat(answer.headers().firstValue("Content-Type")).as(answer.uri().toString()).hasValueSatisfying(
                        type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
                soft.assertThat(answer.body()).as(answer.uri().toString()).contains("not UTF-8").doesNotContainPattern(QUALIFIED_JAVA_NAME);
            }
            soft.assertThat(page.statusCode()).as(page.uri() + " " + page.body()).isEqualTo(400);
            soft.assertThat(page.headers().firstValue("Content-Type")).as(page.uri().toString()).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
        }
        var form = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/score"))
                .header("X-API-Key", adminKey).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("ticker=%ff")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        soft.assertThat(form.statusCode()).as("a form body that is not UTF-8: " + form.body()).isBetween(400, 499);
        soft.assertAll();
    }

    @Test
    void aKeyGivenTwiceIsRefusedOnEveryJsonEndpointNamingTheKey() {
        assertDuplicate(HttpMethod.POST, "/api/v1/score", "{\"ticker\":\"A\",\"segment\":\"OTHER\",\"segment\":\"MODEL_PROVIDER\"}", "segment");
        assertDuplicate(HttpMethod.POST, "/api/v1/score/batch", "[" + COMPANY + "}," + COMPANY + ",\"ownsCompute\":true,\"ownsCompute\":false}]",
                "ownsCompute");
        assertDuplicate(HttpMethod.POST, "/api/v1/rules/validate",
                "{\"files\":[{\"name\":\"a.drl\",\"name\":\"b.drl\",\"content\":\"\"}]}", "name");
        assertDuplicate(HttpMethod.POST, "/api/v1/rules/preview", "{\"replace\":false,\"files\":[],\"replace\":true}", "replace");
        assertDuplicate(HttpMethod.POST, "/api/v1/users", "{\"username\":\"dup\",\"role\":\"VIEWER\",\"role\":\"ADMIN\"}", "role");
        assertDuplicate(HttpMethod.PATCH, "/api/v1/users/admin", "{\"enabled\":true,\"enabled\":false}", "enabled");
        assertDuplicate(HttpMethod.POST, "/api/v1/api-keys", "{\"name\":\"k\",\"role\":\"VIEWER\",\"role\":\"ADMIN\"}", "role");
        assertThat(http.get().uri("/api/v1/users").header("X-API-Key", adminKey).retrieve().body(String.class))
                .as("nothing was created or changed").doesNotContain("\"dup\"").contains("\"enabled\":true");
    }

    @Test
    void aDuplicateSpelledWithAUnicodeEscapeIsStillRefused() {
        JsonNode problem = assertDuplicate(HttpMethod.POST, "/api/v1/score", "{\"ticker\":\"A\",\"tick\\u0065r\":\"B\",\"segment\":\"OTHER\"}",
                "ticker");
        assertThat(problem.get("field").asString()).isEqualTo("ticker");
    }

    @Test
    void theMessagesSayWhatTheFieldShouldHoldInJsonWords() {
        assertThat(detail("/api/v1/score", COMPANY + ",\"distributionSwitchingCost\":\"HUGE\"}"))
                .isEqualTo("distributionSwitchingCost: 'HUGE' is not one of NONE, LOW, MEDIUM, HIGH");
        assertThat(detail("/api/v1/score", COMPANY + ",\"distributionSwitchingCost\":{}}"))
                .isEqualTo("distributionSwitchingCost must be one of NONE, LOW, MEDIUM, HIGH");
        assertThat(detail("/api/v1/score", COMPANY + ",\"agenticProductionContracts\":1.5}"))
                .as("a fraction is not silently cut to a whole number").contains("agenticProductionContracts");
        assertThat(detail("/api/v1/score", "[]")).isEqualTo("the request body must be a JSON object");
        assertThat(detail("/api/v1/score/batch", "{}")).isEqualTo("the request body must be a JSON array");
        assertThat(detail("/api/v1/score", "{\"ticker\":{\"x\":1},\"segment\":\"OTHER\"}")).isEqualTo("ticker must be text");
        assertThat(detail("/api/v1/score", COMPANY + ",\"ownsCompute\":\"maybe\"}")).isEqualTo("ownsCompute: 'maybe' is not a valid true/false");
        assertThat(detail("/api/v1/score", COMPANY + ",\"ownsCompute\":[true]}")).isEqualTo("ownsCompute must be true or false");
        assertThat(detail("/api/v1/score", "{\"ticker\":\"A\",")).startsWith("malformed JSON (line 1, column");
        assertThat(detail("/api/v1/rules/validate", "{\"files\":\"x\"}")).isEqualTo("files must be a JSON array");
    }

    private String detail(String path, String body) {
        ResponseEntity<String> answer = send(HttpMethod.POST, path, body);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        return json.readTree(answer.getBody()).get("detail").asString();
    }

    private JsonNode assertDuplicate(HttpMethod method, String path, String body, String key) {
        ResponseEntity<String> answer = send(method, path, body);
        assertThat(answer.getStatusCode().value()).as(path + " " + answer.getBody()).isEqualTo(400);
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid-json");
        assertThat(problem.get("detail").asString()).contains("'" + key + "' appears more than once");
        assertThat(problem.get("field").asString()).endsWith(key);
        return problem;
    }

    private void expectProblem(SoftAssertions soft, HttpMethod method, String path, String body) {
        String what = method + " " + path + " " + (body == null ? "" : body.length() > 80 ? body.substring(0, 80) + "..." : body);
        checkProblem(soft, what, send(method, path, body));
    }

    private void checkProblem(SoftAssertions soft, String what, ResponseEntity<String> answer) {
        soft.assertThat(answer.getStatusCode().is4xxClientError()).as(what + " -> " + answer.getStatusCode() + " " + answer.getBody()).isTrue();
        soft.assertThat(answer.getHeaders().getContentType()).as(what).isNotNull();
        if (answer.getHeaders().getContentType() != null) {
            soft.assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(what).isTrue();
        }
        String body = String.valueOf(answer.getBody());
        soft.assertThat(body).as(what).doesNotContainPattern(QUALIFIED_JAVA_NAME).doesNotContainPattern(KNOWN_INTERNAL_NAMES);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).header("X-API-Key", adminKey);
        if (body != null) request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        return request.retrieve().toEntity(String.class);
    }

    private static List<String> bodies(List<String> specific) {
        return java.util.stream.Stream.concat(ANY_JSON_ENDPOINT_BODIES.stream(), specific.stream()).toList();
    }
}
