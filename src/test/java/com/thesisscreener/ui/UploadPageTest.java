package com.thesisscreener.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.thesisscreener.portfolio.UploadedFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The upload form's answers, with the stored files mocked. */
@PageSliceTest
class UploadPageTest {

    static final MockMultipartFile WORKBOOK = new MockMultipartFile("file", "q3.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] {1, 2, 3});

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UploadedFiles uploads;

    @Test
    @WithMockUser(roles = "ANALYST")
    void aNameOverTwoHundredCharactersReturnsToTheListSayingWhyAndReadsNothing() throws Exception {
        MvcTestResult answer = mvc.post().uri("/portfolios/upload").multipart().file(WORKBOOK).param("name", "n".repeat(201))
                .with(csrf()).exchange();

        assertThat(answer).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/portfolios");
        assertThat(answer).flash().containsEntry("error", "The file was not imported: the name is longer than 200 characters");
        verify(uploads, never()).store(any(), any(), any());
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aViewerCannotUpload() throws Exception {
        MvcTestResult answer = mvc.post().uri("/portfolios/upload").multipart().file(WORKBOOK).with(csrf()).exchange();

        assertThat(answer).hasStatus(HttpStatus.FORBIDDEN);
        verify(uploads, never()).store(any(), any(), any());
    }
}
