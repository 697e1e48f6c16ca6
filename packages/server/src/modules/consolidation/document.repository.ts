import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DocumentKind } from './consolidation.schemas.js';

export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  round_id: string;
  organization_id: string;
  submission_id: string | null;
  params: unknown;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  error: string | null;
  file_name: string | null;
  media_type: string | null;
  size: number | null;
  created_by: string | null;
  created_by_name: string;
  created_at: Date;
  finished_at: Date | null;
}

const columns = [
  'id',
  'kind',
  'round_id',
  'organization_id',
  'submission_id',
  'params',
  'status',
  'progress',
  'error',
  'file_name',
  'media_type',
  'size',
  'created_by',
  'created_by_name',
  'created_at',
  'finished_at',
] as const;

export const documentRepository = {
  async insert(
    db: Executor,
    row: {
      kind: DocumentKind;
      round_id: string;
      organization_id: string;
      submission_id: string | null;
      params: Record<string, unknown>;
      created_by: string | null;
      created_by_name: string;
    },
  ): Promise<DocumentRow> {
    return db
      .insertInto('report_document')
      .values({ ...row, params: JSON.stringify(row.params) })
      .returning(columns)
      .executeTakeFirstOrThrow() as Promise<DocumentRow>;
  },

  async find(db: Executor, id: string): Promise<DocumentRow | undefined> {
    return db
      .selectFrom('report_document')
      .select(columns)
      .where('id', '=', id)
      .executeTakeFirst() as Promise<DocumentRow | undefined>;
  },

  async content(db: Executor, id: string): Promise<Buffer | null> {
    const r = await db
      .selectFrom('report_document')
      .select('content')
      .where('id', '=', id)
      .executeTakeFirst();
    return r?.content ?? null;
  },

  /** Takes a queued (or interrupted) job; false when another run has it or it is finished. */
  async start(db: Executor, id: string): Promise<boolean> {
    const r = await db
      .updateTable('report_document')
      .set({ status: 'running', progress: 5, error: null })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async progress(db: Executor, id: string, progress: number): Promise<void> {
    await db
      .updateTable('report_document')
      .set({ progress })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  },

  async finish(
    db: Executor,
    id: string,
    file: { name: string; mediaType: string; content: Buffer },
  ): Promise<boolean> {
    const r = await db
      .updateTable('report_document')
      .set({
        status: 'done',
        progress: 100,
        file_name: file.name,
        media_type: file.mediaType,
        size: file.content.length,
        content: file.content,
        finished_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async fail(db: Executor, id: string, error: string): Promise<void> {
    await db
      .updateTable('report_document')
      .set({ status: 'failed', error, finished_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .execute();
  },

  /** Jobs a restart interrupted (or never sent). */
  async interrupted(db: Executor): Promise<string[]> {
    const rows = await db
      .selectFrom('report_document')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .execute();
    return rows.map((r) => r.id);
  },

  /** The issuing organisation's parent today, and its province (for the header and the place). */
  async issuer(db: Executor, organizationId: string, at: string) {
    const r = await sql<{
      id: string;
      kind: string;
      full_name: string;
      short_name: string | null;
      province_code: string | null;
      parent_name: string | null;
      president: string | null;
    }>`
      select o.id, o.kind::text as kind, o.full_name, o.short_name, o.province_code,
             (select po.full_name from organization_parent l join organization po on po.id = l.parent_id
              where l.organization_id = o.id and l.valid_from <= ${at}::date and l.valid_to > ${at}::date
              limit 1) as parent_name,
             (select p.full_name from position ps join person p on p.id = ps.person_id
              where ps.organization_id = o.id and ps.role = 'president'
                and ps.valid_from <= ${at}::date and ps.valid_to > ${at}::date
              order by ps.valid_from desc limit 1) as president
      from organization o where o.id = ${organizationId}::uuid`.execute(db);
    return r.rows[0];
  },

  /** Own values of submissions, for the annex's unit rows. */
  async ownValues(
    db: Executor,
    submissionIds: readonly string[],
  ): Promise<Map<string, Map<string, number | null>>> {
    const out = new Map<string, Map<string, number | null>>();
    if (submissionIds.length === 0) return out;
    const rows = await db
      .selectFrom('submission_value')
      .select([
        'submission_id',
        'indicator_code',
        sql<number | null>`own_value::float8`.as('own_value'),
      ])
      .where('submission_id', '=', sql<string>`any(${sql.val([...submissionIds])}::uuid[])`)
      .execute();
    for (const r of rows) {
      let m = out.get(r.submission_id);
      if (!m) out.set(r.submission_id, (m = new Map<string, number | null>()));
      m.set(r.indicator_code, r.own_value);
    }
    return out;
  },
};
