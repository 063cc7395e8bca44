-- federation: the authorization server's authorizations (codes, tokens, the request waiting for
-- sign-in) and consents. Spring's shipped schema adapted (ADR 6, section 6): no blob (PostgreSQL
-- has none, and bytea would be bound as a string); text is a CLOB on H2 but a VARCHAR on
-- PostgreSQL, which would give two code paths; varchar(1000000) is a VARCHAR on both.
-- Lookups go by the SHA-256 of a value (indexed *_hash columns), never by the value itself.
create table oauth2_authorization (
  id                            varchar(100) not null primary key,
  registered_client_id          varchar(100) not null,
  principal_name                varchar(200) not null,
  authorization_grant_type      varchar(100) not null,
  authorized_scopes             varchar(1000),
  attributes                    varchar(1000000),
  state                         varchar(500),
  authorization_code_value      varchar(1000000),
  authorization_code_issued_at  timestamp with time zone,
  authorization_code_expires_at timestamp with time zone,
  authorization_code_metadata   varchar(1000000),
  access_token_value            varchar(1000000),
  access_token_issued_at        timestamp with time zone,
  access_token_expires_at       timestamp with time zone,
  access_token_metadata         varchar(1000000),
  access_token_type             varchar(100),
  access_token_scopes           varchar(1000),
  oidc_id_token_value           varchar(1000000),
  oidc_id_token_issued_at       timestamp with time zone,
  oidc_id_token_expires_at      timestamp with time zone,
  oidc_id_token_metadata        varchar(1000000),
  refresh_token_value           varchar(1000000),
  refresh_token_issued_at       timestamp with time zone,
  refresh_token_expires_at      timestamp with time zone,
  refresh_token_metadata        varchar(1000000),
  user_code_value               varchar(1000000),
  user_code_issued_at           timestamp with time zone,
  user_code_expires_at          timestamp with time zone,
  user_code_metadata            varchar(1000000),
  device_code_value             varchar(1000000),
  device_code_issued_at         timestamp with time zone,
  device_code_expires_at        timestamp with time zone,
  device_code_metadata          varchar(1000000),
  state_hash                    char(64),
  code_hash                     char(64),
  access_hash                   char(64),
  id_token_hash                 char(64),
  refresh_hash                  char(64),
  -- the latest expiry of anything in the row, for housekeeping
  expires_at                    timestamp with time zone
);
create index oauth2_authorization_state_idx on oauth2_authorization (state_hash);
create index oauth2_authorization_code_idx on oauth2_authorization (code_hash);
create index oauth2_authorization_access_idx on oauth2_authorization (access_hash);
create index oauth2_authorization_id_token_idx on oauth2_authorization (id_token_hash);
create index oauth2_authorization_refresh_idx on oauth2_authorization (refresh_hash);
create index oauth2_authorization_principal_idx on oauth2_authorization (principal_name, registered_client_id);
create index oauth2_authorization_expiry_idx on oauth2_authorization (expires_at);

create table oauth2_authorization_consent (
  registered_client_id varchar(100) not null,
  principal_name       varchar(200) not null,
  authorities          varchar(1000) not null,
  primary key (registered_client_id, principal_name)
);
