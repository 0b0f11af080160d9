package com.thesisscreener.portfolio;

import com.thesisscreener.importing.Positions;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A portfolio's positions (table {@code portfolio_position}), aligned with its stored companies by ordinal. */
@Repository
class PositionStore {

    private final JdbcTemplate jdbc;

    PositionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long portfolioId, Positions positions) {
        insert(portfolioId, positions, 0, positions.size());
    }

    /** Stores the positions of rows {@code from} (inclusive) to {@code to} (exclusive): one slice of a portfolio. */
    void insert(long portfolioId, Positions positions, int from, int to) {
        if (!positions.present()) return;
        jdbc.batchUpdate("insert into portfolio_position (portfolio_id, ordinal, basis, position_size) values (?, ?, ?, ?)",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws java.sql.SQLException {
                        int ordinal = from + i;
                        statement.setLong(1, portfolioId);
                        statement.setInt(2, ordinal);
                        statement.setString(3, positions.basis().name());
                        if (positions.has(ordinal)) statement.setDouble(4, positions.given(ordinal));
                        else statement.setNull(4, Types.DOUBLE);
                    }

                    @Override
                    public int getBatchSize() {
                        return Math.max(0, Math.min(to, positions.size()) - from);
                    }
                });
    }

    /** The positions as imported, or none when the file had no position column. */
    Positions find(long portfolioId) {
        List<String> bases = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        jdbc.query("select basis, position_size from portfolio_position where portfolio_id = ? order by ordinal", row -> {
            bases.add(row.getString(1));
            double size = row.getDouble(2);
            sizes.add(row.wasNull() ? Double.NaN : size);
        }, portfolioId);
        if (bases.isEmpty()) return Positions.none();
        return new Positions(Positions.Basis.valueOf(bases.get(0)), sizes.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
