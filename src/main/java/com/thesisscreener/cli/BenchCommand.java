package com.thesisscreener.cli;

import com.thesisscreener.rules.RuleCompilationException;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.RuleSetCompiler;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Screener;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: scores generated companies through the shipped rules and prints throughput and heap; side by side,
 * when the test classes are on the class path, the plain-Java reading of THESIS.md that the differential test holds
 * the rules to ({@value #REFERENCE}), with the ratio. The jar does not contain the test classes:
 * {@code src/bench/engine-bench.sh} runs the jar with them. Numbers, never assertions: tests do not time things.
 */
@Command(name = "bench", description = "Scores generated companies through the rules and prints companies/s and heap.")
final class BenchCommand implements Callable<Integer> {
    static final String REFERENCE = "com.thesisscreener.reference.ReferenceThesis";

    private final PrintWriter out;

    BenchCommand(PrintWriter out) {
        this.out = out;
    }

    @Mixin
    private HelpOption help;
    @Option(names = "--companies", paramLabel = "N,N", defaultValue = "10000,100000", description = "batch sizes (default ${DEFAULT-VALUE})")
    private String companies;
    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", converter = WholeNumber.class,
            description = "timed rounds per size (default ${DEFAULT-VALUE})")
    private int rounds;
    @Option(names = "--what-if", paramLabel = "N", defaultValue = "0", converter = WholeNumber.class,
            description = "also time the what-if search for N companies (e.g. 1000) beside screening them")
    private int whatIf;
    @Option(names = "--rules", paramLabel = "DIR", description = "rule folder (default ./rules)")
    private Path rulesOption;

    @Override
    public Integer call() throws UsageException {
        List<Integer> sizes = new ArrayList<>();
        for (String size : companies.split(",")) {
            try {
                sizes.add(Integer.parseInt(size.strip().replace("_", "")));
            } catch (NumberFormatException e) {
                throw new UsageException("--companies takes sizes like 10000,100000, not '" + size + "'");
            }
        }
        if (rounds < 1 || sizes.stream().anyMatch(n -> n < 1)) throw new UsageException("--rounds and --companies must be positive");

        Path folder = CommandLine.rulesFolder(rulesOption);
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
        out.printf("java %s, %d processor(s) available, max heap %d MB; sessions of %,d companies, on every core for batches over %,d; "
                        + "the reference runs on one thread%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Screener.SESSION_SIZE, Screener.PARALLEL_FROM);

        Screener screener = rules.screener();
        Optional<Function<Company, ?>> reference = reference();
        if (reference.isEmpty()) {
            out.println("reference: " + REFERENCE + " is not on the class path (it lives in the test sources); "
                    + "src/bench/engine-bench.sh runs this with it");
        }
        warmUp(companies -> screener.screen(companies));
        reference.ifPresent(plain -> warmUp(companies -> companies.forEach(plain::apply)));
        for (int size : sizes) {
            List<Company> companies = SyntheticCompanies.generate(size, 42);
            double engine = measure("rules", companies, rounds, batch -> screener.screen(batch).stream().mapToLong(r -> r.findings().size()).sum());
            if (reference.isPresent()) {
                Function<Company, ?> plain = reference.get();
                double java = measure("reference", companies, rounds, batch -> {
                    batch.forEach(plain::apply);
                    return -1;
                });
                out.printf("%,9d companies: rules / reference throughput = %.2f%n", size, engine / java);
            }
        }
        if (whatIf > 0) WhatIfBench.measure(rules, whatIf, rounds, out);
        return ExitCode.OK;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Function<Company, ?>> reference() {
        try {
            return Optional.of((Function<Company, ?>) Class.forName(REFERENCE).getConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError absent) {
            return Optional.empty();
        }
    }

    private static void warmUp(Consumer<List<Company>> screen) {
        List<Company> companies = SyntheticCompanies.generate(10_000, 7);
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until) {
            screen.accept(companies);
        }
    }

    /** Median companies/s over the rounds; {@code screen} answers the findings it produced, or -1 when it does not count them. */
    private double measure(String what, List<Company> companies, int rounds, ToLongFunction<List<Company>> screen) {
        int size = companies.size();
        double[] perSecond = new double[rounds];
        long peakHeap = 0;
        long findings = 0;
        for (int round = 0; round < rounds; round++) {
            System.gc();
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            findings = screen.applyAsLong(companies);
            long elapsed = System.nanoTime() - start;
            perSecond[round] = size / (elapsed / 1e9);
            peakHeap = Math.max(peakHeap, heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
        }
        double[] sorted = perSecond.clone();
        Arrays.sort(sorted);
        out.printf("%,9d companies, %-9s: median %,.0f companies/s (best %,.0f, worst %,.0f over %d rounds)%s, peak heap %d MB%n",
                size, what, sorted[rounds / 2], sorted[rounds - 1], sorted[0], rounds,
                findings < 0 ? "" : String.format(", %.1f findings/company", (double) findings / size), peakHeap >> 20);
        return sorted[rounds / 2];
    }
}
