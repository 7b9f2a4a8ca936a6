-- Evidence files for claims: the bytes, and the SHA-256 the server computed (the case ledger holds the same hash).
create table claim_evidence (
    evidence_id text        primary key,
    case_id     text        not null,
    claim_id    text        not null,
    file_name   text        not null,
    media_type  text        not null,
    size_bytes  bigint      not null check (size_bytes > 0),
    sha256      bytea       not null check (length(sha256) = 32),
    content     bytea       not null,
    uploaded_by text        not null,
    uploaded_at timestamptz not null default now()
);
create index claim_evidence_claim on claim_evidence (case_id, claim_id);

-- Messages for outside recipients (source departments), written in the transaction of the fact they come from and
-- numbered per recipient under the head row's lock, so a reader paging by position never skips a later commit.
create table outbox_head (
    recipient text   primary key,
    size      bigint not null
);

create table outbox_message (
    recipient   text        not null,
    position    bigint      not null,
    kind        text        not null,
    case_id     text        not null,
    payload     jsonb       not null,
    recorded_at timestamptz not null default now(),
    primary key (recipient, position)
);

-- Machine API keys of source departments. The secret is encrypted (AES-256-GCM); it is shown once, at issue.
create table department_key (
    key_id      text        primary key,
    department  text        not null,
    secret      bytea       not null,
    issued_at   timestamptz not null default now(),
    revoked_at  timestamptz
);
create index department_key_department on department_key (department);

-- Used when no MachineApi:SecretKey is configured: a generated key kept beside the data (development only).
create table machine_api_secret_key (
    id  int   primary key check (id = 1),
    key bytea not null check (length(key) = 32)
);

-- Signature nonces seen, per key, kept until a signature using them could no longer be fresh.
create table signature_nonce (
    key_id     text        not null,
    nonce      text        not null,
    expires_at timestamptz not null,
    primary key (key_id, nonce)
);
create index signature_nonce_expiry on signature_nonce (expires_at);

-- Idempotency-Key records per department: inserted before the request runs (the primary key decides between
-- concurrent retries), completed with the first response, kept until expires_at.
create table idempotency_record (
    scope          text        not null,
    idem_key       text        not null,
    fingerprint    bytea       not null,
    created_at     timestamptz not null default now(),
    locked_until   timestamptz not null,
    expires_at     timestamptz not null,
    status         int,
    content_type   text,
    location       text,
    response_body  bytea,
    completed_at   timestamptz,
    primary key (scope, idem_key)
);
create index idempotency_record_expiry on idempotency_record (expires_at);

-- Where a department wants its results pushed, and how far delivery has got (positions in its outbox).
create table department_callback (
    department        text        primary key,
    url               text        not null,
    registered_at     timestamptz not null default now(),
    delivered_through bigint      not null,
    failures          int         not null default 0,
    next_attempt_at   timestamptz not null default now(),
    lease_until       timestamptz
);

-- Every delivery attempt, kept as the record of what was sent and how the department answered.
create table callback_attempt (
    department   text        not null,
    position     bigint      not null,
    attempt      int         not null,
    attempted_at timestamptz not null default now(),
    status_code  int,
    error        text,
    outcome      text        not null check (outcome in ('delivered', 'failed', 'abandoned')),
    primary key (department, position, attempt)
);
