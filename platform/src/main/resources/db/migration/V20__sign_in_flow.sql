-- authentication module: sign-in flows waiting for the second factor. A password-only sign-in
-- writes no row; a row lives for the second-factor step only (minutes) and is deleted when the
-- flow is done, over or expired. The login is kept sealed (AES-GCM), never in clear.
create table sign_in_flow (
  id               uuid not null primary key,
  state            varchar(24) not null,
  account_id       uuid not null,
  login_sealed     varchar(1024) not null,
  device           varchar(128),
  client_slot      uuid,
  methods          varchar(64) not null,
  return_to        varchar(2048),
  min_level        varchar(16),
  max_age_seconds  bigint,
  wrong_codes      int not null,
  sms_resend_at    timestamp with time zone,
  created_at       timestamp with time zone not null,
  expires_at       timestamp with time zone not null,
  version          bigint not null
);
create index sign_in_flow_expiry_idx on sign_in_flow (expires_at);
