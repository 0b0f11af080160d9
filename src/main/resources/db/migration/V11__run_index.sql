-- Storing 100,000 results kept seven secondary indexes of run_result up to date (rank, segment, ticker and one per
-- sort position); their B-tree pages were rewritten all over the database file while a run was stored. A run never
-- changes once stored, so its orders and filter columns are kept instead as one compact index per run (run_index,
-- deflated, in pieces), read into memory when the run is paged; results are read by row number only.
-- Runs stored before this migration have no run_index: it is built from their rows (and their stored ranks) when
-- first paged. New rows leave rank_in_run empty: a run is stored slice by slice as it is screened, and a rank needs
-- every result, so ranks are in the index, written last.
create table run_index (
    run_id bigint  not null references screening_run (id) on delete cascade,
    piece  integer not null,
    data   bytea   not null,
    primary key (run_id, piece)
);

drop index run_result_rank;
drop index run_result_segment;
drop index run_result_ticker;
drop index run_result_by_score;
drop index run_result_by_confidence;
drop index run_result_by_ticker;
drop index run_result_by_name;
drop index run_result_by_segment;

alter table run_result drop column score_position;
alter table run_result drop column confidence_position;
alter table run_result drop column ticker_position;
alter table run_result drop column name_position;
alter table run_result drop column segment_position;

alter table run_result alter column rank_in_run drop not null;
