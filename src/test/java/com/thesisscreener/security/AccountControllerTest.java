package com.thesisscreener.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.thesisscreener.ApiSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The account endpoints' web layer, with the accounts and the audit log mocked. */
@ApiSliceTest
class AccountControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AuditLog audit;

    @Test
    @WithMockUser(roles = "ANALYST")
    void onlyAnAdminListsUsers() {
        MvcTestResult answer = mvc.get().uri("/api/v1/users").exchange();

        assertThat(answer).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(answer).bodyJson().extractingPath("$.requiredRole").isEqualTo("ADMIN");
        verify(accounts, never()).list();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void changingAUserWhoDoesNotExistIsA404NamingThem() {
        MvcTestResult answer = mvc.patch().uri("/api/v1/users/nobody").contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}").exchange();

        assertThat(answer).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(answer).bodyJson().extractingPath("$.detail").asString().contains("nobody");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAuditLimitOutsideOneToAThousandIsA400NamingTheRangeNotAQuietlyShorterList() {
        MvcTestResult answer = mvc.get().uri("/api/v1/audit?limit=5000").exchange();

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer).bodyJson().extractingPath("$.detail").asString().contains("between 1 and 1000");
        assertThat(answer).bodyJson().extractingPath("$.field").isEqualTo("limit");
        verify(audit, never()).recent(org.mockito.ArgumentMatchers.anyInt());
    }
}
