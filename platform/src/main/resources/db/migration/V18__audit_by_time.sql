-- The citizen's history is ordered by when things happened (occurred_at), no longer by the order
-- the listener recorded them: an index that serves that order per account.
create index audit_event_account_time_idx on audit_event (account_id, occurred_at, seq);
