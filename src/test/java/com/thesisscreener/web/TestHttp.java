package com.thesisscreener.web;

import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
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

    /** Stores the sample portfolio as the newest one, so a rule preview (which screens the newest first) sees it. */
    public static void uploadSample(RestClient http) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new FileSystemResource(Path.of("sample-data", "ai-portfolio.xlsx")));
        form.add("name", "sample");
        ResponseEntity<String> stored = http.post().uri("/api/v1/portfolios").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(String.class);
        if (stored.getStatusCode().value() != 201) throw new AssertionError("the sample was not stored: " + stored.getBody());
    }
}
