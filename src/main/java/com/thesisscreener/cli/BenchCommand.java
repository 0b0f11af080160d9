package com.thesisscreener.cli;

import com.thesisscreener.rules.RuleCompilationException;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.RuleSetCompiler;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Screener;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code bench}: scores generated companies through the shipped rules, one batch per session on the
 * calling thread, and prints throughput and heap. Numbers, never assertions: tests do not time things.
 */
final class BenchCommand {

    private static final Set<String> OPTIONS = Set.of("companies", "rounds", "rules", "what-if");

    private final PrintWriter out;

    BenchCommand(PrintWriter out) {
        this.out = out;
    }

    int run(String[] args) throws UsageException {
        Options options = Options.parse(args, 1, OPTIONS);
        int rounds = options.intValue("rounds", 5);
        List<Integer> sizes = new ArrayList<>();
        for (String size : options.get("companies", "10000,100000").split(",")) {
            try {
                sizes.add(Integer.parseInt(size.strip().replace("_", "")));
            } catch (NumberFormatException e) {
                throw new UsageException("--companies takes sizes like 10000,100000, not '" + size + "'");
            }
        }
        if (rounds < 1 || sizes.stream().anyMatch(n -> n < 1)) throw new UsageException("--rounds and --companies must be positive");

        Path folder = CommandLine.rulesFolder(options);
        long compileStart = System.nanoTime();
        RuleSet rules;
        try {
            rules = new RuleSetCompiler().compile(folder);
        } catch (RuleCompilationException e) {
            out.println("the rules in " + folder + " do not compile:\n" + e.getMessage());
            return ExitCode.FAILED;
        }
        out.printf("rule set %s: %d rules in %d files, compiled in %d ms%n", rules.version(), rules.ruleCount(),
                rules.files().size(), (System.nanoTime() - compileStart) / 1_000_000);
        out.printf("java %s, %d processor(s) available, max heap %d MB; screening runs on one thread%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        Screener screener = rules.screener();
        warmUp(screener);
        for (int size : sizes) {
            measure(screener, size, rounds);
        }
        int whatIf = options.intValue("what-if", 0);
        if (whatIf > 0) WhatIfBench.measure(rules, whatIf, rounds, out);
        return ExitCode.OK;
    }

    private void warmUp(Screener screener) {
        List<Company> companies = SyntheticCompanies.generate(10_000, 7);
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until) {
            screener.screen(companies);
        }
    }

    private void measure(Screener screener, int size, int rounds) {
        List<Company> companies = SyntheticCompanies.generate(size, 42);
        double[] perSecond = new double[rounds];
        long peakHeap = 0;
        long findings = 0;
        for (int round = 0; round < rounds; round++) {
            System.gc();
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            List<Recommendation> results = screener.screen(companies);
            long elapsed = System.nanoTime() - start;
            perSecond[round] = size / (elapsed / 1e9);
            peakHeap = Math.max(peakHeap, heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
            findings = results.stream().mapToLong(r -> r.findings().size()).sum();
        }
        double[] sorted = perSecond.clone();
        Arrays.sort(sorted);
        out.printf("%,9d companies: median %,.0f companies/s (best %,.0f, worst %,.0f over %d rounds), %.1f findings/company, peak heap %d MB%n",
                size, sorted[rounds / 2], sorted[rounds - 1], sorted[0], rounds, (double) findings / size, peakHeap >> 20);
    }
}
