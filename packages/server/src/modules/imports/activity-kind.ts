import { randomUUID } from 'node:crypto';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_MODE_LABELS,
  ACTIVITY_SUBTYPES,
  foldVietnamese,
  PROJECT_LEVEL_LABELS,
  provinceByCode,
} from '@lienhiep/core';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../access/actor.js';
import { accessRepository } from '../access/access.repository.js';
import { writableAmong } from '../access/policy.js';
import { activityRepository as activities } from '../activities/activity.repository.js';
import { activityProblems, type OrganizationDates } from '../activities/activity.service.js';
import { audit } from '../audit/audit.service.js';
import {
  ACTIVITY_IMPORT_FIELDS,
  ACTIVITY_IMPORT_LABELS,
  amountMultiplier,
  guessActivityField,
} from './activity-fields.js';
import { normaliseActivityRow, type ActivityImportData } from './activity-row.js';
import { mappingFromJson, type StoredColumn } from './import.dto.js';
import {
  baseStatus,
  type ImportKindDef,
  type KindAnalysed,
  type KindEnv,
  type KindIssue,
} from './import-kind.js';
import {
  importRepository as imports,
  type ImportRowRow,
  type StagedRow,
} from './import.repository.js';
import { PROVINCE_KEYS } from './member-analysis.js';
import { recheckAgainstEarlierRows } from './organization-kind.js';
import { isoToDmy } from './sheet.js';

const dataOf = (r: { data: unknown }) => r.data as ActivityImportData;

/** Same organisation, same title once folded, same end date: the same activity. */
const duplicateKey = (orgId: string, titleKey: string, endsOn: string) =>
  `${orgId}|${titleKey}|${endsOn}`;

/** The uploader as an actor, from the rights they hold now. */
async function uploader(db: Executor, userId: string | null, name: string): Promise<Actor> {
  return {
    userId: userId ?? '',
    name,
    username: null,
    email: '',
    twoFactorEnabled: false,
    mustChangePassword: false,
    sessionId: '',
    assignments: userId ? await accessRepository.assignmentsOf(db, userId) : [],
  };
}

type Unit = OrganizationDates & { id: string; code: string };

/**
 * Decides every row: the organisation it is written under (the import's, or a unit of its
 * subtree the row names and the uploader may write for), the rules of an activity against that
 * organisation (the service's own), and duplicates — an earlier row, or an activity already
 * recorded, with the same organisation, folded title and end date.
 */
async function decideAll(
  env: KindEnv,
  rows: readonly KindAnalysed[],
  newIds: ReadonlyMap<number, string> = new Map(),
): Promise<StagedRow[]> {
  const named = rows.map((r) => dataOf(r).unitName).filter((n) => n !== null);
  const candidates = await activities.unitsInSubtree(
    env.db,
    env.host.id,
    [...new Set(named.map((n) => foldVietnamese(n)))],
    [...new Set(named.filter((n) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/.test(n)))],
    env.today,
  );
  const byKey = new Map<string, Map<string, Unit>>();
  for (const c of candidates) {
    const m = byKey.get(c.key) ?? new Map<string, Unit>();
    m.set(c.id, c);
    byKey.set(c.key, m);
  }
  const writable = new Set(
    await writableAmong(env.db, env.actor, 'activity.write', [
      env.host.id,
      ...new Set(candidates.map((c) => c.id)),
    ]),
  );
  const host: Unit = env.host;

  // first pass: the organisation and the rules
  const decided = rows.map((r) => {
    const d: ActivityImportData = { ...dataOf(r), organizationId: null, organizationName: null };
    const issues: KindIssue[] = [...r.issues];
    let unit: Unit | null = host;
    if (d.unitName !== null) {
      const found = [
        ...new Map([
          ...(byKey.get(foldVietnamese(d.unitName)) ?? new Map<string, Unit>()),
          ...(byKey.get(d.unitName) ?? new Map<string, Unit>()),
        ]).values(),
      ];
      unit = null;
      if (found.length === 0) {
        issues.push({
          field: 'unit',
          severity: 'error',
          message: `Không tìm thấy đơn vị "${d.unitName}" trong ${env.host.full_name} và các đơn vị trực thuộc (theo tên hoặc mã)`,
        });
      } else if (found.length > 1) {
        issues.push({
          field: 'unit',
          severity: 'error',
          message: `Có ${found.length} đơn vị tên "${d.unitName}": ${found.map((u) => `${u.full_name} (mã ${u.code})`).join('; ')}; hãy ghi mã đơn vị`,
        });
      } else if (!writable.has(found[0]!.id)) {
        issues.push({
          field: 'unit',
          severity: 'error',
          message: `Bạn không có quyền ghi hoạt động cho ${found[0]!.full_name}`,
        });
      } else unit = found[0]!;
    } else if (!writable.has(host.id)) {
      issues.push({
        field: 'row',
        severity: 'error',
        message: `Bạn không có quyền ghi hoạt động cho ${host.full_name}`,
      });
      unit = null;
    }
    if (unit !== null) {
      d.organizationId = unit.id;
      d.organizationName = unit.full_name;
      if (d.kind !== null && d.startsOn !== null && d.endsOn !== null && d.title !== '') {
        for (const p of activityProblems(
          {
            kind: d.kind,
            subtype: d.subtype,
            title: d.title,
            startsOn: d.startsOn,
            endsOn: d.endsOn,
            provinceCode: d.provinceCode,
            projectLevel: d.projectLevel,
            figures: d.figures,
          },
          unit,
          env.today,
        )) {
          issues.push({
            field: p.field.replace(/^figures\//, ''),
            severity: 'error',
            message: p.message,
          });
        }
      }
    }
    return { r, d, issues };
  });

  const keys = decided
    .filter((x) => x.d.organizationId !== null && x.d.endsOn !== null && x.r.nameKey !== '')
    .map((x) => ({
      organizationId: x.d.organizationId!,
      titleKey: x.r.nameKey,
      endsOn: x.d.endsOn!,
    }));
  const existing = new Map(
    (await activities.existingKeys(env.db, keys)).map((e) => [
      duplicateKey(e.organization_id, e.title_key, e.ends_on),
      e,
    ]),
  );
  const firstRow = new Map<string, number>();
  return decided.map(({ r, d, issues }) => {
    const base = baseStatus(issues);
    const row: StagedRow = {
      rowNumber: r.rowNumber,
      raw: r.raw,
      data: d,
      issues,
      status: base.status,
      decision: base.decision,
      nameKey: r.nameKey,
      matchPersonId: null,
      matchOrganizationId: null,
      matchRow: null,
      matchReason: null,
      newPersonId: newIds.get(r.rowNumber) ?? randomUUID(),
    };
    if (base.hasError || d.organizationId === null || d.endsOn === null) return row;
    const key = duplicateKey(d.organizationId, r.nameKey, d.endsOn);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      return {
        ...row,
        status: 'duplicate',
        decision: 'skip',
        matchRow: earlier,
        matchReason: `Trùng dòng ${earlier}: cùng đơn vị, tên hoạt động và ngày kết thúc`,
      };
    }
    firstRow.set(key, r.rowNumber);
    if (existing.has(key)) {
      return {
        ...row,
        status: 'duplicate',
        decision: 'skip',
        matchOrganizationId: d.organizationId,
        matchReason: `Đã có hoạt động này của ${d.organizationName}: "${d.title}", kết thúc ${isoToDmy(d.endsOn)}`,
      };
    }
    return row;
  });
}

/** Marks a row that can no longer be written, with the reason, so that the batch goes on. */
async function refuseRow(
  tx: Executor,
  importId: string,
  row: ImportRowRow,
  status: 'error' | 'duplicate',
  message: string,
): Promise<void> {
  const issues = [
    ...(row.issues as unknown as KindIssue[]),
    { field: 'row', severity: status === 'error' ? 'error' : 'warning', message },
  ];
  await imports.updateRow(tx, importId, row.row_number, {
    status,
    decision: 'skip',
    issues: JSON.stringify(issues),
    ...(status === 'duplicate' ? { match_reason: message } : {}),
  });
}

/** "Hoạt động": the courses, workshops, critiques… of the organisation and its units. */
export const activityImport: ImportKindDef = {
  kind: 'activities',
  permission: 'activity.write',
  fields: ACTIVITY_IMPORT_FIELDS,
  labels: ACTIVITY_IMPORT_LABELS,
  guessField: guessActivityField,
  nameFields: ['activityTitle'],
  mappingProblem: (fields) => {
    if (!fields.has('activityTitle')) return 'Cần ghép một cột "Tên hoạt động"';
    if (!fields.has('startsOn') && !fields.has('endsOn')) {
      return 'Cần ghép một cột ngày: "Ngày bắt đầu" (hoặc thời gian) hay "Ngày kết thúc"';
    }
    return null;
  },
  maskedField: null,
  defaultDateLabel: 'Ngày cho các dòng không ghi ngày',
  canLink: false,

  normaliser(env) {
    const mapping = mappingFromJson(env.batch.mapping);
    const columns = env.batch.columns as unknown as StoredColumn[];
    let multiplier = 1;
    for (const [index, field] of mapping) {
      const heading = columns.find((c) => c.index === index)?.heading;
      if (field === 'amount' && heading) multiplier = amountMultiplier(heading);
    }
    const ctx = {
      today: env.today,
      defaultDate: env.batch.default_joined_on,
      provinces: PROVINCE_KEYS,
      amountMultiplier: multiplier,
    };
    return Promise.resolve((raw, m) => normaliseActivityRow(raw, m, ctx));
  },

  decide: (env, rows) => decideAll(env, rows),

  recheck: (env, row, stored) => recheckAgainstEarlierRows(env, row, stored, decideAll),

  values(r: ImportRowRow) {
    const d = dataOf(r);
    return {
      kind: 'activities' as const,
      title: d.title,
      activityKind: d.kind,
      activityKindLabel: d.kind ? ACTIVITY_KIND_LABELS[d.kind].vi : null,
      subtype: d.subtype,
      subtypeLabel:
        d.kind && d.subtype ? (ACTIVITY_SUBTYPES[d.kind]?.[d.subtype]?.vi ?? null) : null,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      organizationId: d.organizationId,
      organizationName: d.organizationName,
      unitName: d.unitName,
      provinceCode: d.provinceCode,
      provinceName: d.provinceCode ? (provinceByCode(d.provinceCode)?.name ?? null) : null,
      mode: d.mode,
      modeLabel: ACTIVITY_MODE_LABELS[d.mode].vi,
      partners: d.partners,
      projectLevel: d.projectLevel,
      projectLevelLabel: d.projectLevel ? PROJECT_LEVEL_LABELS[d.projectLevel].vi : null,
      figures: {
        sessions: d.figures.sessions ?? null,
        participants: d.figures.participants ?? null,
        attendances: d.figures.attendances ?? null,
        opinions: d.figures.opinions ?? null,
        documents: d.figures.documents ?? null,
        households: d.figures.households ?? null,
        amount: d.figures.amount ?? null,
      },
      description: d.description,
    };
  },

  /**
   * Writes the activities of rows (from, to], each with the id given at analysis and the
   * import's id. The uploader's right on each unit and the duplicates are checked again: what
   * changed since the preview marks the row instead of failing the batch.
   */
  async commitRange(env, from, to) {
    const rows = (await imports.rowsToWrite(env.tx, env.batch.id, from, to)).filter(
      (r) => r.decision === 'create',
    );
    if (rows.length === 0) return { createdActivities: 0, failed: 0 };
    const actor = await uploader(env.tx, env.batch.created_by, env.batch.created_by_name);
    const writable = new Set(
      await writableAmong(env.tx, actor, 'activity.write', [
        ...new Set(rows.map((r) => dataOf(r).organizationId!)),
      ]),
    );
    const existing = new Set(
      (
        await activities.existingKeys(
          env.tx,
          rows.map((r) => ({
            organizationId: dataOf(r).organizationId!,
            titleKey: r.name_key,
            endsOn: dataOf(r).endsOn!,
          })),
        )
      ).map((e) => duplicateKey(e.organization_id, e.title_key, e.ends_on)),
    );
    let created = 0;
    let failed = 0;
    for (const r of rows) {
      const d = dataOf(r);
      if (!writable.has(d.organizationId!)) {
        await refuseRow(
          env.tx,
          env.batch.id,
          r,
          'error',
          `Không ghi được: người nhập không còn quyền ghi hoạt động cho ${d.organizationName}`,
        );
        failed++;
        continue;
      }
      if (existing.has(duplicateKey(d.organizationId!, r.name_key, d.endsOn!))) {
        await refuseRow(
          env.tx,
          env.batch.id,
          r,
          'duplicate',
          `Không ghi: hoạt động này đã được ghi từ sau bước xem trước (${d.organizationName}, kết thúc ${isoToDmy(d.endsOn!)})`,
        );
        failed++;
        continue;
      }
      const values = {
        id: r.new_person_id,
        organization_id: d.organizationId!,
        kind: d.kind!,
        subtype: d.subtype,
        title: d.title,
        starts_on: d.startsOn!,
        ends_on: d.endsOn!,
        province_code: d.provinceCode,
        mode: d.mode,
        partners: d.partners,
        description: d.description,
        project_level: d.projectLevel,
        sessions: d.figures.sessions ?? null,
        participants: d.figures.participants ?? null,
        attendances: d.figures.attendances ?? null,
        opinions: d.figures.opinions ?? null,
        documents: d.figures.documents ?? null,
        households: d.figures.households ?? null,
        amount: d.figures.amount ?? null,
        import_id: env.batch.id,
        created_by: env.batch.created_by,
      };
      await activities.insert(env.tx, values);
      await audit(env.tx, env.ctx, {
        action: 'activity.create',
        entityType: 'activity',
        entityId: r.new_person_id,
        organizationId: d.organizationId,
        after: { ...values, importId: env.batch.id, row: r.row_number },
        actor: env.actor,
      });
      created++;
    }
    return { createdActivities: created, failed };
  },

  async undo(env) {
    const r = await activities.undoImported(env.tx, env.batch.id);
    return { removedActivities: r.removed, keptActivities: r.kept };
  },
};
