-- account module: roles of accounts beyond being a citizen (ADMINISTRATOR; OPERATOR will follow,
-- with its service centre in a table of its own). One row per account and role: the primary key
-- makes a grant idempotent and settles two nodes granting the first administrator at once.
-- granted_by is the administrator who granted it (null: from configuration); no foreign key, so
-- that an administrator can delete their own account without touching the roles they granted.
create table account_role (
  account_id uuid not null references account (id),
  role       varchar(32) not null,
  granted_at timestamp with time zone not null,
  granted_by uuid,
  constraint account_role_pk primary key (account_id, role)
);
create index account_role_role_idx on account_role (role, granted_at);
