package com.thesisscreener.scoring;

import com.thesisscreener.ApiSliceTest;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** {@code ?whatIf=true} on {@code /api/v1/score} and {@code /score/batch}. */
@ApiSliceTest
@WithMockUser(roles = "VIEWER")
class ScoreWhatIfTest {

    /** VOL-SHORT at a 2x ratio with MOAT-NONE: AVOID; a volume growth of 2.401 (2.4 / 0.8 falls short in doubles) lifts it. */
    private static final String PURE_PLAY = """
            {"ticker":"VRSP","name":"Veridian Sparrow AI","segment":"MODEL_PROVIDER","proprietaryData":false,
             "distributionSwitchingCost":"LOW","ownsCompute":false,"apiRevenueShare":0.9,"tokenVolumeGrowth":1.6,
             "pricePerTokenChange":-0.8}""";


    @Autowired
    MockMvc mvc;


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
