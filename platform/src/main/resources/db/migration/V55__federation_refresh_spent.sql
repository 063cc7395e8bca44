-- federation: refresh tokens already exchanged for a new one (rotation), by SHA-256 of the value.
-- Presenting one again means one of two holders stole it: its whole family (the authorization, the
-- newest refresh token too) is revoked. Kept until the family could no longer live anyway.
create table federation_refresh_spent (
  token_hash       char(64) not null primary key,
  authorization_id varchar(100) not null,
  expires_at       timestamp with time zone not null
);
create index federation_refresh_spent_expiry_idx on federation_refresh_spent (expires_at);
