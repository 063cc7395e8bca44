-- userinfo releases are logged once per access token and set of claims (issue 14): a portal that
-- asks userinfo again with the same token receives nothing new. The key is a hash of both; ID-token
-- releases, each issued once, have none.
alter table federation_sharing_log add column release_key varchar(64);
create unique index federation_sharing_log_release_idx on federation_sharing_log (release_key);
