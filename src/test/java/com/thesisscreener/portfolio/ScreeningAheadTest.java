package com.thesisscreener.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thesisscreener.cli.SyntheticCompanies;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.ShippedRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScreeningAheadTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void slicesScreenedOnSeveralThreadsComeBackInInputOrderWithTheResultsOfScreeningAllAtOnce() {
        List<Company> companies = SyntheticCompanies.generate(1_030, 3);
        List<Recommendation> sliced = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        try (ScreeningAhead screening = new ScreeningAhead(ShippedRules.screener(), companies, threads, 3, 100)) {
            while (screening.hasNext()) {
                starts.add(screening.nextFrom());
                PackedResults slice = screening.next();
                assertThat(slice.explanations().length).isEqualTo(slice.size());
                sliced.addAll(slice.results());
            }
        }

        assertThat(sliced).isEqualTo(ShippedRules.screener().screen(companies));
        assertThat(starts).hasSize(11).startsWith(0, 100, 200).endsWith(1_000);
    }

    @Test
    void aPortfolioFedSliceBySliceAsItIsReadComesBackAsIfScreenedAllAtOnce() {
        List<Company> companies = SyntheticCompanies.generate(730, 5);
        List<Recommendation> sliced = new ArrayList<>();
        try (ScreeningAhead screening = ScreeningAhead.fed(ShippedRules.screener(), threads, 2)) {
            for (int from = 0; from < companies.size(); from += 200) {
                screening.feed(List.copyOf(companies.subList(from, Math.min(companies.size(), from + 200))));
            }
            assertThat(screening.size()).isEqualTo(730);
            while (screening.hasNext()) sliced.addAll(screening.next().results());
        }

        assertThat(sliced).isEqualTo(ShippedRules.screener().screen(companies));
    }

    @Test
    void aSliceThatFailsToScreenThrowsWhatTheScreenerRaisedNotAWrapper() {
        List<Company> companies = new ArrayList<>(SyntheticCompanies.generate(250, 4));
        companies.set(180, null);

        try (ScreeningAhead screening = new ScreeningAhead(ShippedRules.screener(), companies, threads, 2, 100)) {
            assertThat(screening.next().size()).isEqualTo(100);
            assertThatThrownBy(screening::next).isInstanceOf(NullPointerException.class);
        }
    }
}
