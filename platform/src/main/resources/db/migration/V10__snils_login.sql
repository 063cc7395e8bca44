-- account: a SNILS verified by the registry is a login, found by keyed hash (never stored in clear here)
alter table account add column snils_lookup varchar(64);
create unique index account_snils_lookup_uk on account (snils_lookup);

-- recovery: flows started with a SNILS now keep only its keyed hash; drop those that kept it in clear
delete from recovery_flow where contact not like '%@%' and contact not like '+%';
