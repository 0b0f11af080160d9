package com.thesisscreener.security;

import com.thesisscreener.ServiceTest;
import com.thesisscreener.database.DatabaseTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sign-in and roles over real HTTP: 401/403 problem documents, API keys, throttling, security headers, the audit log. */
@DatabaseTest
@ServiceTest
class SecurityEndToEndTest {

    static final String ADMIN_PASSWORD = ServiceTest.ADMIN_PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    RestClient http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    void anAnonymousRequestGetsA401ProblemDocument() {
        ResponseEntity<String> answer = http.get().uri("/api/v1/portfolios").retrieve().toEntity(String.class);
        assertProblem(answer, 401, "/problems/unauthorized", "X-API-Key");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("ApiKey");

        ResponseEntity<String> upload = upload(h -> { });
        assertProblem(upload, 401, "/problems/unauthorized", "sign in");
    }

    @Test
    void wrongCredentialsAndUnknownKeysAre401() {
        assertProblem(http.get().uri("/api/v1/portfolios").headers(h -> h.setBasicAuth("admin", "wrong-password-x")).retrieve().toEntity(String.class),
                401, "/problems/unauthorized", "wrong username or password");
        assertProblem(http.get().uri("/api/v1/portfolios").header("X-API-Key", "tsk_not-a-key").retrieve().toEntity(String.class),
                401, "/problems/unauthorized", "not valid or was revoked");
    }

    @Test
    void aViewerKeyReadsAndScoresButCannotUploadAndARevokedKeyStopsWorking() {
        JsonNode created = adminJson(http.post().uri("/api/v1/api-keys").headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "dashboard", "role", "viewer")).retrieve().toEntity(String.class), 201);
        String key = created.get("key").asString();
        assertThat(key).startsWith("tsk_");
        long id = created.get("apiKey").get("id").asLong();
        assertThat(created.get("apiKey").toString()).doesNotContain(key);

        assertThat(http.get().uri("/api/v1/portfolios").header("X-API-Key", key).retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(http.post().uri("/api/v1/score").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                .body("{\"ticker\":\"A\",\"segment\":\"OTHER\"}").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> refused = upload(h -> h.set("X-API-Key", key));
        assertProblem(refused, 403, "/problems/forbidden", "needs ANALYST");
        assertThat(json.readTree(refused.getBody()).get("requiredRole").asString()).isEqualTo("ANALYST");
        assertProblem(http.delete().uri("/api/v1/portfolios/1").header("X-API-Key", key).retrieve().toEntity(String.class),
                403, "/problems/forbidden", "needs ADMIN");
        assertProblem(http.get().uri("/api/v1/users").header("X-API-Key", key).retrieve().toEntity(String.class),
                403, "/problems/forbidden", "needs ADMIN");

        String listed = http.get().uri("/api/v1/api-keys").headers(admin()).retrieve().body(String.class);
        assertThat(listed).contains("dashboard").doesNotContain(key);

        assertThat(http.delete().uri("/api/v1/api-keys/" + id).headers(admin()).retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
        assertProblem(http.get().uri("/api/v1/portfolios").header("X-API-Key", key).retrieve().toEntity(String.class),
                401, "/problems/unauthorized", "revoked");
    }

    @Test
    void anAnalystKeyUploadsAndTheUploadIsAudited() {
        String key = adminJson(http.post().uri("/api/v1/api-keys").headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "loader", "role", "ANALYST")).retrieve().toEntity(String.class), 201).get("key").asString();

        ResponseEntity<String> created = upload(h -> h.set("X-API-Key", key));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String location = created.getHeaders().getLocation().toString();
        assertThat(http.post().uri(location + "/runs").header("X-API-Key", key).retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(201);
        assertThat(http.delete().uri(location).headers(admin()).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(204);

        assertThat(audit.recent(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("portfolio.upload");
            assertThat(e.actor()).isEqualTo("api-key:loader");
            assertThat(e.subject()).contains("mixed.csv");
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("portfolio.run");
            assertThat(e.actor()).isEqualTo("api-key:loader");
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("portfolio.delete");
            assertThat(e.actor()).isEqualTo("admin");
        });
        String log = http.get().uri("/api/v1/audit").headers(admin()).retrieve().body(String.class);
        assertThat(log).contains("portfolio.upload", "api-key.create");
    }

    @Test
    void aNewUserGetsAOneTimePasswordAndMustChangeItBeforeUsingTheApi() {
        JsonNode issued = adminJson(http.post().uri("/api/v1/users").headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "Vera", "role", "VIEWER")).retrieve().toEntity(String.class), 201);
        String password = issued.get("oneTimePassword").asString();
        assertThat(issued.get("user").get("username").asString()).isEqualTo("vera");
        assertThat(issued.get("user").toString()).doesNotContain("hash");

        assertProblem(http.get().uri("/api/v1/portfolios").headers(h -> h.setBasicAuth("vera", password)).retrieve().toEntity(String.class),
                403, "/problems/password-change-required", "one-time password");
        assertProblem(http.post().uri("/api/v1/users").headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "vera", "role", "VIEWER")).retrieve().toEntity(String.class), 409, "/problems/conflict", "already");
        assertProblem(http.post().uri("/api/v1/users").headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "olga", "role", "BOSS")).retrieve().toEntity(String.class), 400, "/problems/invalid-request", "VIEWER");
    }

    @Test
    void repeatedWrongPasswordsLockTheUsernameAndSayWhenToRetry() {
        RestClient.RequestHeadersSpec<?> wrong = http.get().uri("/api/v1/portfolios").headers(h -> h.setBasicAuth("locky", "wrong-password-1"));
        for (int i = 0; i < 3; i++) assertThat(wrong.retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> locked = wrong.retrieve().toEntity(String.class);
        assertProblem(locked, 401, "/problems/unauthorized", "too many failed sign-ins for 'locky'");
        assertThat(Long.parseLong(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        ResponseEntity<String> login = http.get().uri("/login").retrieve().toEntity(String.class);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        String csp = login.getHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(login.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.getBody()).doesNotContain("<script>").contains("name=\"_csrf\"");

        ResponseEntity<String> api = http.get().uri("/api/v1/portfolios").headers(admin()).retrieve().toEntity(String.class);
        assertThat(api.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(api.getHeaders().getFirst("Set-Cookie")).as("the REST API creates no session").isNull();

        ResponseEntity<String> page = http.get().uri("/portfolios").retrieve().toEntity(String.class);
        assertThat(page.getStatusCode().value()).as("an anonymous page request is sent to sign in").isEqualTo(302);
        assertThat(page.getHeaders().getLocation().getPath()).isEqualTo("/login");
        assertThat(http.get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.get().uri("/actuator/metrics").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> swagger = http.get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class);
        assertThat(swagger.getStatusCode().value()).as("Swagger UI is open; its calls need credentials").isEqualTo(200);
        assertThat(swagger.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void thePrometheusScrapeNeedsAnAdminAndAnswersInPrometheusTextFormat() {
        assertThat(http.get().uri("/actuator/prometheus").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);

        ResponseEntity<String> scrape = http.get().uri("/actuator/prometheus").headers(admin()).retrieve().toEntity(String.class);

        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        assertThat(scrape.getHeaders().getContentType().toString()).startsWith("text/plain");
        assertThat(scrape.getBody()).contains("# TYPE jvm_memory_used_bytes gauge", "http_server_requests_seconds");
    }

    private Consumer<HttpHeaders> admin() {
        return h -> h.setBasicAuth("admin", ADMIN_PASSWORD);
    }

    private JsonNode adminJson(ResponseEntity<String> answer, int status) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        return json.readTree(answer.getBody());
    }

    private ResponseEntity<String> upload(Consumer<HttpHeaders> credentials) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource("ticker,name,segment\nGOOD,Good,MODEL_PROVIDER\n".getBytes()) {
            @Override
            public String getFilename() {
                return "mixed.csv";
            }
        });
        return http.post().uri("/api/v1/portfolios").headers(credentials).contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(String.class);
    }

    private void assertProblem(ResponseEntity<String> response, int status, String type, String detailContains) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(response.getBody()).isTrue();
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).contains(detailContains);
    }

    @SuppressWarnings("unused")
    private static byte[] sample() throws java.io.IOException {
        return Files.readAllBytes(Path.of("sample-data/ai-portfolio.xlsx"));
    }
}
