-- Facts are written once and read back whole, never queried inside: json keeps the text as written, where jsonb
-- parsed, key-sorted and re-encoded every fact on insert (a fifth of the database's work per ballot) and again on read.
alter table grain_fact alter column data type json using data::json;
