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
        if (!positions.present()) return;
        jdbc.batchUpdate("insert into portfolio_position (portfolio_id, ordinal, basis, position_size) values (?, ?, ?, ?)",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws java.sql.SQLException {
                        statement.setLong(1, portfolioId);
                        statement.setInt(2, i);
                        statement.setString(3, positions.basis().name());
                        if (positions.has(i)) statement.setDouble(4, positions.given(i));
                        else statement.setNull(4, Types.DOUBLE);
                    }

                    @Override
                    public int getBatchSize() {
                        return positions.size();
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
