-- A fixed set of lock rows instead of a row per counted subject (V9): the limiter locks row
-- hash(kind, subject) mod 1024 of every limit a request counts, in ascending order and in one
-- transaction, while it counts their events and adds the next ones. Parallel requests for one
-- subject (on any node) are still admitted one after another and never past the limit; an attempt
-- no longer inserts or updates a row of its own just to have something to lock.
create table rate_limit_lock (
  id integer not null primary key
);
insert into rate_limit_lock (id)
select a.n + 4 * b.n + 16 * c.n + 64 * d.n + 256 * e.n
from (values (0), (1), (2), (3)) as a (n)
cross join (values (0), (1), (2), (3)) as b (n)
cross join (values (0), (1), (2), (3)) as c (n)
cross join (values (0), (1), (2), (3)) as d (n)
cross join (values (0), (1), (2), (3)) as e (n);

drop table rate_limit_subject;
