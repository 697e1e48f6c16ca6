-- Imports of two more kinds of list through the same staged pipeline (issue 4, item 5):
-- 'organizations' (sub-units created under the chosen organisation) and 'collective_members'
-- (organisations recorded as collective members of it, matched to the registry or added to it).
--
-- The Kysely migrator runs the pending files in one transaction, and a value added with
-- `alter type … add value` cannot be used before that transaction commits: a later migration
-- of the same run would fail on it. The enum is recreated instead, which is transactional.
create type import_kind_v2 as enum ('members', 'organizations', 'collective_members');
alter table import_batch alter column kind type import_kind_v2 using kind::text::import_kind_v2;
alter table import_mapping alter column kind type import_kind_v2 using kind::text::import_kind_v2;
drop type import_kind;
alter type import_kind_v2 rename to import_kind;

-- The organisations an import created, for its undo (kept, detached, once anything refers to them).
alter table organization add column import_id uuid;
create index organization_import_idx on organization (import_id) where import_id is not null;

-- A likely existing organisation for a row (an organisation import's duplicate, the registry
-- entry a collective member is linked to).
alter table import_row add column match_organization_id uuid references organization (id) on delete set null;
create index import_row_match_org_idx on import_row (match_organization_id)
  where match_organization_id is not null;
