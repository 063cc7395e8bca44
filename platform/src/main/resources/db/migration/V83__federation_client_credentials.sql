-- federation: services that call APIs on their own behalf (OAuth 2.0 client credentials, RFC 6749
-- section 4.4). Only confidential clients registered for it get such tokens; they name no citizen.
alter table federation_client add column client_credentials boolean default false not null;
