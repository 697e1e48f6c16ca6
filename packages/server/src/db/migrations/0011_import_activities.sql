-- Lists of activities through the same staged import (issue 5, item 1): 'activities' joins the
-- kinds of list.
--
-- As in 0006, the enum is recreated rather than extended with `alter type … add value`: the
-- migrator runs the pending files in one transaction, and an added value could not be used
-- before that transaction commits (a later file of the same run would fail on it). Recreating
-- it is transactional; import_batch and import_mapping are the only columns of this type.
create type import_kind_v3 as enum ('members', 'organizations', 'collective_members', 'activities');
alter table import_batch alter column kind type import_kind_v3 using kind::text::import_kind_v3;
alter table import_mapping alter column kind type import_kind_v3 using kind::text::import_kind_v3;
drop type import_kind;
alter type import_kind_v3 rename to import_kind;
