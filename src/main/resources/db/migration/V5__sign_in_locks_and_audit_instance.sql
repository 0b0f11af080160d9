-- Sign-in lockouts and API key throttling, shared by every instance on this database: one row per throttled
-- subject ('account:NAME', 'address:IP' for passwords, 'api-key:IP' for wrong API keys). Rows are written only
-- when something fails, never on a successful request. Plain SQL types so the script runs on H2 and PostgreSQL.
create table sign_in_lock (
    lock_key     varchar(200)             not null primary key,
    failures     integer                  not null,
    window_start timestamp with time zone not null,
    locks        integer                  not null,
    locked_until timestamp with time zone
);

create index sign_in_lock_window on sign_in_lock (window_start);

-- Which service instance recorded an audit entry (null for entries written before this column existed).
alter table audit_event add column instance_id varchar(100);
