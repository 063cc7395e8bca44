-- confirmation module: letters with a post code (see PostLetterState.mmd). The address block and
-- the recipient's name are copied when the letter is asked for; the code exists only as a keyed
-- hash, drawn when the letter is printed. Entries are counted before each check.
create table post_letter (
  id            uuid not null primary key,
  account_id    uuid not null,
  recipient     varchar(200) not null,
  address_lines varchar(800) not null,
  state         varchar(10) not null,
  code_hash     varchar(64),
  entries       int not null,
  requested_at  timestamp with time zone not null,
  printed_at    timestamp with time zone,
  sent_at       timestamp with time zone,
  used_at       timestamp with time zone,
  expires_at    timestamp with time zone
);
create index post_letter_account on post_letter (account_id);
create index post_letter_state on post_letter (state, requested_at);
