-- Durable one-shot reminders: a grain asks to be called at a time, whether or not it is active then.
create table grain_reminder (
    grain_type text        not null,
    grain_key  text        not null,
    name       text        not null,
    due_at     timestamptz not null,
    primary key (grain_type, grain_key, name)
);

create index grain_reminder_due on grain_reminder (due_at);
