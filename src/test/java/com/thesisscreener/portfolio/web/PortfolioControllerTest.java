package com.thesisscreener.portfolio.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.thesisscreener.ApiSliceTest;
import com.thesisscreener.portfolio.PortfolioNotFoundException;
import com.thesisscreener.portfolio.PortfolioService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The portfolio endpoints' web layer: status codes, problem documents and roles, with the store mocked. */
@ApiSliceTest
class PortfolioControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortfolioService portfolios;

    @BeforeEach
    void freshMock() {
        reset(portfolios);
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aPortfolioThatDoesNotExistIsA404ProblemNamingIt() {
        when(portfolios.portfolio(7)).thenThrow(new PortfolioNotFoundException("no portfolio with id 7"));

        MvcTestResult answer = mvc.get().uri("/api/v1/portfolios/7").exchange();

        assertThat(answer).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("/problems/not-found");
        assertThat(answer).bodyJson().extractingPath("$.detail").asString().contains("no portfolio with id 7");
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void anUnknownSortKeyIsA400NamingTheParameterAndTheKeysThatExist() {
        MvcTestResult answer = mvc.get().uri("/api/v1/portfolios/1/results?sort=colour").exchange();

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer).bodyJson().extractingPath("$.field").isEqualTo("sort");
        assertThat(answer).bodyJson().extractingPath("$.detail").asString().contains("colour", "score", "ticker");
        verify(portfolios, never()).runOrLatest(anyLong(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aPageSizeOutOfRangeIsA400NamingTheParameter() {
        MvcTestResult answer = mvc.get().uri("/api/v1/portfolios/1/results?size=0").exchange();

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer).bodyJson().extractingPath("$.field").isEqualTo("size");
    }

    @Test
    @WithMockUser(roles = "ANALYST")
    void anAnalystCannotDeleteAPortfolioAndNothingIsDeleted() {
        MvcTestResult answer = mvc.delete().uri("/api/v1/portfolios/5").exchange();

        assertThat(answer).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(answer).bodyJson().extractingPath("$.requiredRole").isEqualTo("ADMIN");
        verify(portfolios, never()).delete(anyLong());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdminDeletesAPortfolioAndGetsNoBody() {
        assertThat(mvc.delete().uri("/api/v1/portfolios/5")).hasStatus(HttpStatus.NO_CONTENT).body().isEmpty();
        verify(portfolios).delete(5);
    }
}
