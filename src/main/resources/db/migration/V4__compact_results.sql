-- Results cheap to page and compare (issue 10). Each result row gains its rank in the run, the company name,
-- a 64-bit fingerprint of the sorted ids of the rules that fired (for comparing runs in SQL) and a compact
-- explanation (findings as rule id + points + sentence, caps, derived figures, tests not run; deflated) instead of
-- a JSON document repeating every thesis passage. The passages are stored once per run in run_thesis. Rows
-- written before this migration keep their JSON detail and are read as they were; rank and name are filled in
-- for them here.

alter table run_result add column rank_in_run integer;
alter table run_result add column name varchar(255);
alter table run_result add column fired bigint;
alter table run_result add column explanation bytea;
alter table run_result alter column detail drop not null;

merge into run_result t
using (select run_id, ordinal,
              row_number() over (partition by run_id order by
                  case band when 'STRONG_BUY' then 0 when 'BUY' then 1 when 'HOLD' then 2 when 'REDUCE' then 3 else 4 end,
                  score desc, ticker) as ranked
       from run_result) s
on (t.run_id = s.run_id and t.ordinal = s.ordinal)
when matched then update set rank_in_run = s.ranked;

merge into run_result t
using (select r.id as run_id, c.ordinal, coalesce(c.name, '') as name
       from screening_run r join portfolio_company c on c.portfolio_id = r.portfolio_id) s
on (t.run_id = s.run_id and t.ordinal = s.ordinal)
when matched then update set name = s.name;

update run_result set name = '' where name is null;
alter table run_result alter column rank_in_run set not null;
alter table run_result alter column name set not null;

-- One index per sort key; each ends with the rank so ties read the same in both directions, and serves a page
-- of a run in that order (or filtered by band or segment in rank order) without reading the rest of the run.
create unique index run_result_rank on run_result (run_id, rank_in_run);
create index run_result_band on run_result (run_id, band, rank_in_run);
create index run_result_segment on run_result (run_id, segment, rank_in_run);
create index run_result_score on run_result (run_id, score desc, rank_in_run);
create index run_result_confidence on run_result (run_id, confidence desc, rank_in_run);
create index run_result_ticker on run_result (run_id, ticker);
create index run_result_name on run_result (run_id, name, rank_in_run);

-- The thesis passage of every rule that fired in a run, once per run rather than once per finding.
create table run_thesis (
    run_id  bigint        not null references screening_run (id) on delete cascade,
    rule_id varchar(200)  not null,
    thesis  varchar(1000000) not null,
    primary key (run_id, rule_id)
);

-- Companies per band and segment in a run: band counts and the totals of band/segment filters without a scan.
create table run_count (
    run_id    bigint      not null references screening_run (id) on delete cascade,
    band      varchar(16) not null,
    segment   varchar(32) not null,
    companies integer     not null,
    primary key (run_id, band, segment)
);

insert into run_count (run_id, band, segment, companies)
select run_id, band, segment, count(*) from run_result group by run_id, band, segment;
