-- federation: the jti of every accepted private_key_jwt client assertion, until it expires, so that
-- a replayed assertion is refused (RFC 7523, section 3). The primary key decides between parallel
-- replays: one insert succeeds, the other fails. Hash of client id and jti, never the jti itself.
create table federation_client_assertion (
  jti_hash   char(64) not null primary key,
  expires_at timestamp with time zone not null
);
create index federation_client_assertion_expiry on federation_client_assertion (expires_at);
