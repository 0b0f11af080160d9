package com.thesisscreener.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.thesisscreener.importing.PositionFigures;
import com.thesisscreener.importing.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.WhatIf;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Results as JSON: the whole screening, each result written as it is read in rank order; or one company's recommendation. */
public final class JsonReport {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {
    }

    /** {@code {source, sheet, ruleSetVersion, summary, results: [...], problems: [...]}}, results best first. */
    public static void write(Screening s, Writer out) {
        write(s, recommendation -> recommendation, out);
    }

    /** The screening with a {@code whatIf} list on each result (see {@link WhatIf}); answers by ticker. */
    public static void write(Screening screening, Map<String, List<WhatIf>> whatIf, Writer out) {
        write(screening, r -> withWhatIf(r, whatIf.get(r.ticker())), out);
    }

    private static void write(Screening s, Function<Recommendation, Object> result, Writer out) {
        try (JsonGenerator json = MAPPER.writer().createGenerator(new KeepOpenWriter(out))) {
            json.writeStartObject();
            json.writeStringProperty("source", s.source());
            json.writeStringProperty("sheet", s.sheet());
            json.writeStringProperty("ruleSetVersion", s.ruleSetVersion());
            json.writeName("summary");
            json.writePOJO(new Summary(s.rowsRead(), s.screened(), s.rowsRejected(), s.bandCounts(), s.ignoredColumns(), s.positions()));
            json.writeName("results");
            json.writeStartArray();
            s.results().forEachRanked(r -> json.writePOJO(result.apply(r)));
            json.writeEndArray();
            json.writeName("problems");
            json.writePOJO(s.problems().stream().map(Problem::of).toList());
            json.writeEndObject();
        }
    }

    public static void write(Recommendation recommendation, Writer out) {
        MAPPER.writeValue(new KeepOpenWriter(out), recommendation);
    }

    /** One result with its {@code whatIf} list. */
    public static void write(Recommendation recommendation, List<WhatIf> whatIf, Writer out) {
        MAPPER.writeValue(new KeepOpenWriter(out), withWhatIf(recommendation, whatIf));
    }

    /** A result as JSON with {@code "whatIf": [{"field", "value", "band", "direction"}, ...]} added. */
    public static ObjectNode withWhatIf(Recommendation recommendation, List<WhatIf> whatIf) {
        ObjectNode node = MAPPER.valueToTree(recommendation);
        node.set("whatIf", MAPPER.valueToTree(whatIf == null ? List.of() : whatIf));
        return node;
    }

    record Summary(int rowsRead, int screened, int rejected, Map<Band, Integer> bands, List<String> ignoredColumns,
                   @JsonInclude(JsonInclude.Include.NON_NULL) PositionFigures positions) {
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
