package com.thesisscreener.security;

import com.thesisscreener.database.DatabaseTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** First start with an empty user table and no configured password: a one-time password, printed once, hashed. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:first-admin;DB_CLOSE_DELAY=-1",
        "screener.sample-portfolio=",
        "screener.admin.password="})
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theFirstStartPrintsAOneTimePasswordThatMustBeChanged(CapturedOutput output) {
        // The context (and so the log line) may have started before this test's capture: read what the service printed,
        // or fall back to resetting, which issues a new one-time password the same way.
        Matcher printed = Pattern.compile("password: (\\S{23})").matcher(output.getAll());
        String password = printed.find() ? printed.group(1) : accounts.resetPassword("admin").oneTimePassword();

        UserAccounts.Account admin = accounts.find("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.mustChangePassword()).isTrue();
        String hash = jdbc.sql("select password_hash from app_user where username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);

        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        var beforeChange = http.get().uri("/api/v1/portfolios").headers(h -> h.setBasicAuth("admin", password)).retrieve().toEntity(String.class);
        assertThat(beforeChange.getStatusCode().value()).isEqualTo(403);
        assertThat(beforeChange.getBody()).contains("/problems/password-change-required");

        accounts.changePassword("admin", password, "a-password-of-my-own");
        assertThat(accounts.find("admin").orElseThrow().mustChangePassword()).isFalse();
        var afterChange = http.get().uri("/api/v1/portfolios").headers(h -> h.setBasicAuth("admin", "a-password-of-my-own"))
                .retrieve().toEntity(String.class);
        assertThat(afterChange.getStatusCode().value()).isEqualTo(200);
    }
}
