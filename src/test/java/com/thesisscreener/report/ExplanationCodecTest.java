package com.thesisscreener.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Cap;
import com.thesisscreener.screening.DerivedFigures;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.TestNotRun;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class ExplanationCodecTest {

    private static final Map<String, String> THESIS = Map.of(
            "moat-anchor", "Proprietary data is a moat anchor.",
            "api-margin-pressure", "Open-source models press on API margins.",
            "volume-beats-deflation", "Token volume growth must exceed per-token price deflation by 3x or more.");
    private static final ExplanationCodec.Columns COLUMNS =
            new ExplanationCodec.Columns("VRSP", "Veridian Sparrow AI", Segment.MODEL_PROVIDER, 42, Band.REDUCE, 0.75);

    private final ExplanationCodec codec = new ExplanationCodec();

    @Test
    void aStoredExplanationReadsBackAsTheSameResultWithItsThesisPassages() {
        Recommendation result = result();

        byte[] stored = codec.pack(result);

        assertThat(codec.unpack(stored, COLUMNS, THESIS, "v1")).isEqualTo(result);
    }

    @Test
    void anExplanationIsStoredAsWrittenNotDeflated() throws IOException {
        Recommendation result = result();

        byte[] stored = codec.pack(result);

        assertThat(stored[0] & 0xFF).isEqualTo(ExplanationCodec.PLAIN);
        assertThat(Arrays.copyOfRange(stored, 1, stored.length)).isEqualTo(written(result));
    }

    @Test
    void anExplanationStoredDeflatedByEarlierVersionsIsStillRead() throws IOException {
        Recommendation result = result();
        byte[] deflated = deflate(written(result));

        assertThat(deflated[0] & 0xFF).isNotEqualTo(ExplanationCodec.PLAIN);
        assertThat(codec.unpack(deflated, COLUMNS, THESIS, "v1")).isEqualTo(result);
    }

    @Test
    void aDamagedExplanationIsRefusedNamingTheCompany() {
        byte[] stored = codec.pack(result());
        byte[] truncated = Arrays.copyOf(stored, stored.length / 2);

        assertThatThrownBy(() -> codec.unpack(truncated, COLUMNS, THESIS, "v1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("VRSP");
    }

    private static Recommendation result() {
        List<Finding> findings = List.of(
                new Finding("api-margin-pressure", -15, "API revenue 90% with open weights 4 months behind: margins under pressure", THESIS.get("api-margin-pressure")),
                new Finding("volume-beats-deflation", -10, "Token volume +160% against price -80%: 2.0x, below 3.0x", THESIS.get("volume-beats-deflation")),
                new Finding("moat-anchor", 0, "No moat anchor — «ünïcode» kept exactly", THESIS.get("moat-anchor")));
        return new Recommendation("VRSP", "Veridian Sparrow AI", Segment.MODEL_PROVIDER, 42, Band.HOLD, Band.REDUCE, 0.75,
                findings, List.of(new Cap("api-margin-pressure", Band.REDUCE)), new DerivedFigures(0, 2.0, -0.48, false),
                List.of(new TestNotRun("eu-exposure", List.of("euRevenueShare"))), "v1");
    }

    private static byte[] written(Recommendation result) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ExplanationCodec.write(out, result);
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(bytes);
        deflater.finish();
        byte[] out = new byte[bytes.length + 64];
        int length = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, length);
    }
}
