package com.thesisscreener.portfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.ApiSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The blank import template as a download. */
@ApiSliceTest
class TemplateControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    @WithMockUser(roles = "VIEWER")
    void theTemplateDownloadsAsAnExcelWorkbook() {
        MvcTestResult answer = mvc.get().uri("/api/v1/template.xlsx").exchange();

        assertThat(answer).hasStatusOk().hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(answer.getResponse().getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
    }
}
