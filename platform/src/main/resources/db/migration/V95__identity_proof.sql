-- account: the proof of identity that, with the verified documents, makes an account Confirmed
-- (a code by registered post, a service centre, a qualified electronic signature) and its source
alter table account add column identity_proven_at timestamp with time zone;
alter table account add column identity_proof_method varchar(32);
alter table account add column identity_proof_source varchar(200);
