package com.thesisscreener.report;

import com.thesisscreener.portfolio.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

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

    record Summary(int rowsRead, int screened, int rejected, Map<Band, Integer> bands, List<String> ignoredColumns) {
    }

    record Problem(String sheet, int row, String column, String header, String value, String expected, String message) {
        static Problem of(RowProblem p) {
            return new Problem(p.sheet(), p.row(), p.column(), p.header(), p.value(), p.expected(), p.message());
        }
    }

    record Document(String source, String sheet, String ruleSetVersion, Summary summary, List<Recommendation> results,
                    List<Problem> problems) {
        static Document of(Screening s) {
            return new Document(s.source(), s.sheet(), s.ruleSetVersion(),
                    new Summary(s.rowsRead(), s.ranked().size(), s.rowsRejected(), s.bandCounts(), s.ignoredColumns()),
                    s.ranked(), s.problems().stream().map(Problem::of).toList());
        }
    }
}
