-- federation: since when a consent holds (shown on the citizen's sharing page; Spring's shipped
-- table has no time), and the sharing log: which portal received which claims, by their names
-- only (never values), when, and whether in an ID token or from userinfo (ADR 6, section 6).
alter table oauth2_authorization_consent add column granted_at timestamp with time zone;

create table federation_sharing_log (
  id          uuid not null primary key,
  account_id  uuid not null,
  client_id   varchar(100) not null,
  claims      varchar(2000) not null,
  channel     varchar(16) not null,
  released_at timestamp with time zone not null
);
create index federation_sharing_log_account_idx on federation_sharing_log (account_id, released_at);
