-- account module: citizens' accounts. One contact belongs to at most one account (unique keys).
create table account (
  id                 uuid not null primary key,
  last_name          varchar(60) not null,
  first_name         varchar(60) not null,
  phone              varchar(16),
  phone_confirmed_at timestamp with time zone,
  email              varchar(254),
  email_key          varchar(254),
  email_confirmed_at timestamp with time zone,
  password_hash      varchar(255) not null,
  created_at         timestamp with time zone not null,
  updated_at         timestamp with time zone not null,
  version            bigint not null,
  constraint account_phone_uk unique (phone),
  constraint account_email_uk unique (email_key)
);

-- Consent to the terms of use and the privacy policy, with the version of the text accepted.
create table account_consent (
  id             uuid not null primary key,
  account_id     uuid not null references account (id),
  document       varchar(32) not null,
  version        varchar(32) not null,
  accepted_at    timestamp with time zone not null,
  client_address varchar(64)
);
create index account_consent_account_idx on account_consent (account_id);
