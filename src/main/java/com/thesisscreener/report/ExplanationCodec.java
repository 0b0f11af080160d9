package com.thesisscreener.report;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Cap;
import com.thesisscreener.screening.DerivedFigures;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.TestNotRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The explanation of a result in a few hundred bytes: each finding as rule id, points and sentence (the thesis
 * passage is kept once per rule elsewhere), the caps, the derived figures and the tests not run. The store keeps it
 * per result; the command line spills it while ranking. Not thread-safe: one per writing or reading loop.
 *
 * <p>Stored as written, behind a {@link #PLAIN} mark. Explanations were deflated one by one before: zlib spent
 * 20-29 us on each (setting up a block for a few hundred bytes), more than screening the company, to save a third of
 * 520 bytes. Those are still read.
 */
public final class ExplanationCodec {

    private static final int FORMAT = 1;
    private static final int RATIO_KNOWN = 1;
    private static final int GROWTH_KNOWN = 2;
    private static final int PRICE_ASSUMED = 4;

    /** The columns of a result that are stored beside its explanation. */
    public record Columns(String ticker, String name, Segment segment, int score, Band band, double confidence) {
    }

    /**
     * First byte of an explanation stored as written. Read as the start of a raw deflate stream it names block type 3,
     * which does not exist, so no explanation stored deflated starts with it.
     */
    static final int PLAIN = 0xFE;

    private final Inflater inflater = new Inflater(true);
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream(1024);
    private final byte[] buffer = new byte[8192];

    /** The explanation of {@code r}, as stored. */
    public byte[] pack(Recommendation r) {
        raw.reset();
        raw.write(PLAIN);
        try (DataOutputStream out = new DataOutputStream(raw)) {
            write(out, r);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return raw.toByteArray();
    }

    /** The result again, from its columns, its packed explanation and the thesis passages by rule id. */
    public Recommendation unpack(byte[] packed, Columns columns, Map<String, String> thesisByRule, String ruleSetVersion) {
        try {
            InputStream explanation = packed.length > 0 && (packed[0] & 0xFF) == PLAIN
                    ? new ByteArrayInputStream(packed, 1, packed.length - 1) : new ByteArrayInputStream(inflate(packed));
            return read(new DataInputStream(explanation), columns, thesisByRule, ruleSetVersion);
        } catch (IOException corrupt) {
            throw new IllegalStateException("stored result of " + columns.ticker() + " cannot be read: " + corrupt.getMessage(), corrupt);
        }
    }

    /** Writes the explanation of {@code r}, not its columns. */
    public static void write(DataOutputStream out, Recommendation r) throws IOException {
        out.writeByte(FORMAT);
        out.writeByte(r.scoreBand().ordinal());
        DerivedFigures d = r.derived();
        out.writeInt(d.moatAnchorCount());
        out.writeByte((d.volumeToDeflationRatio() != null ? RATIO_KNOWN : 0) | (d.impliedRevenuePerUnitGrowth() != null ? GROWTH_KNOWN : 0)
                | (d.priceChangeAssumed() ? PRICE_ASSUMED : 0));
        if (d.volumeToDeflationRatio() != null) out.writeDouble(d.volumeToDeflationRatio());
        if (d.impliedRevenuePerUnitGrowth() != null) out.writeDouble(d.impliedRevenuePerUnitGrowth());
        out.writeInt(r.findings().size());
        for (Finding f : r.findings()) {
            text(out, f.ruleId());
            out.writeInt(f.points());
            text(out, f.sentence());
        }
        out.writeInt(r.caps().size());
        for (Cap cap : r.caps()) {
            text(out, cap.ruleId());
            out.writeByte(cap.ceiling().ordinal());
        }
        out.writeInt(r.testsNotRun().size());
        for (TestNotRun test : r.testsNotRun()) {
            text(out, test.ruleId());
            out.writeInt(test.missingInputs().size());
            for (String input : test.missingInputs()) text(out, input);
        }
    }

    /** Reads what {@link #write} wrote and puts the result together with its columns. */
    public static Recommendation read(DataInputStream in, Columns c, Map<String, String> thesisByRule, String version) throws IOException {
        int format = in.readUnsignedByte();
        if (format != FORMAT) throw new IOException("unknown format " + format);
        Band scoreBand = Band.values()[in.readUnsignedByte()];
        int moatAnchors = in.readInt();
        int flags = in.readUnsignedByte();
        Double ratio = (flags & RATIO_KNOWN) != 0 ? in.readDouble() : null;
        Double growth = (flags & GROWTH_KNOWN) != 0 ? in.readDouble() : null;
        DerivedFigures derived = new DerivedFigures(moatAnchors, ratio, growth, (flags & PRICE_ASSUMED) != 0);
        List<Finding> findings = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String ruleId = text(in);
            int points = in.readInt();
            findings.add(new Finding(ruleId, points, text(in), thesisByRule.getOrDefault(ruleId, "")));
        }
        List<Cap> caps = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) caps.add(new Cap(text(in), Band.values()[in.readUnsignedByte()]));
        List<TestNotRun> notRun = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String ruleId = text(in);
            List<String> inputs = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) inputs.add(text(in));
            notRun.add(new TestNotRun(ruleId, inputs));
        }
        return new Recommendation(c.ticker(), c.name(), c.segment(), c.score(), scoreBand, c.band(), c.confidence(),
                findings, caps, derived, notRun, version);
    }

    /** An explanation stored deflated, before they were stored as written. */
    private byte[] inflate(byte[] bytes) throws IOException {
        inflater.reset();
        inflater.setInput(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 3);
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new IOException("truncated");
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static void text(DataOutputStream out, String value) throws IOException {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String text(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
