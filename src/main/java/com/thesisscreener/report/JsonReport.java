package com.thesisscreener.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.thesisscreener.portfolio.PositionFigures;
import com.thesisscreener.portfolio.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.WhatIf;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Results as JSON: the whole screening, or one company's recommendation. */
public final class JsonReport {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {
    }

    public static void write(Screening screening, Writer out) {
        MAPPER.writeValue(out, Document.of(screening));
    }

    public static void write(Recommendation recommendation, Writer out) {
        MAPPER.writeValue(out, recommendation);
    }

    /** The screening with a {@code whatIf} list on each result (see {@link WhatIf}); answers by ticker. */
    public static void write(Screening screening, Map<String, List<WhatIf>> whatIf, Writer out) {
        Document document = Document.of(screening);
        List<Object> results = screening.ranked().stream().map(r -> (Object) withWhatIf(r, whatIf.get(r.ticker()))).toList();
        MAPPER.writeValue(out, new Document(document.source(), document.sheet(), document.ruleSetVersion(), document.summary(),
                results, document.problems()));
    }

    /** One result with its {@code whatIf} list. */
    public static void write(Recommendation recommendation, List<WhatIf> whatIf, Writer out) {
        MAPPER.writeValue(out, withWhatIf(recommendation, whatIf));
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

    record Document(String source, String sheet, String ruleSetVersion, Summary summary, List<?> results,
                    List<Problem> problems) {
        static Document of(Screening s) {
            return new Document(s.source(), s.sheet(), s.ruleSetVersion(),
                    new Summary(s.rowsRead(), s.ranked().size(), s.rowsRejected(), s.bandCounts(), s.ignoredColumns(),
                            s.positions()),
                    s.ranked(), s.problems().stream().map(Problem::of).toList());
        }
    }
}
