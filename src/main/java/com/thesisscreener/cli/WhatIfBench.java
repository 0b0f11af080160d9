package com.thesisscreener.cli;

import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.WhatIfRules;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.WhatIf;
import com.thesisscreener.screening.WhatIfSearch;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bench --what-if N}: the what-if search for a portfolio of N generated companies on every core, next to
 * screening the same companies once in the same run, so the cost reads as a multiple of a plain screening.
 */
final class WhatIfBench {

    private WhatIfBench() {
    }

    static void measure(RuleSet rules, int size, int rounds, PrintWriter out) {
        List<Company> companies = SyntheticCompanies.generate(size, 42);
        WhatIfSearch search = WhatIfRules.searchFor(rules);
        search.findAll(companies.subList(0, Math.min(size, 200))); // warm the search's own code paths
        double[] screenMillis = new double[rounds];
        double[] whatIfMillis = new double[rounds];
        long answers = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            rules.screener().screen(companies);
            screenMillis[round] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            List<List<WhatIf>> found = search.findAll(companies);
            whatIfMillis[round] = (System.nanoTime() - start) / 1e6;
            answers = found.stream().mapToLong(List::size).sum();
        }
        Arrays.sort(screenMillis);
        Arrays.sort(whatIfMillis);
        double screen = screenMillis[rounds / 2];
        double whatIf = whatIfMillis[rounds / 2];
        out.printf("what-if, %,d companies on %d core(s): median %,.0f ms (best %,.0f, worst %,.0f over %d rounds), %.1f answers/company; "
                        + "screening them once: median %,.0f ms on one thread; ratio %.0fx%n",
                size, Runtime.getRuntime().availableProcessors(), whatIf, whatIfMillis[0], whatIfMillis[rounds - 1], rounds,
                (double) answers / size, screen, whatIf / Math.max(screen, 0.001));
    }
}
