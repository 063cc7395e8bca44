-- services catalogue (ADR 6, section 4): services that live elsewhere, listed on the home page with
-- the least account level each accepts, beside the registered portals (federation_client). Names,
-- agencies and descriptions in Russian and English; administrators maintain the list.
create table services_catalogue_entry (
  id             uuid not null primary key,
  -- stable name of the entry, for links and seeds
  code           varchar(100) not null unique,
  name_ru        varchar(300) not null,
  name_en        varchar(300) not null,
  agency_ru      varchar(300) not null,
  agency_en      varchar(300) not null,
  description_ru varchar(2000) not null,
  description_en varchar(2000) not null,
  url            varchar(2000) not null,
  -- simplified, standard or confirmed
  minimum_level  varchar(20) not null,
  position       integer not null,
  active         boolean not null,
  created_at     timestamp with time zone not null,
  updated_at     timestamp with time zone not null
);

-- a registered portal's own start page, where the catalogue links to
alter table federation_client add column home_url varchar(2000);
