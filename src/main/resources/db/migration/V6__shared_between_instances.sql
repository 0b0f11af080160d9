-- What several service instances on one database share (docs/operations.md). Plain SQL types so the same
-- script runs on H2 and PostgreSQL.

-- Browser sessions (Spring Session JDBC), so a person stays signed in when the instance behind them goes away.
-- Table and column names are the ones Spring Session's JDBC repository queries.
create table spring_session (
    primary_id            varchar(36)  not null primary key,
    session_id            varchar(36)  not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);

create unique index spring_session_by_id on spring_session (session_id);
create index spring_session_by_expiry on spring_session (expiry_time);
create index spring_session_by_principal on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id varchar(36)  not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

-- The rule set every instance serves: one row, locked while a set is activated so activations never interleave.
-- Instances poll it and swap to its version; rule_set_activation keeps the history.
create table rule_set_live (
    id            integer     not null primary key,
    version       varchar(64) references rule_set_version (version),
    activation_id bigint,
    changed_at    timestamp with time zone
);

insert into rule_set_live (id, version, activation_id, changed_at) values (1, null, null, null);

-- Which instance made a set go live.
alter table rule_set_activation add column instance_name varchar(128);
