package com.thesisscreener.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.thesisscreener.ApiSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The upload-job endpoints' web layer, with the jobs mocked. */
@ApiSliceTest
class UploadJobControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UploadJobs jobs;

    @Test
    @WithMockUser(roles = "ANALYST")
    void aJobThatDoesNotExistOrIsAnotherUsersIsA404NamingIt() {
        MvcTestResult answer = mvc.get().uri("/api/v1/uploads/job-42").exchange();

        assertThat(answer).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(answer).bodyJson().extractingPath("$.detail").asString().contains("job-42");
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aViewerCannotStartAnUpload() {
        MvcTestResult answer = mvc.post().uri("/api/v1/uploads")
                .multipart().file(new MockMultipartFile("file", "p.csv", "text/csv", "ticker,segment\nA,OTHER\n".getBytes())).exchange();

        assertThat(answer).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(answer).bodyJson().extractingPath("$.requiredRole").isEqualTo("ANALYST");
        verify(jobs, never()).start(any(), any(), any(), any());
    }
}
