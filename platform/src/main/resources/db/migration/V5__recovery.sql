-- account: sessions started before this moment are ended (after a password change or recovery)
alter table account add column sessions_valid_from timestamp with time zone;

-- recovery module: access recovery flows. account_id is null when the login matched no account:
-- such a flow behaves the same but can never succeed, so that recovery reveals nothing.
create table recovery_flow (
  id                  uuid not null primary key,
  state               varchar(24) not null,
  account_id          uuid,
  channel             varchar(8) not null,
  contact             varchar(254) not null,
  locale              varchar(8) not null,
  code_hash           varchar(128),
  code_expires_at     timestamp with time zone,
  code_wrong_entries  int not null,
  total_wrong_entries int not null,
  codes_sent          int not null,
  last_code_sent_at   timestamp with time zone,
  created_at          timestamp with time zone not null,
  expires_at          timestamp with time zone not null,
  version             bigint not null
);
create index recovery_flow_expiry_idx on recovery_flow (expires_at);
