-- One row per counted subject, locked while its events are counted and the next one is added, so
-- that parallel requests (on any node) are admitted one after another and never past the limit.
create table rate_limit_subject (
  kind       varchar(64) not null,
  subject    varchar(64) not null,
  touched_at timestamp with time zone not null,
  primary key (kind, subject)
);
create index rate_limit_subject_touched_idx on rate_limit_subject (touched_at);
