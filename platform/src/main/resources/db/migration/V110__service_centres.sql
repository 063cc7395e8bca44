-- Service centres and their operators (operator module). The OPERATOR role itself is in
-- account_role (account module); this says at which centre an operator works.
create table service_centre (
  id          uuid primary key,
  code        varchar(20) not null,
  name        varchar(200) not null,
  address     varchar(300) not null,
  created_at  timestamp with time zone not null,
  created_by  uuid not null,
  constraint service_centre_code_uk unique (code)
);

-- one centre per operator: the primary key settles two administrators adding one account at once
create table centre_operator (
  account_id  uuid primary key,
  centre_id   uuid not null references service_centre (id),
  added_at    timestamp with time zone not null,
  added_by    uuid not null
);
create index centre_operator_centre on centre_operator (centre_id);
