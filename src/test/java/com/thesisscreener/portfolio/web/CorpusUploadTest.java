package com.thesisscreener.portfolio.web;

import com.thesisscreener.ServiceTest;
import com.thesisscreener.database.DatabaseTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.web.TestHttp;
import com.thesisscreener.importing.PoiCorpus;
import com.thesisscreener.importing.UnreadableFileException.Reason;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every hostile or odd workbook of the POI corpus ({@code ../shared/poi-corpus}, not in this repository)
 * uploaded over HTTP: a problem document naming the file and the reason, nothing stored, no stack trace.
 * Skipped, with a message, where the corpus folder is absent.
 */
@DatabaseTest
@ServiceTest
class CorpusUploadTest {

    static final Path CORPUS = PoiCorpus.FOLDER;

    @LocalServerPort
    int port;

    RestClient http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        PoiCorpus.assumePresent();
        http = TestHttp.signedIn(port, "admin", ServiceTest.ADMIN_PASSWORD);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("com.thesisscreener.importing.PoiCorpus#expectedReasons")
    void everyCorpusFileIsRefusedWithAProblemDocumentAndNothingIsStored(String name, Reason reason) {
        long before = json.readTree(http.get().uri("/api/v1/portfolios").retrieve().body(String.class)).get("totalItems").asLong();
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new FileSystemResource(CORPUS.resolve(name)));

        ResponseEntity<String> response = http.post().uri("/api/v1/portfolios").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).retrieve().toEntity(String.class);

        int expectedStatus = switch (reason) {
            case TOO_LARGE -> 413;
            case NOT_A_SPREADSHEET, UNSUPPORTED_FORMAT -> 415;
            default -> 422;
        };
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(expectedStatus);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("reason").asString()).isEqualTo(reason.name());
        assertThat(problem.get("detail").asString()).startsWith("'" + name + "'");
        assertThat(response.getBody()).doesNotContain("Exception", "org.apache", "\tat ");
        long after = json.readTree(http.get().uri("/api/v1/portfolios").retrieve().body(String.class)).get("totalItems").asLong();
        assertThat(after).isEqualTo(before);
    }
}
