-- One row per grain: its lease (epoch) and, for grains with persistent state, that state and its version.
create table grain (
    grain_type   text        not null,
    grain_key    text        not null,
    epoch        bigint      not null,
    node         text        not null,
    activated_at timestamptz not null default now(),
    version      bigint      not null default 0,
    state        jsonb,
    written_at   timestamptz,
    primary key (grain_type, grain_key)
);

-- High-rate facts (ballots, claim events) are appended, never rewritten.
create table grain_fact (
    grain_type      text        not null,
    grain_key       text        not null,
    seq             bigint      not null,
    data            jsonb       not null,
    recorded_at     timestamptz not null default now(),
    case_id         text,
    ledger_position bigint,
    primary key (grain_type, grain_key, seq)
);

-- Per case tamper-evident ledger: entry holds the canonical bytes that are hashed (RFC 9162 leaf).
create table ledger_head (
    case_id text   primary key,
    size    bigint not null
);

create table ledger_entry (
    case_id     text        not null,
    position    bigint      not null,
    kind        text        not null,
    recorded_at timestamptz not null,
    entry       bytea       not null,
    leaf_hash   bytea       not null,
    primary key (case_id, position)
);
