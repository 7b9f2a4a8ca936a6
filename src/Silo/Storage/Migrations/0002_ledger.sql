-- The server's checkpoint signing key (a signed-note skey), generated on first start unless one is configured, so
-- that restarts keep signing with the same key. One row only.
create table ledger_signing_key (
    id         smallint    primary key default 1 check (id = 1),
    skey       text        not null,
    created_at timestamptz not null default now()
);

-- Published checkpoints: the signed note exactly as the log signed it (log signature only); size and root repeat
-- its body for queries.
create table ledger_checkpoint (
    case_id      text        not null,
    size         bigint      not null,
    root_hash    bytea       not null,
    note         text        not null,
    published_at timestamptz not null,
    primary key (case_id, size)
);

-- What each witness said about a checkpoint: a cosignature line, or a signed refusal with its reason. One statement
-- per witness and checkpoint.
create table ledger_witness_statement (
    case_id     text        not null,
    size        bigint      not null,
    witness     text        not null,
    cosigned    boolean     not null,
    signature   text        not null,
    reason      text,
    stated_at   timestamptz not null,
    received_at timestamptz not null default now(),
    primary key (case_id, size, witness),
    foreign key (case_id, size) references ledger_checkpoint (case_id, size),
    check (cosigned or reason is not null)
);

create index ledger_witness_statement_by_witness on ledger_witness_statement (case_id, witness, size) where cosigned;

-- Inclusion proofs by leaf hash. A hash index keeps 4 bytes a row instead of the 32-byte hash.
create index ledger_entry_leaf_hash on ledger_entry using hash (leaf_hash);
