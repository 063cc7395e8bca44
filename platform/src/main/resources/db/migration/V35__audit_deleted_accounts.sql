-- audit: whether an account was deleted is asked at every entry written for it (a deleted
-- account's entries are kept without client addresses): an index that answers it at once.
create index audit_event_account_kind_idx on audit_event (account_id, kind);
