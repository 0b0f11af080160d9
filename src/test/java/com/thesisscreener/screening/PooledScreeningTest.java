package com.thesisscreener.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Pooled sessions and batches split over the cores give exactly what one company at a time gives. */
class PooledScreeningTest {

    @Test
    void aBatchSplitOverTheCoresComesBackInInputOrderWithTheResultsOfEachCompanyAlone() {
        List<Company> companies = companies(Screener.PARALLEL_FROM + Screener.SESSION_SIZE + 777);
        Screener screener = ShippedRules.screener();

        List<Recommendation> batch = screener.screen(companies);

        assertThat(batch).extracting(Recommendation::ticker).isEqualTo(companies.stream().map(Company::ticker).toList());
        for (int i = 0; i < companies.size(); i += 997) {
            assertThat(batch.get(i)).isEqualTo(screener.screen(companies.get(i)));
        }
    }

    @Test
    void aBatchOfSeveralSessionsBelowTheParallelSizeIsScreenedOnTheCallersThreadInInputOrder() {
        List<Company> companies = companies(Screener.SESSION_SIZE * 2 + 333);
        Screener screener = ShippedRules.screener();
        List<Thread> reportedOn = java.util.Collections.synchronizedList(new ArrayList<>());

        List<Recommendation> batch = screener.screen(companies, screened -> reportedOn.add(Thread.currentThread()));

        assertThat(reportedOn).hasSize(3).containsOnly(Thread.currentThread());
        assertThat(batch).extracting(Recommendation::ticker).isEqualTo(companies.stream().map(Company::ticker).toList());
        for (int i = 0; i < companies.size(); i += 499) {
            assertThat(batch.get(i)).isEqualTo(screener.screen(companies.get(i)));
        }
    }

    @Test
    void aLargeBatchReportsTheCompaniesScreenedAsEachSliceFinishesEndingWithAllOfThem() {
        List<Company> companies = companies(Screener.PARALLEL_FROM + Screener.SESSION_SIZE + 777);
        int slices = (companies.size() + Screener.SESSION_SIZE - 1) / Screener.SESSION_SIZE;
        List<Integer> reported = java.util.Collections.synchronizedList(new ArrayList<>());

        List<Recommendation> batch = ShippedRules.screener().screen(companies, reported::add);

        assertThat(batch).hasSize(companies.size());
        assertThat(reported).hasSize(slices).isSorted().doesNotHaveDuplicates();
        assertThat(reported.get(slices - 1)).isEqualTo(companies.size());
        assertThat(reported.get(0)).isIn(Screener.SESSION_SIZE, 777);
    }

    @Test
    void callsAtTheSameTimeNeverSeeEachOthersCompanies() throws Exception {
        List<Company> companies = companies(400);
        Screener screener = ShippedRules.screener();
        List<Recommendation> expected = screener.screen(companies);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Recommendation>> answers = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (Company company : companies) answers.add(callers.submit(() -> screener.screen(company)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(expected.get(i % companies.size()));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** Companies spread over the volume, moat and risk thresholds, so different rules fire for neighbours. */
    private static List<Company> companies(int count) {
        List<Company> companies = new ArrayList<>(count);
        Segment[] segments = Segment.values();
        for (int i = 0; i < count; i++) {
            companies.add(ShippedRules.apiSeller("C" + i, (i % 50) / 10.0, i % 7 == 0 ? null : -(i % 9) / 10.0)
                    .segment(segments[i % segments.length])
                    .proprietaryData(i % 3 == 0)
                    .ownsCompute(i % 4 == 0)
                    .capexToRevenue((i % 10) / 10.0)
                    .euRevenueShare((i % 5) / 10.0)
                    .marketCapUsd(i % 2 == 0 ? 5e9 : 50e9)
                    .build());
        }
        return companies;
    }
}
