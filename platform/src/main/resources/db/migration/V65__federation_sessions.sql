-- federation: Propusk's OpenID Connect sessions (ADR 6, sections 6 and 7). A sid is random and
-- stays with the browser's session when its id changes (sign-in, level change); it names the
-- account and the clients that were given tokens in it, so that ending the session can tell them
-- (back-channel logout) and remove their authorizations.
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
