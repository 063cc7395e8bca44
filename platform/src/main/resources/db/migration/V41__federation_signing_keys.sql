-- federation: the keys that sign ID tokens and access tokens, shared by every node. The private
-- part is sealed with the data keys (like SNILS), so that a dump of the database cannot forge
-- tokens. One generation per algorithm at a time signs (active); old generations stay published
-- until their tokens have expired (published_until, null: no end yet). The primary key on
-- (alg, generation) lets nodes starting together create the first key exactly once.
create table federation_signing_key (
  kid                varchar(64) not null unique,
  alg                varchar(10) not null,
  generation         int not null,
  public_jwk         varchar(4000) not null,
  private_jwk_sealed varchar(8000) not null,
  created_at         timestamp with time zone not null,
  signs_from         timestamp with time zone not null,
  active             boolean not null,
  published_until    timestamp with time zone,
  primary key (alg, generation)
);
