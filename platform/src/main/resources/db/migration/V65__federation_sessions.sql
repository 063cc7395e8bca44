-- federation: Propusk's OpenID Connect sessions (ADR 6, sections 6 and 7). A sid is random and
-- stays with the browser's session when its id changes (sign-in, level change); it names the
-- account, the clients that were given tokens in it and those authorizations, so that ending the
-- session can tell the clients (back-channel logout) and end the tokens given in it, not others.
create table federation_session (
  sid        char(43) not null primary key,
  account_id uuid not null,
  created_at timestamp with time zone not null
);
create index federation_session_account on federation_session (account_id);

create table federation_session_client (
  sid                  char(43) not null references federation_session (sid) on delete cascade,
  registered_client_id varchar(100) not null,
  first_at             timestamp with time zone not null,
  primary key (sid, registered_client_id)
);

create table federation_session_authorization (
  sid              char(43) not null references federation_session (sid) on delete cascade,
  authorization_id varchar(100) not null,
  primary key (sid, authorization_id)
);
