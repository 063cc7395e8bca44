-- account: changing or adding a phone or e-mail, proven by a code sent to the new contact
create table contact_change_flow (
  id                  uuid not null primary key,
  account_id          uuid not null,
  channel             varchar(8) not null,
  contact             varchar(254) not null,
  state               varchar(16) not null,
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
create index contact_change_flow_expiry_idx on contact_change_flow (expires_at);
