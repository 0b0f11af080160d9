package com.thesisscreener.ui;

import com.thesisscreener.portfolio.PortfolioService;
import com.thesisscreener.portfolio.UploadedFiles;
import com.thesisscreener.proposals.Proposals;
import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleImpact;
import com.thesisscreener.rules.RuleSetHistory;
import com.thesisscreener.rules.RulesSettings;
import com.thesisscreener.security.ApiKeys;
import com.thesisscreener.security.AuditLog;
import com.thesisscreener.security.SecurityConfiguration;
import com.thesisscreener.security.SecuritySettings;
import com.thesisscreener.security.SignInThrottle;
import com.thesisscreener.security.UserAccounts;
import com.thesisscreener.uploads.UploadJobs;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The one slice the workspace's page tests share (one cached context): the page controllers, their templates and
 * helpers, the error pages and the real security configuration, with the services behind them mocked. What a page
 * shows and answers is checked here; what a browser does with it, in the browser tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = {PortfolioPages.class, AdminPages.class, SignInPages.class, UploadPage.class, RulesPage.class, ProposalPages.class},
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.thesisscreener\\.ui\\..*"))
@Import({PageSliceTest.Support.class, ActiveRules.class, SecurityConfiguration.class, SignInThrottle.class})
@TestPropertySource(properties = "screener.rules-poll-interval=0s")
@MockitoBean(types = {UserAccounts.class, ApiKeys.class, AuditLog.class, PortfolioService.class, UploadedFiles.class,
        RuleSetHistory.class, RuleImpact.class, UploadJobs.class, Proposals.class, JdbcClient.class})
public @interface PageSliceTest {

    @TestConfiguration
    @EnableConfigurationProperties({SecuritySettings.class, RulesSettings.class})
    class Support {
    }
}
