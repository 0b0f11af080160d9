package com.thesisscreener.ui;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the stored inputs of one company (read-only) for the company page: "inputs used", by input name.
 */
@Component
class StoredCompanies {

    private final JdbcClient jdbc;

    StoredCompanies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The inputs of one company as stored, by input name (as in sample-data/README.md), in column order. */
    Map<String, Object> inputs(long portfolioId, String ticker) {
        List<Map<String, Object>> rows = jdbc.sql("select * from portfolio_company where portfolio_id = ? and ticker = ?")
                .params(portfolioId, ticker)
                .query((rs, n) -> row(rs))
                .list();
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            if (column.equals("portfolio_id") || column.equals("ordinal")) continue;
            values.put(camel(column), rs.getObject(i));
        }
        return values;
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** Every value of the row as text for display: blanks as "not known". */
    static List<Map.Entry<String, String>> display(Map<String, Object> inputs) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        inputs.forEach((k, v) -> out.add(Map.entry(k, v == null ? "not known" : String.valueOf(v))));
        return out;
    }
}
