package com.thesisscreener.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** A client for tests over real HTTP: signed in with HTTP Basic, and error statuses returned rather than thrown. */
public final class TestHttp {

    private TestHttp() {
    }

    public static RestClient signedIn(int port, String username, String password) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .defaultHeaders(headers -> headers.setBasicAuth(username, password))
                .build();
    }
}
