package com.thesisscreener.uploads;

import com.thesisscreener.ServiceTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.web.TestHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The upload job resource over real HTTP, as a script uploading a large portfolio uses it: start, poll, open. */
@ServiceTest
class UploadJobTest {

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aJobReportsItsProgressThenTheStoredPortfolio() throws Exception {
        RestClient http = TestHttp.signedIn(port, "admin", ServiceTest.ADMIN_PASSWORD);
        ResponseEntity<String> started = start(http, Files.readAllBytes(Path.of("sample-data/ai-portfolio.xlsx")), "ai-portfolio.xlsx");

        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String location = started.getHeaders().getLocation().toString();
        assertThat(location).startsWith("/api/v1/uploads/");
        JsonNode job = until(http, location);

        assertThat(job.get("state").asString()).isEqualTo("DONE");
        assertThat(job.get("rowsRead").asInt()).isEqualTo(32);
        assertThat(job.get("companiesToScreen").asInt()).isEqualTo(32);
        assertThat(job.get("companiesScreened").asInt()).isEqualTo(32);
        assertThat(job.get("elapsedMillis").asLong()).isPositive();
        long id = job.get("portfolio").get("id").asLong();
        JsonNode portfolio = json.readTree(http.get().uri(job.get("links").get("portfolio").asString()).retrieve().body(String.class));
        assertThat(portfolio.get("id").asLong()).isEqualTo(id);
        assertThat(portfolio.get("screened").asInt()).isEqualTo(32);
        assertThat(portfolio.get("positions").get("weightedScore").isNumber()).as("the market values were kept").isTrue();
    }

    @Test
    void aFileThatCannotBeImportedEndsTheJobWithTheProblemAndStoresNothing() throws Exception {
        RestClient http = TestHttp.signedIn(port, "admin", ServiceTest.ADMIN_PASSWORD);
        String before = http.get().uri("/api/v1/portfolios").retrieve().body(String.class);
        ResponseEntity<String> started = start(http, "%PDF-1.4 not a spreadsheet".getBytes(), "report.xlsx");
        JsonNode job = until(http, started.getHeaders().getLocation().toString());

        assertThat(job.get("state").asString()).isEqualTo("FAILED");
        assertThat(job.get("problem").get("status").asInt()).isEqualTo(415);
        assertThat(job.get("problem").get("detail").asString()).contains("report.xlsx");
        assertThat(json.readTree(http.get().uri("/api/v1/portfolios").retrieve().body(String.class)).get("totalItems").asLong())
                .isEqualTo(json.readTree(before).get("totalItems").asLong());
    }

    @Test
    void anotherUsersJobIsNotFoundAndAnUnknownJobIsAProblemDocument() {
        RestClient http = TestHttp.signedIn(port, "admin", ServiceTest.ADMIN_PASSWORD);
        ResponseEntity<String> unknown = http.get().uri("/api/v1/uploads/no-such-job").retrieve().toEntity(String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    private static ResponseEntity<String> start(RestClient http, byte[] bytes, String fileName) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return http.post().uri("/api/v1/uploads").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);
    }

    private JsonNode until(RestClient http, String location) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            JsonNode job = json.readTree(http.get().uri(location).retrieve().body(String.class));
            if (job.get("finished").asBoolean() || Instant.now().isAfter(deadline)) return job;
            Thread.sleep(100);
        }
    }
}
