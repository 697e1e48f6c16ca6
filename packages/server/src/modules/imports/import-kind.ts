import type { Database, Executor } from '../../db/database.js';
import type { ImportKind } from '../../db/schema.generated.js';
import type { Actor, RequestContext } from '../access/actor.js';
import type { Permission } from '../access/roles.js';
import type { requireOrganization } from '../organizations/organization.service.js';
import type { ImportBatchRow, ImportRowRow, StagedRow } from './import.repository.js';
import type { ImportRowValues } from './import.schemas.js';

export type { ImportKind };
export const IMPORT_KINDS = [
  'members',
  'organizations',
  'collective_members',
  'activities',
] as const;

export type IssueSeverity = 'error' | 'warning' | 'info';
/** A problem of a row, on one of its kind's fields or on the whole row. */
export interface KindIssue {
  field: string;
  severity: IssueSeverity;
  message: string;
}

/** One spreadsheet row as its kind normalised it. */
export interface KindNormalised {
  data: unknown;
  issues: KindIssue[];
  /** The key duplicates are looked up by (a person's name key, an organisation's folded name). */
  nameKey: string;
}

export interface KindAnalysed extends KindNormalised {
  rowNumber: number;
  raw: string[];
}

export type HostRow = Awaited<ReturnType<typeof requireOrganization>>;

/** What an analysis (or a row's re-check) of an import works with. */
export interface KindEnv {
  db: Database;
  batch: ImportBatchRow;
  /** The organisation the import is for. */
  host: HostRow;
  /** Who uploaded: duplicates are looked for among what they may read. */
  actor: Actor;
  today: string;
}

/** What a commit batch writes with: the transaction and who is recorded as having asked. */
export interface KindCommitEnv {
  tx: Executor;
  batch: ImportBatchRow;
  ctx: RequestContext;
  actor: { id: string; name: string } | undefined;
}

export type Normaliser = (
  raw: readonly string[],
  mapping: ReadonlyMap<number, string>,
) => KindNormalised;

export interface KindDecider {
  /** Starts looking up what these rows may repeat (called a group at a time, as they are read). */
  lookUp(rows: readonly KindAnalysed[]): void;
  /** Decides the next part of the file, in the file's order, once its rows are looked up. */
  decide(rows: readonly KindAnalysed[]): Promise<StagedRow[]>;
}

/**
 * One kind of list the staged import takes. The service runs the same steps for every kind
 * (upload, mapping, analysis job, preview and fixes, commit job in batches, undo) and asks the
 * kind's definition for what differs.
 */
interface ImportKindBase {
  kind: ImportKind;
  /** The right on the organisation an import of this kind needs (default: organization.write). */
  permission?: Permission;
  /** The fields a column may go into, in the order the mapping step lists them. */
  fields: readonly string[];
  labels: Readonly<Record<string, string>>;
  /** The field a heading names, from the Vietnamese headings lists use. */
  guessField: (heading: string) => string | null;
  /** Fields whose heading marks the heading row (the name). */
  nameFields: readonly string[];
  /** Why a mapping cannot be analysed (the required column missing…), or null. */
  mappingProblem(fields: ReadonlySet<string>): string | null;
  /** The field whose cells the preview masks (the national ID). */
  maskedField: string | null;
  /** The date used for rows that give none, as the mapping step names it. */
  defaultDateLabel: string;
  /** Whether a row can be "linked" to something that already exists. */
  canLink: boolean;
  normaliser(env: KindEnv): Promise<Normaliser>;
  /**
   * Connections the commit writes batches on at once: more than one only where no batch
   * depends on what an earlier one wrote (a member list, not a tree of organisations).
   */
  commitWriters?: number;
  /** Decides one fixed row again, against the earlier rows of the file and the registry. */
  recheck(env: KindEnv, row: KindAnalysed, stored: ImportRowRow): Promise<StagedRow>;
  /** The values the preview shows of a staged row. */
  values(row: ImportRowRow): ImportRowValues;
  /** Writes the staged rows numbered (from, to]; returns the counts to add up. */
  commitRange(env: KindCommitEnv, from: number, to: number): Promise<Record<string, number>>;
  /** Removes what the import wrote; returns the counts of what was removed and kept. */
  undo(env: KindCommitEnv): Promise<Record<string, number>>;
}

/**
 * A kind decides its rows one of two ways. Whole: `decide` takes every row once all are read
 * (lists of hundreds or a few thousand rows). Part by part: the database looks the rows up
 * while the next are read, and stores each decided part while the next is decided (a list of
 * 100,000 members).
 */
export type ImportKindDef = ImportKindBase &
  (
    | {
        /** Decides every row from its problems and the duplicates in the file and the registry. */
        decide(env: KindEnv, rows: readonly KindAnalysed[]): Promise<StagedRow[]>;
        decider?: undefined;
      }
    | { decider(env: KindEnv): KindDecider; decide?: undefined }
  );

/** The status and decision of a row from its problems alone (before duplicates). */
export function baseStatus(issues: readonly KindIssue[]): {
  status: StagedRow['status'];
  decision: StagedRow['decision'];
  hasError: boolean;
} {
  const hasError = issues.some((i) => i.severity === 'error');
  return {
    hasError,
    status: hasError ? 'error' : issues.some((i) => i.severity === 'warning') ? 'warning' : 'ok',
    decision: hasError ? 'skip' : 'create',
  };
}
