-- registration module: self-service registration flows (see RegistrationState.mmd).
create table registration_flow (
  id                  uuid not null primary key,
  state               varchar(24) not null,
  channel             varchar(8) not null,
  contact             varchar(254) not null,
  last_name           varchar(60) not null,
  first_name          varchar(60) not null,
  locale              varchar(8) not null,
  terms_version       varchar(32) not null,
  privacy_version     varchar(32) not null,
  consented_at        timestamp with time zone not null,
  client_address      varchar(64),
  code_hash           varchar(128),
  code_expires_at     timestamp with time zone,
  code_wrong_entries  int not null,
  total_wrong_entries int not null,
  codes_sent          int not null,
  last_code_sent_at   timestamp with time zone,
  link_token_hash     varchar(128),
  link_expires_at     timestamp with time zone,
  contact_confirmed_at timestamp with time zone,
  created_at          timestamp with time zone not null,
  expires_at          timestamp with time zone not null,
  version             bigint not null
);
create index registration_flow_expiry_idx on registration_flow (expires_at);
create unique index registration_flow_link_idx on registration_flow (link_token_hash);
