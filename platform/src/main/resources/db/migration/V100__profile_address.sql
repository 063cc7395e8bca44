-- verification module: the addresses of "Мои данные", one row per account and kind
-- (REGISTRATION, checked at the interior ministry; RESIDENCE, optional and not checked).
-- Region is the two-digit code of the subject of the Federation.
create table profile_address (
  account_id   uuid not null,
  kind         varchar(12) not null,
  postal_index varchar(6) not null,
  region       varchar(2) not null,
  district     varchar(100),
  settlement   varchar(100) not null,
  street       varchar(100),
  house        varchar(20) not null,
  building     varchar(20),
  flat         varchar(10),
  updated_at   timestamp with time zone not null,
  constraint profile_address_pk primary key (account_id, kind)
);
