import { randomUUID } from 'node:crypto';
import { canBeChildOf, ORGANIZATION_KIND_LABELS, provinceByCode } from '@lienhiep/core';
import { scopeFor } from '../access/policy.js';
import { existsOn, requireOrganization } from '../organizations/organization.service.js';
import { collectiveMemberRepository as collective } from '../people/collective-member.repository.js';
import { membershipTransitionRefusal } from '../people/people.service.js';
import {
  COLLECTIVE_FIELD_LABELS,
  COLLECTIVE_FIELDS,
  guessCollectiveField,
} from './collective-fields.js';
import {
  collectiveEventNote,
  normaliseCollectiveRow,
  type CollectiveImportData,
} from './collective-row.js';
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
import { PROVINCE_KEYS } from './member-analysis.js';
import {
  createUnit,
  describeOrganization,
  recheckAgainstEarlierRows,
  repeatsInFile,
} from './organization-kind.js';
import { isoToDmy } from './sheet.js';

const dataOf = (r: { data: unknown }) => r.data as CollectiveImportData;

async function decideAll(
  env: KindEnv,
  rows: readonly KindAnalysed[],
  newIds: ReadonlyMap<number, string> = new Map(),
): Promise<StagedRow[]> {
  const keys = [...new Set(rows.map((r) => r.nameKey).filter((k) => k !== ''))];
  const codes = [...new Set(rows.map((r) => dataOf(r).code).filter((c) => c !== null))];
  const candidates = await imports.organizationCandidates(
    env.db,
    scopeFor(env.actor, 'organization.read'),
    keys,
    codes,
    true,
  );
  const standing = await imports.collectiveStanding(
    env.db,
    env.host.id,
    [...new Set(candidates.map((c) => c.id))],
    env.today,
  );
  const byKey = new Map<string, OrganizationCandidate[]>();
  for (const c of candidates) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const creatable = canBeChildOf('collective_member', env.host.kind);
  const hostKind = ORGANIZATION_KIND_LABELS[env.host.kind].vi.toLowerCase();
  const repeats = repeatsInFile(rows);
  // an organisation linked by an earlier row is not linked twice
  const linkedBy = new Map<string, number>();

  return rows.map((r) => {
    const d = dataOf(r);
    const issues: KindIssue[] = [...r.issues];
    const make = (over: Partial<StagedRow>): StagedRow => {
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
        newPersonId: newIds.get(r.rowNumber) ?? randomUUID(),
        ...(base.hasError ? {} : over),
      };
    };
    if (baseStatus(issues).hasError) return make({});
    const repeat = repeats.get(r.rowNumber);
    if (repeat !== undefined) {
      return make({
        status: 'duplicate',
        decision: 'skip',
        matchRow: repeat,
        matchReason: `Trùng dòng ${repeat}: cùng tên đơn vị`,
      });
    }
    const found = [...(d.code ? (byKey.get(d.code) ?? []) : []), ...(byKey.get(r.nameKey) ?? [])];
    const sure =
      found.find((c) => c.by_code) ??
      found.find((c) => c.exact && c.ended_on === null) ??
      found.find((c) => c.exact);
    if (sure) {
      const who = describeOrganization(sure);
      if (sure.id === env.host.id) {
        issues.push({
          field: 'fullName',
          severity: 'error',
          message: 'Một tổ chức không thể là hội viên tập thể của chính nó',
        });
        return make({});
      }
      const st = standing.get(sure.id);
      if (st?.status === 'active' || st?.status === 'suspended') {
        return make({
          status: 'duplicate',
          decision: 'skip',
          matchOrganizationId: sure.id,
          matchReason: `Đã là hội viên tập thể của đơn vị: ${who}`,
        });
      }
      const earlier = linkedBy.get(sure.id);
      if (earlier !== undefined) {
        return make({
          status: 'duplicate',
          decision: 'skip',
          matchOrganizationId: sure.id,
          matchRow: earlier,
          matchReason: `Trùng dòng ${earlier}: cùng tổ chức ${who}`,
        });
      }
      if (!existsOn(sure, d.joinedOn)) {
        issues.push({
          field: 'joinedOn',
          severity: 'error',
          message: `${sure.full_name} chưa thành lập hoặc đã chấm dứt vào ngày ${isoToDmy(d.joinedOn)}`,
        });
        return make({});
      }
      if (st?.latest && st.latest > d.joinedOn) {
        issues.push({
          field: 'joinedOn',
          severity: 'error',
          message: `Đã có sự kiện hội viên tập thể ngày ${isoToDmy(st.latest)} của ${sure.full_name}; ngày gia nhập không được sớm hơn`,
        });
        return make({});
      }
      linkedBy.set(sure.id, r.rowNumber);
      return make({
        status: 'duplicate',
        decision: 'link',
        matchOrganizationId: sure.id,
        matchReason: `Đã có trong danh mục: ${who}; sẽ ghi gia nhập cho tổ chức này`,
      });
    }
    const possible = found[0];
    if (possible) {
      const base = baseStatus(issues);
      return make({
        status: base.status === 'ok' ? 'warning' : base.status,
        decision: creatable ? 'create' : 'skip',
        matchOrganizationId: possible.id,
        matchReason: `Có thể là ${describeOrganization(possible)}; nếu đúng, chọn ghi cho tổ chức có sẵn`,
      });
    }
    if (!creatable) {
      issues.push({
        field: 'fullName',
        severity: 'error',
        message: `Không tìm thấy "${d.fullName}" trong danh mục, và danh mục không có hội viên tập thể trực thuộc ${hostKind}: hãy thêm tổ chức vào danh mục trước`,
      });
    }
    return make({});
  });
}

async function refuse(env: KindCommitEnv, row: ImportRowRow, message: string): Promise<void> {
  const issues = [
    ...(row.issues as unknown as KindIssue[]),
    { field: 'row', severity: 'error', message: `Không ghi được: ${message}` },
  ];
  await imports.updateRow(env.tx, env.batch.id, row.row_number, {
    status: 'error',
    decision: 'skip',
    issues: JSON.stringify(issues),
  });
}

/**
 * "Hội viên tập thể": each row is matched to an organisation of the registry (the same folded
 * name: sure; a similar one: possible) and gets a join event in the host, or is added to the
 * registry (kind "collective member", below the host, as the collective-member service adds one)
 * with its join event. An organisation already a member is skipped.
 */
export const collectiveImport: ImportKindDef = {
  kind: 'collective_members',
  fields: COLLECTIVE_FIELDS,
  labels: COLLECTIVE_FIELD_LABELS,
  guessField: guessCollectiveField,
  nameFields: ['fullName'],
  mappingProblem: (fields) =>
    fields.has('fullName') ? null : 'Cần ghép một cột "Tên đơn vị" của hội viên tập thể',
  maskedField: null,
  defaultDateLabel: 'Ngày gia nhập mặc định',
  canLink: true,

  normaliser(env) {
    const ctx = {
      today: env.today,
      defaultJoinedOn: env.batch.default_joined_on,
      organizationFrom: env.host.founded_on,
      provinces: PROVINCE_KEYS,
    };
    return Promise.resolve((raw, mapping) => normaliseCollectiveRow(raw, mapping, ctx));
  },

  decide: (env, rows) => decideAll(env, rows),

  recheck: (env, row, stored) => recheckAgainstEarlierRows(env, row, stored, decideAll),

  values(r: ImportRowRow) {
    const d = dataOf(r);
    return {
      kind: 'collective_members' as const,
      fullName: d.fullName,
      shortName: d.shortName,
      code: d.code,
      taxCode: d.taxCode,
      joinedOn: d.joinedOn,
      provinceCode: d.provinceCode,
      provinceName: d.provinceCode ? (provinceByCode(d.provinceCode)?.name ?? null) : null,
      address: d.address,
      phone: d.phone,
      email: d.email,
      website: d.website,
      representative: d.representative,
      note: d.note,
    };
  },

  async commitRange(env, from, to) {
    const hostId = env.batch.organization_id;
    const rows = await imports.rowsToWrite(env.tx, env.batch.id, from, to);
    let created = 0;
    let events = 0;
    let failed = 0;
    for (const r of rows) {
      const d = dataOf(r);
      let memberId: string | null;
      if (r.decision === 'create') {
        memberId = await createUnit(env, r, {
          kind: 'collective_member',
          parentId: hostId,
          fullName: d.fullName,
          shortName: d.shortName,
          provinceCode: d.provinceCode,
          address: d.address,
          phone: d.phone,
          email: d.email,
          website: d.website,
          foundedOn: d.joinedOn,
          ...(d.code ? { code: d.code } : {}),
        });
        if (memberId === null) {
          failed++;
          continue;
        }
        created++;
      } else {
        memberId = r.match_organization_id;
        if (memberId === null || memberId === hostId) {
          await refuse(env, r, 'không có tổ chức nào để ghi gia nhập');
          failed++;
          continue;
        }
        // the state may have moved since the analysis: the rule of the collective-member service
        const member = await requireOrganization(env.tx, memberId);
        const latest = await collective.latestEventDate(env.tx, memberId, hostId);
        const current = await collective.statusOf(env.tx, memberId, hostId, d.joinedOn);
        const refusal = !existsOn(member, d.joinedOn)
          ? `${member.full_name} chưa thành lập hoặc đã chấm dứt vào ngày ${isoToDmy(d.joinedOn)}`
          : latest !== null && latest > d.joinedOn
            ? `đã có sự kiện hội viên tập thể ngày ${isoToDmy(latest)}`
            : membershipTransitionRefusal(current?.status ?? null, 'join')
              ? `${member.full_name} đang là hội viên tập thể`
              : null;
        if (refusal !== null) {
          await refuse(env, r, refusal);
          failed++;
          continue;
        }
      }
      await imports.insertJoinEvent(env.tx, {
        hostId,
        memberId,
        effectiveDate: d.joinedOn,
        note: collectiveEventNote(d),
        importId: env.batch.id,
      });
      events++;
    }
    return { createdOrganizations: created, events, failed };
  },

  async undo(env) {
    const events = await imports.deleteEvents(env.tx, env.batch.id);
    const r = await imports.undoOrganizations(env.tx, env.batch.id);
    return {
      removedEvents: events,
      removedOrganizations: r.removed,
      keptOrganizations: r.kept,
    };
  },
};
