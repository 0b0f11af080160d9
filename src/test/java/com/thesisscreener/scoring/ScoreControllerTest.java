package com.thesisscreener.scoring;

import com.thesisscreener.ApiSliceTest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@ApiSliceTest
@WithMockUser(roles = "VIEWER")
class ScoreControllerTest {

    private static final String PURE_PLAY = """
            {"ticker":"VRSP","name":"Veridian Sparrow AI","segment":"MODEL_PROVIDER","proprietaryData":false,
             "distributionSwitchingCost":"LOW","ownsCompute":false,"apiRevenueShare":0.9,"tokenVolumeGrowth":1.6,
             "pricePerTokenChange":-0.8}""";

    @Autowired
    MockMvc mvc;

    @Test
    @WithAnonymousUser
    void withoutCredentialsScoringIsA401ProblemDocument() throws Exception {
        score(PURE_PLAY)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"))
                .andExpect(jsonPath("$.detail").value(containsString("X-API-Key")));
        mvc.perform(post("/api/v1/score").header("X-API-Key", "tsk_unknown").contentType(MediaType.APPLICATION_JSON).content(PURE_PLAY))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("not valid or was revoked")));
    }

    @Test
    void aViewerMayScoreButNotUploadOrDelete() throws Exception {
        score(PURE_PLAY).andExpect(status().isOk());
        mvc.perform(post("/api/v1/portfolios").contentType(MediaType.MULTIPART_FORM_DATA))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/forbidden"))
                .andExpect(jsonPath("$.requiredRole").value("ANALYST"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/portfolios/1"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.requiredRole").value("ADMIN"));
    }

    @Test
    @WithMockUser(roles = "ANALYST")
    void anAnalystMayScoreTooButNotReloadRules() throws Exception {
        score(PURE_PLAY).andExpect(status().isOk());
        mvc.perform(post("/api/v1/rules/reload"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.requiredRole").value("ADMIN"));
    }

    @Test
    void scoresOneCompanyWithItsFindingsAndTheRuleSetVersion() throws Exception {
        score(PURE_PLAY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ticker").value("VRSP"))
                .andExpect(jsonPath("$.band").value("AVOID"))
                .andExpect(jsonPath("$.caps[0].ruleId").value("MOAT-NONE"))
                .andExpect(jsonPath("$.findings[0].ruleId").value("MOAT-NONE"))
                .andExpect(jsonPath("$.findings[0].points").value(-25))
                .andExpect(jsonPath("$.findings[0].thesis").value(containsString("Pure-play model providers")))
                .andExpect(jsonPath("$.derived.volumeToDeflationRatio").value(2.0))
                .andExpect(jsonPath("$.testsNotRun[0].ruleId").exists())
                .andExpect(jsonPath("$.ruleSetVersion").isString());
    }

    @Test
    void anUnknownFieldIsRefusedWithTheFieldsThatExist() throws Exception {
        score("{\"ticker\":\"A\",\"segment\":\"OTHER\",\"apiRevenue\":0.4}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-json"))
                .andExpect(jsonPath("$.detail").value(containsString("unknown field 'apiRevenue'")))
                .andExpect(jsonPath("$.detail").value(containsString("apiRevenueShare")))
                .andExpect(jsonPath("$.field").value("apiRevenue"));
    }

    @Test
    void aWrongTypeNamesTheField() throws Exception {
        score("{\"ticker\":\"A\",\"segment\":\"OTHER\",\"apiRevenueShare\":\"lots\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("apiRevenueShare"))
                .andExpect(jsonPath("$.detail").value(containsString("'lots' is not a valid number")));
    }

    @Test
    void anUnknownSegmentListsTheSegments() throws Exception {
        score("{\"ticker\":\"A\",\"segment\":\"BANKS\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("segment"))
                .andExpect(jsonPath("$.detail").value(containsString("MODEL_PROVIDER")));
    }

    @Test
    void aNegativeMarketCapIsOutOfRange() throws Exception {
        score("{\"ticker\":\"A\",\"segment\":\"OTHER\",\"marketCapUsd\":-5}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("marketCapUsd"))
                .andExpect(jsonPath("$.detail").value(containsString("marketCapUsd takes an amount in US dollars, 0 or more")));
    }

    @Test
    void aShareAboveOneIsOutOfRange() throws Exception {
        score("{\"ticker\":\"A\",\"segment\":\"OTHER\",\"apiRevenueShare\":45}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("apiRevenueShare"))
                .andExpect(jsonPath("$.detail").value(containsString("(was 45.0)")));
    }

    @Test
    void aTickerOverTheImportersLimitIsRefusedNamingTheFieldAndTheLimit() throws Exception {
        score("{\"ticker\":\"" + "T".repeat(64) + "\",\"segment\":\"OTHER\"}").andExpect(status().isOk());
        score("{\"ticker\":\"" + "T".repeat(65) + "\",\"segment\":\"OTHER\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("ticker"))
                .andExpect(jsonPath("$.detail").value(containsString("64")));
    }

    @Test
    void aNameOverTheImportersLimitIsRefusedNamingTheField() throws Exception {
        score("{\"ticker\":\"A\",\"name\":\"" + "n".repeat(256) + "\",\"segment\":\"OTHER\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail").value(containsString("255")));
    }

    @Test
    void aMissingTickerIsRefused() throws Exception {
        score("{\"segment\":\"OTHER\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("ticker"));
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        score("{\"ticker\":")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid JSON"))
                .andExpect(jsonPath("$.detail").value(containsString("malformed JSON")));
    }

    @Test
    void aBatchComesBackInInputOrder() throws Exception {
        batch("[" + PURE_PLAY + ",{\"ticker\":\"B\",\"segment\":\"OTHER\",\"ownsCompute\":true},{\"ticker\":\"C\",\"segment\":\"OTHER\"}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].ticker").value("VRSP"))
                .andExpect(jsonPath("$[1].ticker").value("B"))
                .andExpect(jsonPath("$[1].findings[0].ruleId").value("MOAT-COMPUTE"))
                .andExpect(jsonPath("$[2].ticker").value("C"));
    }

    @Test
    void aBadRecordInABatchIsNamedByItsIndex() throws Exception {
        batch("[{\"ticker\":\"A\",\"segment\":\"OTHER\"},{\"ticker\":\"B\",\"segment\":\"OTHER\",\"euRevenueShare\":1.5}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("[1].euRevenueShare"));
    }

    @Test
    void aBatchOverTheLimitAndAnEmptyBatchAreRefused() throws Exception {
        String four = "[" + "{\"ticker\":\"A\",\"segment\":\"OTHER\"},".repeat(3) + "{\"ticker\":\"D\",\"segment\":\"OTHER\"}]";
        batch(four).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("the limit is 3")));
        batch("[]").andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("empty")));
    }

    @Test
    void aWrongContentTypeIsAProblemDocument() throws Exception {
        mvc.perform(post("/api/v1/score").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions score(String json) throws Exception {
        return mvc.perform(post("/api/v1/score").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions batch(String json) throws Exception {
        return mvc.perform(post("/api/v1/score/batch").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** {@code ?whatIf=true} on {@code /api/v1/score} and {@code /score/batch}: the nearest change of each input that moves the band. */
    @Nested
    @WithMockUser(roles = "VIEWER")
    class WhatIf {

        // PURE_PLAY: VOL-SHORT at a 2x ratio with MOAT-NONE, AVOID; a volume growth of 2.401 (2.4 / 0.8 falls short in doubles) lifts it.

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
}
