-- account: a contact change proven with its code waits out a cooling-off period (state PENDING)
-- before it replaces the old contact; the old contact gets a link that cancels it, stored only as
-- a keyed hash and valid until effective_at.
alter table contact_change_flow add column effective_at timestamp with time zone;
alter table contact_change_flow add column cancel_token_hash varchar(128);
create unique index contact_change_flow_cancel_token_uk on contact_change_flow (cancel_token_hash);
create index contact_change_flow_due_idx on contact_change_flow (state, effective_at);
update contact_change_flow set state = 'APPLIED' where state = 'COMPLETED';

-- A contact someone is about to use: the new contact of a pending change (flow_id set), so that
-- nobody registers or claims it meanwhile, and at most one pending change per account. A
-- registration also claims its contact here for the length of its transaction (flow_id null,
-- deleted again before commit): the primary key then decides every race between the two.
create table contact_reservation (
  contact_key varchar(254) not null primary key,
  account_id  uuid not null references account (id) on delete cascade,
  flow_id     uuid,
  constraint contact_reservation_account_uk unique (account_id)
);
