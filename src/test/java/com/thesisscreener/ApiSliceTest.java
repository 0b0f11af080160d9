package com.thesisscreener;

import com.thesisscreener.portfolio.PortfolioService;
import com.thesisscreener.portfolio.UploadedFiles;
import com.thesisscreener.proposals.Proposals;
import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleImpact;
import com.thesisscreener.rules.RuleSetHistory;
import com.thesisscreener.rules.RulesSettings;
import com.thesisscreener.scoring.ScoringSettings;
import com.thesisscreener.security.ApiKeys;
import com.thesisscreener.security.AuditLog;
import com.thesisscreener.security.SecurityConfiguration;
import com.thesisscreener.security.SecuritySettings;
import com.thesisscreener.security.SignInThrottle;
import com.thesisscreener.security.UserAccounts;
import com.thesisscreener.uploads.UploadJobs;
import com.thesisscreener.web.StrictJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The one web-layer slice every REST controller's slice test shares (one cached context): the REST controllers,
 * their error advice and the real security configuration, with the services behind them mocked. The scoring
 * controller keeps the real rules (it is the engine's REST face). The pages of the workspace are left out: they have
 * a slice of their own ({@code ui.PageSliceTest}) and the browser tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.thesisscreener\\.ui\\..*"))
@Import({ApiSliceTest.Support.class, ActiveRules.class, SecurityConfiguration.class, SignInThrottle.class, StrictJson.class})
@TestPropertySource(properties = {"screener.batch-limit=3", "screener.rules-poll-interval=0s"})
@MockitoBean(types = {UserAccounts.class, ApiKeys.class, AuditLog.class, PortfolioService.class, UploadedFiles.class,
        RuleSetHistory.class, RuleImpact.class, UploadJobs.class, Proposals.class})
public @interface ApiSliceTest {

    @TestConfiguration
    @EnableConfigurationProperties({ScoringSettings.class, SecuritySettings.class, RulesSettings.class})
    class Support {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
