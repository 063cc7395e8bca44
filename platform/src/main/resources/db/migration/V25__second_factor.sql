-- authentication: the second factor of an account.
-- An authenticator app (RFC 6238): its secret sealed with the data keys like SNILS; a secret being
-- set up waits in pending_secret until the citizen types a code from the app; last_step is the
-- latest time step accepted, so that no code is accepted twice.
create table second_factor_totp (
  account_id         uuid not null primary key,
  secret             varchar(255),
  enabled_at         timestamp with time zone,
  last_step          bigint,
  pending_secret     varchar(255),
  pending_since      timestamp with time zone
);

-- Single-use recovery codes, kept only as keyed hashes; a used one keeps its row with used_at.
create table second_factor_recovery_code (
  id          uuid not null primary key,
  account_id  uuid not null,
  code_hash   varchar(128) not null,
  created_at  timestamp with time zone not null,
  used_at     timestamp with time zone
);
create index second_factor_recovery_code_account_idx on second_factor_recovery_code (account_id);

-- A code by SMS to the account's confirmed phone, and the last such code (hashed, as every code).
create table second_factor_sms (
  account_id          uuid not null primary key,
  enabled_at          timestamp with time zone not null,
  code_hash           varchar(128),
  code_expires_at     timestamp with time zone,
  code_wrong_entries  int not null,
  total_wrong_entries int not null,
  codes_sent          int not null,
  last_code_sent_at   timestamp with time zone
);
