import { activityImport } from './activity-kind.js';
import { collectiveImport } from './collective-kind.js';
import type { ImportKind, ImportKindDef } from './import-kind.js';
import { memberImport } from './member-kind.js';
import { organizationImport } from './organization-kind.js';

/** Every kind of list the staged import takes, by the kind stored on the import. */
export const IMPORT_KIND_DEFS: Readonly<Record<ImportKind, ImportKindDef>> = {
  members: memberImport,
  organizations: organizationImport,
  collective_members: collectiveImport,
  activities: activityImport,
};

export const kindDef = (kind: ImportKind): ImportKindDef => IMPORT_KIND_DEFS[kind];

/** Every field of every kind, for the API's enum (each kind checks its own). */
export const ALL_IMPORT_FIELDS = [
  ...new Set(Object.values(IMPORT_KIND_DEFS).flatMap((d) => d.fields)),
] as [string, ...string[]];
