-- Portfolio positions (issue 14): one row per imported company of a portfolio that had position columns.
-- basis is MARKET_VALUE or WEIGHT; position_size is the market value in dollars or the weight as given,
-- null when the row had no position. A portfolio without position columns has no rows here.
create table portfolio_position (
    portfolio_id  bigint           not null references portfolio (id) on delete cascade,
    ordinal       integer          not null,
    basis         varchar(16)      not null,
    position_size double precision,
    primary key (portfolio_id, ordinal)
);
