package com.thesisscreener.portfolio;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Segment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The index of each stored run (table {@code run_index}, in pieces), and the indexes in use, in memory: a run never
 * changes once stored, so an index read once serves every later page of that run on this instance. A run stored
 * before runs kept an index (V11), or whose index cannot be read, is indexed again from its rows.
 */
@Repository
class RunIndexes {

    private static final Logger log = LoggerFactory.getLogger(RunIndexes.class);
    /** Bytes per row of {@code run_index}: rows stay well under any page or value limit of H2 and PostgreSQL. */
    static final int PIECE_SIZE = 60_000;

    private final JdbcClient jdbc;
    private final Cache<Long, RunIndex> inUse;

    RunIndexes(JdbcClient jdbc, PortfolioSettings settings) {
        this.jdbc = jdbc;
        this.inUse = Caffeine.newBuilder()
                .maximumWeight(settings.runIndexMemory().toBytes())
                .weigher((Long run, RunIndex index) -> index.weight())
                .build();
    }

    /** Stores a run's index, in the caller's transaction, and keeps it at hand for the pages that follow. */
    void store(long runId, RunIndex index) {
        byte[] encoded = index.encode();
        List<Object[]> pieces = new ArrayList<>();
        for (int from = 0, piece = 0; from < encoded.length || piece == 0; from += PIECE_SIZE, piece++) {
            pieces.add(new Object[] {runId, piece, Arrays.copyOfRange(encoded, from, Math.min(encoded.length, from + PIECE_SIZE))});
        }
        for (Object[] piece : pieces) {
            jdbc.sql("insert into run_index (run_id, piece, data) values (?, ?, ?)").params(piece).update();
        }
        inUse.put(runId, index);
    }

    /** The index of a stored run. */
    RunIndex of(ScreeningRun run) {
        RunIndex index = inUse.get(run.id(), id -> read(run));
        if (index.size() == run.companies()) return index;
        inUse.invalidate(run.id());
        return fromRows(run);
    }

    private RunIndex read(ScreeningRun run) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        jdbc.sql("select data from run_index where run_id = ? order by piece").param(run.id())
                .query(rs -> {
                    encoded.writeBytes(rs.getBytes(1));
                });
        if (encoded.size() > 0) {
            try {
                return RunIndex.decode(encoded.toByteArray(), run.companies());
            } catch (IOException damaged) {
                log.warn("the index of run {} cannot be read ({}); indexing the run again from its rows", run.id(), damaged.getMessage());
            }
        }
        return fromRows(run);
    }

    /** The index again from the result rows, ranked as when they were stored (rows before V11 hold the same ranks). */
    private RunIndex fromRows(ScreeningRun run) {
        List<RunIndex.Row> rows = jdbc.sql("select ticker, name, segment, score, band, confidence from run_result where run_id = ? order by ordinal")
                .param(run.id())
                .query((rs, n) -> new RunIndex.Row(rs.getString(1), rs.getString(2), Segment.valueOf(rs.getString(3)), rs.getInt(4),
                        Band.valueOf(rs.getString(5)), rs.getDouble(6)))
                .list();
        return RunIndex.ranked(rows);
    }
}
