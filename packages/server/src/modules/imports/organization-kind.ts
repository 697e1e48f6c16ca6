import { randomUUID } from 'node:crypto';
import { fieldByCode, ORGANIZATION_KIND_LABELS, provinceByCode } from '@lienhiep/core';
import { AppError } from '../../shared/errors.js';
import { scopeFor } from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { createOrganization } from '../organizations/organization.service.js';
import { FIELD_KEYS, PROVINCE_KEYS } from './member-analysis.js';
import {
  baseStatus,
  type ImportKindDef,
  type KindAnalysed,
  type KindCommitEnv,
  type KindEnv,
  type KindIssue,
} from './import-kind.js';
import {
  importRepository as imports,
  type ImportRowRow,
  type OrganizationCandidate,
  type StagedRow,
} from './import.repository.js';
import {
  guessOrganizationField,
  ORGANIZATION_FIELD_LABELS,
  ORGANIZATION_FIELDS,
} from './organization-fields.js';
import { normaliseOrganizationRow, type OrganizationImportData } from './organization-row.js';

const codeOf = (r: KindAnalysed) => (r.data as OrganizationImportData).code;

/** Where a candidate sits, for the reason shown. */
export function describeOrganization(c: OrganizationCandidate): string {
  return `${c.full_name} (mã ${c.code}${c.parent_name ? `, thuộc ${c.parent_name}` : ''})`;
}

/** Rows of the file whose key repeats an earlier row's: row number → the earlier row. */
export function repeatsInFile(rows: readonly KindAnalysed[]): Map<number, number> {
  const first = new Map<string, number>();
  const out = new Map<number, number>();
  for (const r of rows) {
    if (r.nameKey === '' || r.issues.some((i) => i.severity === 'error')) continue;
    const before = first.get(r.nameKey);
    if (before !== undefined) out.set(r.rowNumber, before);
    else first.set(r.nameKey, r.rowNumber);
  }
  return out;
}

function staged(
  r: KindAnalysed,
  issues: KindIssue[],
  over: Partial<StagedRow> = {},
  newId: string = randomUUID(),
): StagedRow {
  const base = baseStatus(issues);
  return {
    rowNumber: r.rowNumber,
    raw: r.raw,
    data: r.data,
    issues,
    status: base.status,
    decision: base.decision,
    nameKey: r.nameKey,
    matchPersonId: null,
    matchOrganizationId: null,
    matchRow: null,
    matchReason: null,
    newPersonId: newId,
    ...over,
  };
}

/**
 * A fixed row decided again together with the earlier rows of the file that share its name, so
 * that "repeats row N" stays right; the row keeps the id it was given at analysis.
 */
export async function recheckAgainstEarlierRows(
  env: KindEnv,
  row: KindAnalysed,
  stored: ImportRowRow,
  decideAll: (
    env: KindEnv,
    rows: readonly KindAnalysed[],
    newIds: ReadonlyMap<number, string>,
  ) => Promise<StagedRow[]>,
): Promise<StagedRow> {
  const others = await imports.rowsLike(env.db, env.batch.id, row.nameKey, null);
  const earlier: KindAnalysed[] = others
    .filter((o) => o.row_number < row.rowNumber && o.status !== 'error')
    .map((o) => ({
      rowNumber: o.row_number,
      raw: o.raw,
      data: o.data,
      issues: [],
      nameKey: o.name_key,
    }));
  const out = await decideAll(
    env,
    [...earlier, row],
    new Map([[row.rowNumber, stored.new_person_id]]),
  );
  return out.at(-1)!;
}

async function decideAll(
  env: KindEnv,
  rows: readonly KindAnalysed[],
  newIds: ReadonlyMap<number, string> = new Map(),
): Promise<StagedRow[]> {
  const usable = rows.filter((r) => r.nameKey !== '');
  const keys = [...new Set(usable.map((r) => r.nameKey))];
  const codes = [...new Set(rows.map(codeOf).filter((c) => c !== null))];
  const [candidates, codesTaken] = await Promise.all([
    imports.organizationCandidates(
      env.db,
      scopeFor(env.actor, 'organization.read'),
      keys,
      [],
      false,
    ),
    imports.codesInUse(env.db, codes),
  ]);
  const byKey = new Map<string, OrganizationCandidate[]>();
  for (const c of candidates) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const repeats = repeatsInFile(rows);
  const codeRows = new Map<string, number>();
  return rows.map((r) => {
    const issues = [...r.issues];
    const code = codeOf(r);
    if (code !== null) {
      const earlier = codeRows.get(code);
      if (codesTaken.has(code)) {
        issues.push({
          field: 'code',
          severity: 'error',
          message: `Mã tổ chức ${code} đã được dùng`,
        });
      } else if (earlier !== undefined) {
        issues.push({
          field: 'code',
          severity: 'error',
          message: `Mã tổ chức ${code} trùng với dòng ${earlier}`,
        });
      } else codeRows.set(code, r.rowNumber);
    }
    const base = baseStatus(issues);
    const newId = newIds.get(r.rowNumber);
    if (base.hasError) return staged(r, issues, {}, newId);
    const repeat = repeats.get(r.rowNumber);
    if (repeat !== undefined) {
      return staged(
        r,
        issues,
        {
          status: 'duplicate',
          decision: 'skip',
          matchRow: repeat,
          matchReason: `Trùng dòng ${repeat}: cùng tên tổ chức`,
        },
        newId,
      );
    }
    const found = byKey.get(r.nameKey) ?? [];
    const here = found.find((c) => c.parent_id === env.host.id && c.ended_on === null);
    if (here) {
      return staged(
        r,
        issues,
        {
          status: 'duplicate',
          decision: 'skip',
          matchOrganizationId: here.id,
          matchReason: `Đã có trong đơn vị: ${here.full_name} (mã ${here.code})`,
        },
        newId,
      );
    }
    const elsewhere = found[0];
    if (elsewhere) {
      return staged(
        r,
        issues,
        {
          status: base.status === 'ok' ? 'warning' : base.status,
          matchOrganizationId: elsewhere.id,
          matchReason: `Có thể trùng với ${describeOrganization(elsewhere)}; vẫn tạo mới nếu không bỏ qua`,
        },
        newId,
      );
    }
    return staged(r, issues, {}, newId);
  });
}

/** "Tổ chức trực thuộc": sub-units created under the chosen organisation. */
export const organizationImport: ImportKindDef = {
  kind: 'organizations',
  fields: ORGANIZATION_FIELDS,
  labels: ORGANIZATION_FIELD_LABELS,
  guessField: guessOrganizationField,
  nameFields: ['fullName'],
  mappingProblem: (fields) =>
    fields.has('fullName') ? null : 'Cần ghép một cột "Tên đầy đủ" của tổ chức',
  maskedField: null,
  defaultDateLabel: 'Ngày thành lập mặc định',
  canLink: false,

  normaliser(env) {
    const ctx = {
      today: env.today,
      defaultFoundedOn: env.batch.default_joined_on,
      parentKind: env.host.kind,
      provinces: PROVINCE_KEYS,
      fields: FIELD_KEYS,
    };
    return Promise.resolve((raw, mapping) => normaliseOrganizationRow(raw, mapping, ctx));
  },

  decide: (env, rows) => decideAll(env, rows),

  recheck: (env, row, stored) => recheckAgainstEarlierRows(env, row, stored, decideAll),

  values(r: ImportRowRow) {
    const d = r.data as unknown as OrganizationImportData;
    return {
      kind: 'organizations' as const,
      fullName: d.fullName,
      shortName: d.shortName,
      englishName: d.englishName,
      orgKind: d.kind,
      orgKindLabel: d.kind ? ORGANIZATION_KIND_LABELS[d.kind].vi : null,
      foundedOn: d.foundedOn,
      provinceCode: d.provinceCode,
      provinceName: d.provinceCode ? (provinceByCode(d.provinceCode)?.name ?? null) : null,
      fieldCode: d.fieldCode,
      fieldName: d.fieldCode ? (fieldByCode(d.fieldCode)?.vi ?? null) : null,
      code: d.code,
      address: d.address,
      phone: d.phone,
      email: d.email,
      website: d.website,
    };
  },

  async commitRange(env, from, to) {
    const rows = await imports.rowsToWrite(env.tx, env.batch.id, from, to);
    let created = 0;
    let failed = 0;
    for (const r of rows) {
      if (r.decision !== 'create') continue;
      const d = r.data as unknown as OrganizationImportData;
      const id = await createUnit(env, r, {
        kind: d.kind!,
        parentId: env.batch.organization_id,
        fullName: d.fullName,
        shortName: d.shortName,
        englishName: d.englishName,
        provinceCode: d.provinceCode,
        fieldCode: d.fieldCode,
        address: d.address,
        phone: d.phone,
        email: d.email,
        website: d.website,
        foundedOn: d.foundedOn,
        ...(d.code ? { code: d.code } : {}),
      });
      if (id === null) failed++;
      else created++;
    }
    return { createdOrganizations: created, failed };
  },

  async undo(env) {
    const r = await imports.undoOrganizations(env.tx, env.batch.id);
    return { removedOrganizations: r.removed, keptOrganizations: r.kept };
  },
};

/**
 * Creates one organisation of a staged row through the organisation service's own function (its
 * name version, parent link, closure rows), marks it as the import's and audits it. A rule the
 * registry refuses at this point (a code taken since the analysis…) marks the row as an error
 * instead: the refusal comes before anything is written, so the batch goes on.
 */
export async function createUnit(
  env: KindCommitEnv,
  row: ImportRowRow,
  values: Parameters<typeof createOrganization>[1],
): Promise<string | null> {
  let created: { id: string; code: string };
  try {
    created = await createOrganization(env.tx, values, null);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const issues = [
      ...(row.issues as unknown as KindIssue[]),
      { field: 'row', severity: 'error', message: `Không ghi được: ${err.message}` },
    ];
    await imports.updateRow(env.tx, env.batch.id, row.row_number, {
      status: 'error',
      decision: 'skip',
      issues: JSON.stringify(issues),
    });
    return null;
  }
  await imports.markImported(env.tx, created.id, env.batch.id);
  await audit(env.tx, env.ctx, {
    action: 'organization.create',
    entityType: 'organization',
    entityId: created.id,
    organizationId: created.id,
    after: { ...values, code: created.code, importId: env.batch.id },
    actor: env.actor,
  });
  return created.id;
}
