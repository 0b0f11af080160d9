package com.thesisscreener.report;

import com.thesisscreener.portfolio.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Results as JSON: the whole screening, each result written as it is read in rank order; or one company's recommendation. */
public final class JsonReport {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {
    }

    /** {@code {source, sheet, ruleSetVersion, summary, results: [...], problems: [...]}}, results best first. */
    public static void write(Screening s, Writer out) {
        try (JsonGenerator json = MAPPER.writer().createGenerator(new KeepOpenWriter(out))) {
            json.writeStartObject();
            json.writeStringProperty("source", s.source());
            json.writeStringProperty("sheet", s.sheet());
            json.writeStringProperty("ruleSetVersion", s.ruleSetVersion());
            json.writeName("summary");
            json.writePOJO(new Summary(s.rowsRead(), s.screened(), s.rowsRejected(), s.bandCounts(), s.ignoredColumns()));
            json.writeName("results");
            json.writeStartArray();
            s.results().forEachRanked(json::writePOJO);
            json.writeEndArray();
            json.writeName("problems");
            json.writePOJO(s.problems().stream().map(Problem::of).toList());
            json.writeEndObject();
        }
    }

    public static void write(Recommendation recommendation, Writer out) {
        MAPPER.writeValue(new KeepOpenWriter(out), recommendation);
    }

    record Summary(int rowsRead, int screened, int rejected, Map<Band, Integer> bands, List<String> ignoredColumns) {
    }

    record Problem(String sheet, int row, String column, String header, String value, String expected, String message) {
        static Problem of(RowProblem p) {
            return new Problem(p.sheet(), p.row(), p.column(), p.header(), p.value(), p.expected(), p.message());
        }
    }

    /** The caller's writer stays open: closing this only flushes. */
    private static final class KeepOpenWriter extends java.io.FilterWriter {

        KeepOpenWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws java.io.IOException {
            out.flush();
        }
    }
}
