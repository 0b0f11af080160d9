package com.thesisscreener.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.thesisscreener.security.Role;
import com.thesisscreener.security.UserAccounts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The administration pages as a browser receives them, with the accounts mocked. */
@PageSliceTest
class AdminPagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserAccounts accounts;

    @Test
    @WithMockUser(roles = "ANALYST")
    void anAnalystIsRefusedTheUserListWithA403AndTheListIsNeverRead() {
        MvcTestResult page = mvc.get().uri("/admin/users").accept(MediaType.TEXT_HTML).exchange();

        // The 403 page itself is the container's error dispatch, which MockMvc does not run: the browser tests see it.
        assertThat(page).hasStatus(HttpStatus.FORBIDDEN);
        verify(accounts, never()).list();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdministratorSeesEveryUserWithTheirRole() {
        Instant created = Instant.parse("2026-11-30T12:00:00Z");
        when(accounts.list()).thenReturn(List.of(
                new UserAccounts.Account(1, "admin", Role.ADMIN, true, false, created, created),
                new UserAccounts.Account(2, "dana", Role.VIEWER, false, true, created, null)));

        MvcTestResult page = mvc.get().uri("/admin/users").accept(MediaType.TEXT_HTML).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("dana", "VIEWER", "admin");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aRoleThatDoesNotExistIsReportedOnThePageAndChangesNothing() {
        MvcTestResult answer = mvc.post().uri("/admin/users/dana/role").with(csrf()).param("role", "OWNER").exchange();

        assertThat(answer).hasStatus3xxRedirection();
        assertThat(answer).flash().containsKey("error");
        verify(accounts, never()).setRole(any(), any());
    }
}
