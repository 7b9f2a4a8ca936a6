-- Who did what, when and from where: sign-ins, refusals and writes. Kept apart from the case ledger.
create table audit_log (
    id      bigint generated always as identity primary key,
    at      timestamptz not null,
    actor   text        not null,
    role    text,
    source  text        not null,
    method  text        not null,
    path    text        not null,
    status  int         not null,
    case_id text,
    detail  text
);
create index audit_log_case on audit_log (case_id, at);
create index audit_log_actor on audit_log (actor, at);

-- ASP.NET Core data protection keys (they protect cookies and bearer tokens), shared by every node.
create table data_protection_key (
    name text primary key,
    xml  text not null
);
