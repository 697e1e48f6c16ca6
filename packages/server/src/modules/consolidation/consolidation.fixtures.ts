import type { SubmissionStatus } from '@lienhiep/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../access/actor.js';

/**
 * Test fixtures of the consolidation tests: rounds, expected reporters, submissions and their
 * values written directly (the rounds and submissions services have tests of their own).
 */

export async function standardFormVersion(db: Executor): Promise<string> {
  const r = await db
    .selectFrom('report_form_version as v')
    .innerJoin('report_form as f', 'f.id', 'v.form_id')
    .select('v.id')
    .where('f.code', '=', 'BC-DINH-KY')
    .orderBy('v.version', 'desc')
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface RoundSpec {
  organizationId: string;
  parentRoundId?: string | null;
  formVersionId: string;
  periodType?: 'quarter' | 'half_year' | 'nine_months' | 'year' | 'custom';
  year: number;
  quarter?: number | null;
  windowFrom?: string;
  windowTo?: string;
  deadline?: string;
  graceDays?: number;
  reporters: string[];
  title?: string;
}

/** A round with its expected reporters snapshotted from the registry (names and places today). */
export async function openRound(db: Executor, s: RoundSpec): Promise<string> {
  const periodType = s.periodType ?? 'year';
  const r = await db
    .insertInto('reporting_round')
    .values({
      organization_id: s.organizationId,
      parent_round_id: s.parentRoundId ?? null,
      form_version_id: s.formVersionId,
      period_type: periodType,
      year: s.year,
      quarter: periodType === 'quarter' ? (s.quarter ?? 1) : null,
      title: s.title ?? `Báo cáo tổng kết năm ${s.year}`,
      window_from: s.windowFrom ?? `${s.year - 1}-12-15`,
      window_to: s.windowTo ?? `${s.year}-12-14`,
      deadline: s.deadline ?? `${s.year}-12-20`,
      grace_days: s.graceDays ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (s.reporters.length > 0) {
    await sql`
      insert into round_reporter (round_id, organization_id, name_at_open, kind_at_open, province_code_at_open)
      select ${r.id}::uuid, o.id, o.full_name, o.kind, o.province_code
      from organization o where o.id = any(${sql.val(s.reporters)}::uuid[])`.execute(db);
  }
  return r.id;
}

/** A submission in a status with own (and optionally sub-units') values. */
export async function submit(
  db: Executor,
  roundId: string,
  organizationId: string,
  status: SubmissionStatus,
  values: Record<string, number | null>,
  opts: {
    subunits?: Record<string, number | null>;
    sections?: Record<string, string>;
    documentNumber?: string;
    computed?: Record<string, number>;
    /** When it was first sent; by default at noon of the round's deadline (on time). */
    submittedAt?: string;
  } = {},
): Promise<string> {
  const onTime = sql<Date>`(select (r.deadline + time '12:00') at time zone 'Asia/Ho_Chi_Minh'
                            from reporting_round r where r.id = ${roundId}::uuid)`;
  const s = await db
    .insertInto('submission')
    .values({
      round_id: roundId,
      organization_id: organizationId,
      status,
      document_number: opts.documentNumber ?? null,
      submitted_at:
        status === 'draft' ? null : opts.submittedAt ? new Date(opts.submittedAt) : onTime,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const codes = new Set([...Object.keys(values), ...Object.keys(opts.subunits ?? {})]);
  if (codes.size > 0) {
    await db
      .insertInto('submission_value')
      .values(
        [...codes].map((code) => ({
          submission_id: s.id,
          indicator_code: code,
          own_value: values[code] ?? null,
          computed_value: opts.computed?.[code] ?? values[code] ?? null,
          subunits_value: opts.subunits?.[code] ?? null,
        })),
      )
      .execute();
  }
  for (const [section, body] of Object.entries(opts.sections ?? {})) {
    await db
      .insertInto('submission_section')
      .values({ submission_id: s.id, section_code: section, body })
      .execute();
  }
  return s.id;
}

/** An actor holding a role on one organisation (services are called without a session). */
export function actorWith(
  role: 'system_admin' | 'viewer' | 'reviewer',
  organizationId: string,
): Actor {
  return {
    userId: 'u-test',
    name: 'Người kiểm thử',
    username: null,
    email: '',
    twoFactorEnabled: false,
    mustChangePassword: false,
    sessionId: '',
    assignments: [{ id: 'a-test', role, organizationId }],
  };
}
