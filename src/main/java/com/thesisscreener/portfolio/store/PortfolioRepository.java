package com.thesisscreener.portfolio.store;

import com.thesisscreener.portfolio.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.SwitchingCost;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Plain JDBC over the Flyway schema; rows, problems and results are written in batches, not one by one. */
@Repository
class PortfolioRepository {

    static final int BATCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    PortfolioRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    long insertPortfolio(String name, String fileName, String sheet, int rowsRead, int rowsRejected, List<String> ignoredColumns,
                         Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into portfolio (name, file_name, sheet, rows_read, rows_rejected, ignored_columns, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(name, fileName, sheet, rowsRead, rowsRejected, String.join("\n", ignoredColumns), Timestamp.from(createdAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void insertCompanies(long portfolioId, List<Company> companies) {
        template.batchUpdate("""
                        insert into portfolio_company (portfolio_id, ordinal, ticker, name, segment, proprietary_data,
                            distribution_switching_cost, owns_compute, api_revenue_share, token_volume_growth,
                            price_per_token_change, open_source_gap_months, gross_margin, gross_margin_change, revenue_growth,
                            ev_to_sales, market_cap_usd, eu_revenue_share, single_geography_fab_dependency,
                            hyperscaler_revenue_share, capex_to_revenue, agentic_production_contracts, sovereign_ai_exposure)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                indexed(companies), BATCH_SIZE, (ps, row) -> {
                    Company c = row.value();
                    int i = 1;
                    ps.setLong(i++, portfolioId);
                    ps.setInt(i++, row.index());
                    ps.setString(i++, c.ticker());
                    ps.setString(i++, c.name());
                    ps.setString(i++, c.segment().name());
                    setBoolean(ps, i++, c.proprietaryData());
                    ps.setString(i++, c.distributionSwitchingCost() == null ? null : c.distributionSwitchingCost().name());
                    setBoolean(ps, i++, c.ownsCompute());
                    for (Double value : Arrays.asList(c.apiRevenueShare(), c.tokenVolumeGrowth(), c.pricePerTokenChange(),
                            c.openSourceGapMonths(), c.grossMargin(), c.grossMarginChange(), c.revenueGrowth(), c.evToSales(),
                            c.marketCapUsd(), c.euRevenueShare(), c.singleGeographyFabDependency(), c.hyperscalerRevenueShare(),
                            c.capexToRevenue())) {
                        if (value == null) ps.setNull(i++, Types.DOUBLE);
                        else ps.setDouble(i++, value);
                    }
                    if (c.agenticProductionContracts() == null) ps.setNull(i++, Types.INTEGER);
                    else ps.setInt(i++, c.agenticProductionContracts());
                    setBoolean(ps, i, c.sovereignAiExposure());
                });
    }

    void insertProblems(long portfolioId, List<RowProblem> problems) {
        template.batchUpdate("""
                        insert into import_problem (portfolio_id, ordinal, sheet, sheet_row, column_ref, header, raw_value, expected, message)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                indexed(problems), BATCH_SIZE, (ps, row) -> {
                    RowProblem p = row.value();
                    ps.setLong(1, portfolioId);
                    ps.setInt(2, row.index());
                    ps.setString(3, p.sheet());
                    ps.setInt(4, p.row());
                    ps.setString(5, p.column());
                    ps.setString(6, p.header());
                    ps.setString(7, truncate(p.value(), 4000));
                    ps.setString(8, truncate(p.expected(), 1000));
                    ps.setString(9, truncate(p.message(), 8000));
                });
    }

    long insertRun(long portfolioId, String ruleSetVersion, List<Recommendation> results, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into screening_run (portfolio_id, rule_set_version, companies, created_at) values (?, ?, ?, ?)")
                .params(portfolioId, ruleSetVersion, results.size(), Timestamp.from(createdAt))
                .update(key, "id");
        long runId = key.getKey().longValue();
        template.batchUpdate("""
                        insert into run_result (run_id, ordinal, ticker, segment, score, band, confidence, detail)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""",
                indexed(results), BATCH_SIZE, (ps, row) -> {
                    Recommendation r = row.value();
                    ps.setLong(1, runId);
                    ps.setInt(2, row.index());
                    ps.setString(3, r.ticker());
                    ps.setString(4, r.segment().name());
                    ps.setInt(5, r.score());
                    ps.setString(6, r.band().name());
                    ps.setDouble(7, r.confidence());
                    ps.setString(8, json.writeValueAsString(r));
                });
        return runId;
    }

    Optional<StoredPortfolio> findPortfolio(long id) {
        return jdbc.sql("select * from portfolio where id = ?").param(id).query(this::portfolio).optional();
    }

    List<StoredPortfolio> findPortfolios(int page, int size) {
        return jdbc.sql("select * from portfolio order by created_at desc, id desc limit ? offset ?")
                .params(size, (long) page * size).query(this::portfolio).list();
    }

    long countPortfolios() {
        return jdbc.sql("select count(*) from portfolio").query(Long.class).single();
    }

    boolean deletePortfolio(long id) {
        return jdbc.sql("delete from portfolio where id = ?").param(id).update() > 0;
    }

    List<Company> findCompanies(long portfolioId) {
        return jdbc.sql("select * from portfolio_company where portfolio_id = ? order by ordinal").param(portfolioId)
                .query((rs, n) -> company(rs)).list();
    }

    List<RowProblem> findProblems(long portfolioId) {
        return jdbc.sql("select * from import_problem where portfolio_id = ? order by ordinal").param(portfolioId)
                .query((rs, n) -> new RowProblem(rs.getString("sheet"), rs.getInt("sheet_row"), rs.getString("column_ref"),
                        rs.getString("header"), rs.getString("raw_value"), rs.getString("expected")))
                .list();
    }

    List<ScreeningRun> findRuns(long portfolioId) {
        return jdbc.sql("select * from screening_run where portfolio_id = ? order by id desc").param(portfolioId)
                .query(this::run).list();
    }

    Optional<ScreeningRun> findRun(long portfolioId, long runId) {
        return jdbc.sql("select * from screening_run where portfolio_id = ? and id = ?").params(portfolioId, runId)
                .query(this::run).optional();
    }

    /** Results of a run in input order, optionally narrowed to a band and a segment. */
    List<Recommendation> findResults(long runId, Band band, Segment segment) {
        StringBuilder sql = new StringBuilder("select detail from run_result where run_id = ?");
        List<Object> params = new ArrayList<>(List.of(runId));
        if (band != null) {
            sql.append(" and band = ?");
            params.add(band.name());
        }
        if (segment != null) {
            sql.append(" and segment = ?");
            params.add(segment.name());
        }
        sql.append(" order by ordinal");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> json.readValue(rs.getString("detail"), Recommendation.class)).list();
    }

    /** Companies per band in a run, counted by the database rather than by reading every result. */
    Map<Band, Integer> bandCounts(long runId) {
        Map<Band, Integer> counts = new EnumMap<>(Band.class);
        for (Band band : Band.values()) counts.put(band, 0);
        jdbc.sql("select band, count(*) from run_result where run_id = ? group by band").param(runId)
                .query(rs -> {
                    counts.put(Band.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    private StoredPortfolio portfolio(ResultSet rs, int row) throws SQLException {
        String ignored = rs.getString("ignored_columns");
        return new StoredPortfolio(rs.getLong("id"), rs.getString("name"), rs.getString("file_name"), rs.getString("sheet"),
                rs.getInt("rows_read"), rs.getInt("rows_rejected"),
                ignored == null || ignored.isEmpty() ? List.of() : List.of(ignored.split("\n")),
                rs.getTimestamp("created_at").toInstant());
    }

    private ScreeningRun run(ResultSet rs, int row) throws SQLException {
        return new ScreeningRun(rs.getLong("id"), rs.getLong("portfolio_id"), rs.getString("rule_set_version"),
                rs.getInt("companies"), rs.getTimestamp("created_at").toInstant());
    }

    private static Company company(ResultSet rs) throws SQLException {
        String switching = rs.getString("distribution_switching_cost");
        return Company.builder(rs.getString("ticker"), Segment.valueOf(rs.getString("segment")))
                .name(rs.getString("name"))
                .proprietaryData(bool(rs, "proprietary_data"))
                .distributionSwitchingCost(switching == null ? null : SwitchingCost.valueOf(switching))
                .ownsCompute(bool(rs, "owns_compute"))
                .apiRevenueShare(number(rs, "api_revenue_share"))
                .tokenVolumeGrowth(number(rs, "token_volume_growth"))
                .pricePerTokenChange(number(rs, "price_per_token_change"))
                .openSourceGapMonths(number(rs, "open_source_gap_months"))
                .grossMargin(number(rs, "gross_margin"))
                .grossMarginChange(number(rs, "gross_margin_change"))
                .revenueGrowth(number(rs, "revenue_growth"))
                .evToSales(number(rs, "ev_to_sales"))
                .marketCapUsd(number(rs, "market_cap_usd"))
                .euRevenueShare(number(rs, "eu_revenue_share"))
                .singleGeographyFabDependency(number(rs, "single_geography_fab_dependency"))
                .hyperscalerRevenueShare(number(rs, "hyperscaler_revenue_share"))
                .capexToRevenue(number(rs, "capex_to_revenue"))
                .agenticProductionContracts(rs.getObject("agentic_production_contracts") == null ? null : rs.getInt("agentic_production_contracts"))
                .sovereignAiExposure(bool(rs, "sovereign_ai_exposure"))
                .build();
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
        if (value == null) ps.setNull(index, Types.BOOLEAN);
        else ps.setBoolean(index, value);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static <T> List<Indexed<T>> indexed(List<T> values) {
        List<Indexed<T>> rows = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) rows.add(new Indexed<>(i, values.get(i)));
        return rows;
    }

    record Indexed<T>(int index, T value) {
    }
}
