-- confirmation: one-time challenges a citizen signs with a qualified electronic signature
create table signature_challenge (
  id uuid primary key,
  account_id uuid not null,
  challenge varchar(200) not null,
  state varchar(16) not null,
  attempts integer not null,
  created_at timestamp with time zone not null,
  expires_at timestamp with time zone not null,
  version bigint not null
);
create index signature_challenge_account on signature_challenge (account_id, created_at);
