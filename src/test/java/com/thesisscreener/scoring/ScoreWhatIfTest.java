package com.thesisscreener.scoring;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RulesSettings;
import com.thesisscreener.security.ApiKeys;
import com.thesisscreener.security.SecurityConfiguration;
import com.thesisscreener.security.SecuritySettings;
import com.thesisscreener.security.SignInThrottle;
import com.thesisscreener.security.UserAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code ?whatIf=true} on {@code /api/v1/score} and {@code /score/batch}. */
@WebMvcTest(ScoreController.class)
@Import({ActiveRules.class, ScoreWhatIfTest.Meters.class, SecurityConfiguration.class, SignInThrottle.class})
@WithMockUser(roles = "VIEWER")
class ScoreWhatIfTest {

    /** VOL-SHORT at a 2x ratio with MOAT-NONE: AVOID; a volume growth of 2.401 (2.4 / 0.8 falls short in doubles) lifts it. */
    private static final String PURE_PLAY = """
            {"ticker":"VRSP","name":"Veridian Sparrow AI","segment":"MODEL_PROVIDER","proprietaryData":false,
             "distributionSwitchingCost":"LOW","ownsCompute":false,"apiRevenueShare":0.9,"tokenVolumeGrowth":1.6,
             "pricePerTokenChange":-0.8}""";

    @TestConfiguration
    @EnableConfigurationProperties({ScoringSettings.class, SecuritySettings.class, RulesSettings.class})
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserAccounts accounts;

    @MockitoBean
    ApiKeys apiKeys;

    @Test
    void askingForWhatIfAddsTheAnswersToTheResult() throws Exception {
        mvc.perform(post("/api/v1/score?whatIf=true").contentType(MediaType.APPLICATION_JSON).content(PURE_PLAY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.band").value("AVOID"))
                .andExpect(jsonPath("$.whatIf[?(@.field == 'tokenVolumeGrowth')].value").value(2.401))
                .andExpect(jsonPath("$.whatIf[?(@.field == 'tokenVolumeGrowth')].band").value("REDUCE"))
                .andExpect(jsonPath("$.whatIf[?(@.field == 'tokenVolumeGrowth')].direction").value("up"))
                .andExpect(jsonPath("$.whatIf[?(@.field == 'proprietaryData')].value").value(true));
    }

    @Test
    void withoutTheParameterTheResultIsAsBefore() throws Exception {
        mvc.perform(post("/api/v1/score").contentType(MediaType.APPLICATION_JSON).content(PURE_PLAY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.whatIf").doesNotExist());
    }

    @Test
    void aBatchCarriesAnswersOnEveryResultInInputOrder() throws Exception {
        String chip = """
                {"ticker":"CHIP","segment":"SEMICONDUCTORS","evToSales":12.0}""";
        mvc.perform(post("/api/v1/score/batch?whatIf=true").contentType(MediaType.APPLICATION_JSON).content("[" + PURE_PLAY + "," + chip + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[1].ticker").value("CHIP"))
                .andExpect(jsonPath("$[1].whatIf[?(@.field == 'evToSales')].value").value(15.0))
                .andExpect(jsonPath("$[1].whatIf[?(@.field == 'evToSales')].band").value("REDUCE"));
    }

    @Test
    void aWhatIfValueThatIsNotABooleanIsA400() throws Exception {
        mvc.perform(post("/api/v1/score?whatIf=maybe").contentType(MediaType.APPLICATION_JSON).content(PURE_PLAY))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
