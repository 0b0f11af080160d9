-- Stored portfolios at scale. Plain SQL types so the same script runs on H2 and PostgreSQL.

-- A large upload (or re-run) is stored in slices, each its own transaction: the portfolio (or run) stays hidden
-- until its last slice is stored, so a reader never sees half of it, and a failed upload is deleted whole.
alter table portfolio add column complete boolean default true not null;
alter table screening_run add column complete boolean default true not null;

-- The position of each result in every sort order (1 first, in the key's natural direction, ties by rank), so page
-- N of any order is a range of one index ("seek") instead of skipping N pages of rows. Rank order needs none: the
-- rank is its position.
alter table run_result add column score_position integer;
alter table run_result add column confidence_position integer;
alter table run_result add column ticker_position integer;
alter table run_result add column name_position integer;
alter table run_result add column segment_position integer;
-- 64 bits of SHA-256 of the sorted (rule id, points) pairs of the findings: two runs compare in SQL on which rules
-- fired and with how many points. Null for rows stored before this migration (such rows are always compared whole).
alter table run_result add column findings_fingerprint bigint;

merge into run_result t
using (select run_id, ordinal,
              row_number() over (partition by run_id order by score desc, rank_in_run) as by_score,
              row_number() over (partition by run_id order by confidence desc, rank_in_run) as by_confidence,
              row_number() over (partition by run_id order by ticker, rank_in_run) as by_ticker,
              row_number() over (partition by run_id order by name, rank_in_run) as by_name,
              row_number() over (partition by run_id order by segment, rank_in_run) as by_segment
       from run_result) s
on (t.run_id = s.run_id and t.ordinal = s.ordinal)
when matched then update set score_position = s.by_score, confidence_position = s.by_confidence,
    ticker_position = s.by_ticker, name_position = s.by_name, segment_position = s.by_segment;

alter table run_result alter column score_position set not null;
alter table run_result alter column confidence_position set not null;
alter table run_result alter column ticker_position set not null;
alter table run_result alter column name_position set not null;
alter table run_result alter column segment_position set not null;

-- The position indexes replace the sort-key indexes. A band's results hold consecutive ranks (rank orders by band
-- first), so a band filter is a range of the rank index and needs no index of its own. The segment index stays for
-- segment filters; the ticker index for looking a company up.
drop index run_result_band;
drop index run_result_score;
drop index run_result_confidence;
drop index run_result_name;
create unique index run_result_by_score on run_result (run_id, score_position);
create unique index run_result_by_confidence on run_result (run_id, confidence_position);
create unique index run_result_by_ticker on run_result (run_id, ticker_position);
create unique index run_result_by_name on run_result (run_id, name_position);
create unique index run_result_by_segment on run_result (run_id, segment_position);
