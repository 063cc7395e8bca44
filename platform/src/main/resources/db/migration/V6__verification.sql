-- verification module: the identity profile ("Мои данные"). SNILS and passport numbers are sealed
-- (AES-GCM, key id in front) and found through keyed hashes.
create table identity_profile (
  account_id            uuid not null primary key,
  last_name             varchar(60),
  first_name            varchar(60),
  patronymic            varchar(60),
  gender                varchar(8),
  birth_date            date,
  birth_place           varchar(200),
  citizenship           varchar(2),
  snils_sealed          varchar(200),
  snils_lookup          varchar(64),
  passport_sealed       varchar(200),
  passport_lookup       varchar(64),
  passport_issued_on    date,
  passport_issuer       varchar(200),
  passport_division     varchar(7),
  foreign_doc_type      varchar(60),
  foreign_doc_sealed    varchar(300),
  foreign_doc_country   varchar(60),
  updated_at            timestamp with time zone not null,
  version               bigint not null,
  constraint identity_profile_snils_uk unique (snils_lookup),
  constraint identity_profile_passport_uk unique (passport_lookup)
);

-- The latest check of each document of an account (see CheckState.mmd).
create table document_check (
  id               uuid not null primary key,
  account_id       uuid not null,
  document         varchar(16) not null,
  state            varchar(12) not null,
  reason           varchar(16),
  attempts         int not null,
  started_at       timestamp with time zone not null,
  last_attempt_at  timestamp with time zone,
  completed_at     timestamp with time zone,
  version          bigint not null,
  constraint document_check_uk unique (account_id, document)
);

-- account: the level last announced to the citizen, to notice a change (the level itself is
-- always derived from evidence)
alter table account add column announced_level varchar(12);

-- account: evidence recorded by the verification module
alter table account add column snils_verified_at timestamp with time zone;
alter table account add column passport_verified_at timestamp with time zone;
