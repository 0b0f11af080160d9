package com.thesisscreener.security;

import com.thesisscreener.ServiceTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lockouts over real HTTP, tried the way an attacker would: lock a colleague's account, spray one password over
 * many accounts, hammer the API with made-up keys; and what the ADMIN sees and can lift.
 */
@ServiceTest
class SignInLockoutEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    RestClient http;
    String adminKey;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void anAdminWithAKey() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        ResponseEntity<String> created = http.post().uri("/api/v1/api-keys").headers(adminPassword()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "lock-tests", "role", "ADMIN")).retrieve().toEntity(String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        adminKey = json.readTree(created.getBody()).get("key").asString();
        liftEveryLock();
    }

    @AfterEach
    void liftEveryLock() {
        for (JsonNode lock : locks()) {
            if (lock.get("kind").asString().equals("account")) {
                http.post().uri("/api/v1/users/{u}/unlock", lock.get("subject").asString()).headers(key(adminKey)).retrieve().toBodilessEntity();
            } else {
                http.delete().uri(b -> b.path("/api/v1/sign-in-locks").queryParam("address", lock.get("subject").asString()).build())
                        .headers(key(adminKey)).retrieve().toBodilessEntity();
            }
        }
        assertThat(locks()).isEmpty();
    }

    @Test
    void anAttackerWhoLocksTheAdminOutIsUndoneByAnAdminKeyAndTheUnlockIsAudited() {
        for (int i = 0; i < 3; i++) assertThat(status(portfolios(basic("admin", "guess-" + i)))).isEqualTo(401);

        ResponseEntity<String> rightPassword = portfolios(adminPassword());
        assertThat(rightPassword.getStatusCode().value()).isEqualTo(401);
        assertThat(json.readTree(rightPassword.getBody()).get("detail").asString()).contains("'admin'", "ask an ADMIN");
        assertThat(Long.parseLong(rightPassword.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).as("the first lock is short").isBetween(1L, 60L);
        assertThat(status(portfolios(key(adminKey)))).as("API keys are not locked with the password").isEqualTo(200);
        assertThat(locks()).anySatisfy(lock -> {
            assertThat(lock.get("kind").asString()).isEqualTo("account");
            assertThat(lock.get("subject").asString()).isEqualTo("admin");
        });

        JsonNode unlocked = json.readTree(http.post().uri("/api/v1/users/admin/unlock").headers(key(adminKey)).retrieve().body(String.class));
        assertThat(unlocked.get("wasLocked").asBoolean()).isTrue();
        assertThat(status(portfolios(adminPassword()))).isEqualTo(200);
        assertThat(audit.recent(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("sign-in.lock");
            assertThat(e.subject()).contains("'admin'");
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("user.unlock");
            assertThat(e.actor()).isEqualTo("api-key:lock-tests");
        });
    }

    @Test
    void sprayingOnePasswordOverManyAccountsLocksTheAddressUntilAnAdminLiftsIt() {
        for (int i = 0; i < 12; i++) assertThat(status(portfolios(basic("sprayed-" + i, "Summer2026!")))).isEqualTo(401);

        ResponseEntity<String> nextTry = portfolios(adminPassword());
        assertThat(nextTry.getStatusCode().value()).isEqualTo(401);
        assertThat(json.readTree(nextTry.getBody()).get("detail").asString()).contains("from this address");
        String address = locks().stream().filter(l -> l.get("kind").asString().equals("address")).findFirst().orElseThrow()
                .get("subject").asString();

        JsonNode lifted = json.readTree(http.delete().uri(b -> b.path("/api/v1/sign-in-locks").queryParam("address", address).build())
                .headers(key(adminKey)).retrieve().body(String.class));
        assertThat(lifted.get("wasLocked").asBoolean()).isTrue();
        assertThat(status(portfolios(adminPassword()))).isEqualTo(200);
    }

    @Test
    void madeUpApiKeysGet429WithRetryAfterWhileTheRealKeyKeepsWorking() {
        for (int i = 0; i < 4; i++) {
            ResponseEntity<String> wrong = portfolios(key("tsk_guess" + i));
            assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<String> throttled = portfolios(key("tsk_guess-4"));
        assertThat(throttled.getStatusCode().value()).isEqualTo(429);
        assertThat(throttled.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(json.readTree(throttled.getBody()).get("type").asString()).isEqualTo("/problems/too-many-requests");
        assertThat(Long.parseLong(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(status(portfolios(key("not-even-a-key")))).isEqualTo(429);

        assertThat(status(portfolios(key(adminKey)))).as("a valid key from the same address").isEqualTo(200);
        assertThat(status(portfolios(adminPassword()))).as("passwords are counted apart").isEqualTo(200);
    }

    @Test
    void onlyAnAdminMayListOrLiftLocks() {
        ResponseEntity<String> created = http.post().uri("/api/v1/api-keys").headers(key(adminKey)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "analyst-lock-tests", "role", "ANALYST")).retrieve().toEntity(String.class);
        String analystKey = json.readTree(created.getBody()).get("key").asString();

        assertThat(status(http.get().uri("/api/v1/sign-in-locks").headers(key(analystKey)).retrieve().toEntity(String.class))).isEqualTo(403);
        assertThat(status(http.post().uri("/api/v1/users/admin/unlock").headers(key(analystKey)).retrieve().toEntity(String.class))).isEqualTo(403);
        assertThat(status(http.delete().uri("/api/v1/sign-in-locks?address=127.0.0.1").headers(key(analystKey)).retrieve().toEntity(String.class)))
                .isEqualTo(403);
        assertThat(status(http.post().uri("/api/v1/users/nobody-here/unlock").headers(key(adminKey)).retrieve().toEntity(String.class)))
                .isEqualTo(404);
    }

    private java.util.List<JsonNode> locks() {
        String body = http.get().uri("/api/v1/sign-in-locks").headers(key(adminKey)).retrieve().body(String.class);
        java.util.List<JsonNode> locks = new java.util.ArrayList<>();
        json.readTree(body).forEach(locks::add);
        return locks;
    }

    private ResponseEntity<String> portfolios(Consumer<HttpHeaders> credentials) {
        return http.get().uri("/api/v1/portfolios").headers(credentials).retrieve().toEntity(String.class);
    }

    private static int status(ResponseEntity<?> answer) {
        return answer.getStatusCode().value();
    }

    private static Consumer<HttpHeaders> basic(String username, String password) {
        return h -> h.setBasicAuth(username, password);
    }

    private static Consumer<HttpHeaders> adminPassword() {
        return basic("admin", ServiceTest.ADMIN_PASSWORD);
    }

    private static Consumer<HttpHeaders> key(String key) {
        return h -> h.set(ApiKeys.HEADER, key);
    }
}
