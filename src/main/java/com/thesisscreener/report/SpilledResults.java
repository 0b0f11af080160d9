package com.thesisscreener.report;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Ranks more results than fit in memory. Each batch is sorted as it comes and written, compact (columns plus
 * {@link ExplanationCodec}) and gzipped, to a temporary file of its own; reading merges the files in rank order,
 * holding one result per file. A million results take about a hundred megabytes of disk and a few of heap.
 * {@link #close()} deletes the files.
 */
public final class SpilledResults implements RankedResults, AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final String ruleSetVersion;
    private final Path folder;
    private final List<Path> runs = new ArrayList<>();
    private final ResultStats.Builder stats = new ResultStats.Builder();

    public SpilledResults(String ruleSetVersion) {
        this.ruleSetVersion = ruleSetVersion;
        try {
            folder = Files.createTempDirectory("screener-results");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for ranking the results: " + e.getMessage(), e);
        }
    }

    /** Sorts a batch of results and writes it out; the batch may be reused afterwards. */
    public void add(List<Recommendation> batch) {
        if (batch.isEmpty()) return;
        List<Recommendation> sorted = new ArrayList<>(batch);
        sorted.sort(Recommendation.RANKING);
        Path run = folder.resolve("run-" + runs.size() + ".bin.gz");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(run), BUFFER), BUFFER))) {
            out.writeInt(sorted.size());
            for (Recommendation r : sorted) {
                write(out, r);
                stats.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not spill results to " + run + ": " + e.getMessage(), e);
        }
        runs.add(run);
    }

    @Override
    public ResultStats stats() {
        return stats.build();
    }

    @Override
    public void forEachRanked(Consumer<? super Recommendation> each) {
        var thesis = stats.build().thesisByRule();
        List<Head> open = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, runs.size()), Comparator.comparing(Head::current, Recommendation.RANKING));
            for (Path run : runs) {
                Head head = new Head(new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(run), BUFFER), BUFFER)),
                        thesis);
                open.add(head);
                if (head.advance()) heads.add(head);
            }
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                each.accept(head.current());
                if (head.advance()) heads.add(head);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the spilled results back: " + e.getMessage(), e);
        } finally {
            open.forEach(Head::close);
        }
    }

    @Override
    public void close() {
        try {
            for (Path run : runs) Files.deleteIfExists(run);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the temporary results in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, Recommendation r) throws IOException {
        ExplanationCodec.text(out, r.ticker());
        out.writeBoolean(r.name() != null);
        if (r.name() != null) ExplanationCodec.text(out, r.name());
        out.writeByte(r.segment().ordinal());
        out.writeInt(r.score());
        out.writeByte(r.band().ordinal());
        out.writeDouble(r.confidence());
        ExplanationCodec.write(out, r);
    }

    /** One sorted file being merged, positioned on its smallest unread result. */
    private final class Head {

        private final DataInputStream in;
        private final Map<String, String> thesis;
        private int left;
        private Recommendation current;

        Head(DataInputStream in, Map<String, String> thesis) throws IOException {
            this.in = in;
            this.thesis = thesis;
            this.left = in.readInt();
        }

        Recommendation current() {
            return current;
        }

        boolean advance() throws IOException {
            if (left == 0) return false;
            left--;
            String ticker = ExplanationCodec.text(in);
            String name = in.readBoolean() ? ExplanationCodec.text(in) : null;
            var columns = new ExplanationCodec.Columns(ticker, name, Segment.values()[in.readUnsignedByte()], in.readInt(),
                    Band.values()[in.readUnsignedByte()], in.readDouble());
            current = ExplanationCodec.read(in, columns, thesis, ruleSetVersion);
            return true;
        }

        void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read to the end already or failing anyway; the file is deleted on close of the results
            }
        }
    }
}
