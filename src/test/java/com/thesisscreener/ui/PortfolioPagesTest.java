package com.thesisscreener.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.thesisscreener.portfolio.PortfolioNotFoundException;
import com.thesisscreener.portfolio.PortfolioService;
import com.thesisscreener.portfolio.StoredPortfolio;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The portfolio pages as a browser receives them, with the portfolio service mocked. */
@PageSliceTest
class PortfolioPagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortfolioService portfolios;

    @Test
    @WithMockUser(roles = "VIEWER")
    void aPortfolioNameIsShownAsTextNeverAsMarkup() {
        StoredPortfolio hostile = new StoredPortfolio(3, "<script>alert(1)</script> Q3", "q3.xlsx", "Portfolio", 2, 0, List.of(),
                Instant.parse("2026-11-30T12:00:00Z"));
        when(portfolios.portfolios(0, 20)).thenReturn(List.of(hostile));
        when(portfolios.portfolioCount()).thenReturn(1L);

        MvcTestResult page = mvc.get().uri("/portfolios").accept(MediaType.TEXT_HTML).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("&lt;script&gt;alert(1)&lt;/script&gt; Q3").doesNotContain("<script>alert(1)");
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aPortfolioThatDoesNotExistIsAPageSayingSoWithA404() {
        when(portfolios.portfolio(99)).thenThrow(new PortfolioNotFoundException("no portfolio with id 99"));

        MvcTestResult page = mvc.get().uri("/portfolios/99").accept(MediaType.TEXT_HTML).exchange();

        assertThat(page).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(page).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(page).bodyText().contains("no portfolio with id 99");
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToTheSignInPage() {
        MvcTestResult page = mvc.get().uri("/portfolios").accept(MediaType.TEXT_HTML).exchange();

        assertThat(page).hasStatus3xxRedirection();
        assertThat(page).redirectedUrl().endsWith("/login");
    }
}
