-- operator: a visitor's phone or e-mail proven at the desk by a code the visitor reads out
create table operator_contact_proof (
  id                  uuid not null primary key,
  operator_id         uuid not null,
  channel             varchar(8) not null,
  contact             varchar(254) not null,
  proven_at           timestamp with time zone,
  code_hash           varchar(128),
  code_expires_at     timestamp with time zone,
  code_wrong_entries  int not null,
  total_wrong_entries int not null,
  codes_sent          int not null,
  last_code_sent_at   timestamp with time zone,
  created_at          timestamp with time zone not null,
  expires_at          timestamp with time zone not null
);
create index operator_contact_proof_expiry_idx on operator_contact_proof (expires_at);
