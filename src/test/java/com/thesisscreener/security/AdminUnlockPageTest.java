package com.thesisscreener.security;

import com.thesisscreener.ServiceTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** The ADMIN's users page shows who is locked out and lifts the lock with one button. */
@ServiceTest
class AdminUnlockPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void aLockedUserIsMarkedOnTheUsersPageAndTheUnlockButtonLetsThemBackIn() {
        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .defaultHeaders(h -> h.setBasicAuth("admin", ServiceTest.ADMIN_PASSWORD)).build();
        api.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON).body(Map.of("username", "paula", "role", "ANALYST"))
                .retrieve().toBodilessEntity();
        for (String guess : new String[] {"guess-1", "guess-2", "guess-3"}) {
            api.get().uri("/api/v1/me").headers(h -> h.setBasicAuth("paula", guess)).retrieve().toBodilessEntity();
        }

        RestClient browser = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder().cookieHandler(new CookieManager()).build()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        String login = browser.get().uri("/login").retrieve().body(String.class);
        post(browser, "/login", csrf(login), Map.of("username", "admin", "password", ServiceTest.ADMIN_PASSWORD));

        String users = browser.get().uri("/admin/users").retrieve().body(String.class);
        assertThat(users).contains("locked until").contains("/admin/users/paula/unlock");

        post(browser, "/admin/users/paula/unlock", csrf(users), Map.of());
        String after = browser.get().uri("/admin/users").retrieve().body(String.class);
        assertThat(after).contains("paula can sign in again.").doesNotContain("/admin/users/paula/unlock");
        assertThat(api.get().uri("/api/v1/sign-in-locks").retrieve().body(String.class)).doesNotContain("paula");
    }

    private static void post(RestClient browser, String path, String csrf, Map<String, String> fields) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        form.add("_csrf", csrf);
        int status = browser.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve()
                .toBodilessEntity().getStatusCode().value();
        assertThat(status).as(path).isEqualTo(302);
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }
}
