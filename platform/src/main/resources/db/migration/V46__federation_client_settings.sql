-- federation: what an administrator registers about a relying party beyond its protocol basics
-- (ADR 6, section 6). Added before the features that read them, so that the pieces built in
-- parallel share one schema; each feature reads only its own columns.
alter table federation_client add column agency varchar(300);
alter table federation_client add column description varchar(2000);
alter table federation_client add column logo bytea;
alter table federation_client add column logo_type varchar(50);
-- client_secret_basic, private_key_jwt or none (public clients)
alter table federation_client add column auth_method varchar(30) default 'client_secret_basic' not null;
-- private_key_jwt: the client's keys, pasted (a JWK set) or at a URL, and the algorithm it signs with
alter table federation_client add column jwks varchar(65536);
alter table federation_client add column jwks_url varchar(2000);
alter table federation_client add column assertion_alg varchar(10);
alter table federation_client add column require_par boolean default false not null;
-- simplified, standard or confirmed: the least level of account this service accepts
alter table federation_client add column minimum_level varchar(20) default 'simplified' not null;
alter table federation_client add column backchannel_logout_uri varchar(2000);
alter table federation_client add column backchannel_session_required boolean default false not null;
-- may introspect tokens issued to other clients
alter table federation_client add column resource_server boolean default false not null;
-- raised at every change, so that caches of the client (its assertion keys) know they are stale
alter table federation_client add column version integer default 0 not null;
alter table federation_client add column created_by uuid;
update federation_client set auth_method = 'none' where confidential = false;
