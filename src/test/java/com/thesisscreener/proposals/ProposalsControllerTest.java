package com.thesisscreener.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.thesisscreener.ApiSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The rule-proposal endpoints' web layer, with the proposals service mocked. */
@ApiSliceTest
class ProposalsControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Proposals proposals;

    @Test
    @WithMockUser(roles = "VIEWER")
    void aProposalThatDoesNotExistIsA404ProblemDocument() {
        when(proposals.proposal(9)).thenThrow(ProposalProblem.notFound(9));

        MvcTestResult answer = mvc.get().uri("/api/v1/rules/proposals/9").exchange();

        assertThat(answer).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("/problems/not-found");
        assertThat(answer).bodyJson().extractingPath("$.detail").isEqualTo("no rule proposal 9");
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aViewerCannotProposeARuleEdit() {
        MvcTestResult answer = mvc.post().uri("/api/v1/rules/proposals").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"lower the capex line\",\"files\":[{\"name\":\"risks.drl\",\"content\":\"package thesis;\"}]}").exchange();

        assertThat(answer).hasStatus(HttpStatus.FORBIDDEN);
        verify(proposals, never()).create(any(), any(), anyBoolean());
    }
}
