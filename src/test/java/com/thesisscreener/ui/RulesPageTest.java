package com.thesisscreener.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The rules page over the shipped rules, with the rule history and portfolios mocked. */
@PageSliceTest
class RulesPageTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    @WithMockUser(roles = "ANALYST")
    void anAnalystIsOfferedTheActiveRuleFilesWithTheChosenOnesTextToEdit() {
        MvcTestResult page = mvc.get().uri("/rules?file=moat.drl").accept(MediaType.TEXT_HTML).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("api-economics.drl", "volume.drl", "id=\"rule-content\"", "rule &quot;MOAT-NONE&quot;");
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aViewerSeesTheActiveRuleSetButNoEditor() {
        MvcTestResult page = mvc.get().uri("/rules").accept(MediaType.TEXT_HTML).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("Active rule set").doesNotContain("id=\"rule-content\"");
    }

    @Test
    @WithMockUser(roles = "ANALYST")
    void anAnalystCannotReloadTheRulesOfTheService() {
        MvcTestResult answer = mvc.post().uri("/rules/reload").with(csrf()).exchange();

        assertThat(answer).hasStatus(HttpStatus.FORBIDDEN);
    }
}
