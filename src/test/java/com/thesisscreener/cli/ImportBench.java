package com.thesisscreener.cli;

import com.thesisscreener.importing.ImportLimits;
import com.thesisscreener.importing.ImportSummary;
import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.PortfolioReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Import benchmark: rows/second and peak heap of the portfolio importer (every check on: header search, column
 * mapping, conversions, duplicate tickers) against reference peers reading the same files: fastexcel-reader for
 * .xlsx (every cell's raw value), and for .csv Apache Commons CSV (a real parser: quotes, escapes, every field
 * touched) beside a plain BufferedReader line split (the floor: no quotes, no checks). Each case runs in its own JVM
 * with the same heap cap, so peak heap is that case's alone. Numbers are printed, never asserted.
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.thesisscreener.cli.ImportBench \
 *     -Dexec.args="--sizes 10000,100000,1000000 --heap 256m --dir target/import-bench"
 * </pre>
 */
public final class ImportBench {

    private static final List<String> XLSX_READERS = List.of("importer", "fastexcel");
    private static final List<String> CSV_READERS = List.of("importer", "commons-csv", "line-split");

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--case")) {
            runCase(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        String heap = "256m";
        Path dir = Path.of("target/import-bench");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[i + 1].split(",")).map(s -> Integer.parseInt(s.strip().replace("_", ""))).toList();
                case "--heap" -> heap = args[i + 1];
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(dir);
        String classpath = classpath();
        System.out.printf(Locale.ROOT, "java %s, %d processor(s), -Xmx%s per case, each case in its own JVM%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), heap);
        System.out.println("| rows | format | reader | rows/s (median) | peak heap MB | importer / peer |");
        System.out.println("|---:|---|---|---:|---:|---:|");
        for (int size : sizes) {
            for (String format : List.of("xlsx", "csv")) {
                Path file = dir.resolve("portfolio-" + size + "." + format);
                if (!Files.exists(file)) {
                    if (format.equals("xlsx")) {
                        GenerateCommand.writeXlsx(file, size, 42);
                    } else {
                        GenerateCommand.writeCsv(file, size, 42);
                    }
                }
                // Small files need more rounds before the JIT has compiled the parser: the first round is never timed.
                int rounds = size <= 10_000 ? 20 : size <= 100_000 ? 5 : 2;
                double ours = 0;
                for (String reader : format.equals("xlsx") ? XLSX_READERS : CSV_READERS) {
                    String[] result = fork(classpath, heap, reader, file, rounds);
                    double perSecond = Double.parseDouble(result[0]);
                    String ratio = "";
                    if (reader.equals("importer")) {
                        ours = perSecond;
                    } else if (perSecond > 0) {
                        ratio = String.format(Locale.ROOT, "%.2f", ours / perSecond);
                    }
                    System.out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s |%n", size, format, reader,
                            perSecond > 0 ? String.format(Locale.ROOT, "%,.0f", perSecond) : "failed: " + result[2],
                            result[1], ratio);
                }
            }
        }
    }

    /** One case in a fresh JVM; answers rows/s, peak heap MB and a note. */
    private static String[] fork(String classpath, String heap, String reader, Path file, int rounds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx" + heap, "-cp", classpath, ImportBench.class.getName(),
                "--case", reader, file.toString(), Integer.toString(rounds))
                .redirectErrorStream(true).start();
        String output;
        try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
            output = out.lines().collect(Collectors.joining("\n"));
        }
        process.waitFor();
        for (String line : output.lines().toList()) {
            if (line.startsWith("RESULT ")) {
                return line.substring(7).split(" ", 3);
            }
        }
        String last = output.lines().filter(line -> !line.isBlank()).reduce((a, b) -> b).orElse("no output");
        return new String[]{"0", "-", last.length() > 80 ? last.substring(0, 80) : last};
    }

    /** The project's test classpath, whether run by exec:java (a URLClassLoader) or plain java -cp. */
    private static String classpath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 1) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (Exception e) {
                    entries.add(url.getPath());
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** Runs one reader on one file: the first round warms the JIT, the rest are timed; prints one RESULT line. */
    private static void runCase(String reader, Path file, int rounds) throws Exception {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        double[] perSecond = new double[Math.max(1, rounds - 1)];
        long rows = 0;
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            rows = read(reader, file);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (round > 0 || rounds == 1) {
                perSecond[Math.max(0, round - 1)] = rows / seconds;
            }
        }
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        Arrays.sort(perSecond);
        System.out.printf(Locale.ROOT, "RESULT %.0f %d %d rows%n", perSecond[perSecond.length / 2], peak >> 20, rows);
    }

    private static long read(String reader, Path file) throws Exception {
        return switch (reader) {
            case "importer" -> importer(file);
            case "importer-list" -> importerList(file);
            case "fastexcel" -> fastexcel(file);
            case "commons-csv" -> commonsCsv(file);
            case "line-split" -> lineSplit(file);
            default -> throw new IllegalArgumentException(reader);
        };
    }

    /** The importer streaming companies to a consumer that only counts them: what an import itself costs. */
    private static long importer(Path file) throws Exception {
        long[] count = {0};
        ImportSummary summary = new PortfolioReader(limits()).readEach(file, null, company -> count[0]++);
        if (!summary.problems().isEmpty()) {
            throw new IllegalStateException(summary.problems().size() + " problems, first: " + summary.problems().get(0).message());
        }
        return summary.rowsRead();
    }

    /** The importer holding every company, as {@code screen} does before scoring. */
    private static long importerList(Path file) throws Exception {
        ImportedPortfolio portfolio = new PortfolioReader(limits()).read(file);
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "heap after GC holding %,d companies: %d MB%n", portfolio.companies().size(), used >> 20);
        return portfolio.rowsRead();
    }

    private static ImportLimits limits() {
        return ImportLimits.defaults();
    }

    /** fastexcel-reader: every row of the first sheet, every cell's raw value touched. */
    private static long fastexcel(Path file) throws IOException {
        long rows = 0;
        long chars = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile()); Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) stream::iterator) {
                for (Cell cell : row) {
                    if (cell != null && cell.getRawValue() != null) {
                        chars += cell.getRawValue().length();
                    }
                }
                rows++;
            }
        }
        return chars >= 0 ? rows - 1 : 0; // less the header, like rowsRead
    }

    /** Apache Commons CSV with the header row: every record parsed, every field's text touched. */
    private static long commonsCsv(Path file) throws IOException {
        long rows = 0;
        long chars = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                for (String field : record) chars += field.length();
                rows++;
            }
        }
        return chars >= 0 ? rows : 0;
    }

    /** The simplest CSV reading there is: lines split on commas, no quotes, no checks. */
    private static long lineSplit(Path file) throws IOException {
        long rows = 0;
        long fields = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                fields += line.split(",", -1).length;
                rows++;
            }
        }
        return fields >= 0 ? rows - 1 : 0;
    }
}
