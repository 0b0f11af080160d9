package com.thesisscreener.portfolio;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.CompanyField;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A company's row in {@code portfolio_company}, derived from the input catalogue: one column per input, named in
 * snake case ({@code apiRevenueShare} is {@code api_revenue_share}), stored by the input's type.
 */
final class CompanyRows {

    private static final CompanyField[] FIELDS = CompanyField.values();
    private static final String[] COLUMN_NAMES = Arrays.stream(FIELDS).map(f -> snakeCase(f.fieldName())).toArray(String[]::new);

    /** The input columns in catalogue order, comma-separated, for an insert. */
    static final String COLUMNS = String.join(", ", COLUMN_NAMES);
    /** One bind marker per input column. */
    static final String MARKERS = String.join(", ", Collections.nCopies(FIELDS.length, "?"));

    private CompanyRows() {
    }

    /** Binds every input of {@code company} from parameter {@code first} on; answers the next free parameter. */
    static int bind(PreparedStatement ps, int first, Company company) throws SQLException {
        int index = first;
        for (CompanyField field : FIELDS) {
            Object value = field.valueOf(company);
            if (value == null) ps.setNull(index++, sqlType(field.type()));
            else if (value instanceof Enum<?> constant) ps.setString(index++, constant.name());
            else if (value instanceof Double number) ps.setDouble(index++, number);
            else if (value instanceof Integer count) ps.setInt(index++, count);
            else if (value instanceof Boolean flag) ps.setBoolean(index++, flag);
            else ps.setString(index++, (String) value);
        }
        return index;
    }

    /** The company a row holds. */
    static Company read(ResultSet rs) throws SQLException {
        Company.Builder builder = Company.builder(null, null);
        for (int i = 0; i < FIELDS.length; i++) {
            FieldReader reader = readerFor(FIELDS[i].type());
            FIELDS[i].set(builder, reader.read(rs, COLUMN_NAMES[i]));
        }
        return builder.build();
    }

    private interface FieldReader {
        Object read(ResultSet rs, String column) throws SQLException;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static FieldReader readerFor(Class<?> type) {
        if (type == Double.class) return (rs, column) -> present(rs, rs.getDouble(column));
        if (type == Integer.class) return (rs, column) -> present(rs, rs.getInt(column));
        if (type == Boolean.class) return (rs, column) -> present(rs, rs.getBoolean(column));
        if (type.isEnum()) {
            return (rs, column) -> {
                String name = rs.getString(column);
                return name == null ? null : Enum.valueOf((Class) type, name);
            };
        }
        return ResultSet::getString;
    }

    private static Object present(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private static int sqlType(Class<?> type) {
        if (type == Double.class) return Types.DOUBLE;
        if (type == Integer.class) return Types.INTEGER;
        if (type == Boolean.class) return Types.BOOLEAN;
        return Types.VARCHAR;
    }

    static String snakeCase(String fieldName) {
        return fieldName.chars().mapToObj(c -> Character.isUpperCase(c) ? "_" + Character.toLowerCase((char) c) : String.valueOf((char) c))
                .collect(Collectors.joining()).toLowerCase(Locale.ROOT);
    }
}
