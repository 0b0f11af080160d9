package com.thesisscreener.rules.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.ApiSliceTest;
import com.thesisscreener.rules.ActiveRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The rule endpoints' web layer over the shipped rules, with the version history mocked. */
@ApiSliceTest
class RulesControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ActiveRules rules;

    @Test
    @WithMockUser(roles = "VIEWER")
    void theStatusNamesTheActiveVersionAndItsFiles() {
        MvcTestResult answer = mvc.get().uri("/api/v1/rules").exchange();

        assertThat(answer).hasStatusOk();
        assertThat(answer).bodyJson().extractingPath("$.activeVersion").isEqualTo(rules.current().version());
        assertThat(answer).bodyJson().extractingPath("$.files").asArray().contains("moat.drl", "volume.drl");
    }

    @Test
    @WithMockUser(roles = "ANALYST")
    void aFileThatDoesNotCompileIsA422NamingTheFileAndTheWordWhileTheActiveSetStays() {
        String before = rules.current().version();

        MvcTestResult answer = mvc.post().uri("/api/v1/rules/validate").contentType(MediaType.APPLICATION_JSON)
                .content("{\"files\":[{\"name\":\"extra.drl\",\"content\":\"package thesis;\\nrule \\\"X\\\" when\\n  Compny()\\nthen end\"}]}")
                .exchange();

        assertThat(answer).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-rules");
        assertThat(answer).bodyJson().extractingPath("$.errors[0].file").isEqualTo("extra.drl");
        assertThat(answer).bodyJson().extractingPath("$.errors[0].message").asString().contains("Compny");
        assertThat(rules.current().version()).isEqualTo(before);
    }

    @Test
    @WithMockUser(roles = "ANALYST")
    void aFileNameWithAPathIsRefusedNamingTheField() {
        MvcTestResult answer = mvc.post().uri("/api/v1/rules/validate").contentType(MediaType.APPLICATION_JSON)
                .content("{\"files\":[{\"name\":\"../moat.drl\",\"content\":\"package thesis;\"}]}").exchange();

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer).bodyJson().extractingPath("$.field").isEqualTo("files");
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aVersionThatWasNeverStoredIsA404() {
        MvcTestResult answer = mvc.get().uri("/api/v1/rules/versions/0123456789ab").exchange();

        assertThat(answer).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(answer).bodyJson().extractingPath("$.detail").asString().contains("0123456789ab");
    }

    @Test
    @WithMockUser(roles = "ANALYST")
    void onlyAnAdminReloadsTheFolder() {
        MvcTestResult answer = mvc.post().uri("/api/v1/rules/reload").exchange();

        assertThat(answer).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(answer).bodyJson().extractingPath("$.requiredRole").isEqualTo("ADMIN");
    }
}
