-- federation: registered clients (relying parties). Redirect URIs and scopes are rows, so that a
-- URI is matched exactly as registered (Spring's own table joins them with commas). The secret of
-- a confidential client is kept only as HMAC-SHA-256 under propusk.federation.client-secret-key.
create table federation_client (
  id               uuid not null primary key,
  client_id        varchar(100) not null unique,
  name             varchar(200) not null,
  confidential     boolean not null,
  secret_hash      varchar(200),
  secret_issued_at timestamp with time zone,
  require_pkce     boolean not null,
  consent_required boolean not null,
  id_token_alg     varchar(10) not null,
  active           boolean not null,
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null
);

create table federation_client_redirect_uri (
  client_id varchar(100) not null references federation_client (client_id) on delete cascade,
  kind      varchar(20) not null,
  uri       varchar(2000) not null,
  primary key (client_id, kind, uri)
);

create table federation_client_scope (
  client_id varchar(100) not null references federation_client (client_id) on delete cascade,
  scope     varchar(100) not null,
  primary key (client_id, scope)
);
