import { defaultWindow, PERIOD_TYPE_LABELS, roundTitle, formatDate } from '@lienhiep/core';
import type { Database, Executor } from '../../db/database.js';
import { addDays, vnToday } from '../../shared/dates.js';
import { conflict, invalid, notFound } from '../../shared/errors.js';
import type { RequestContext } from '../access/actor.js';
import {
  assertReadable,
  assertWritable,
  assignedOrganizationIds,
  scopeFor,
  writableAmong,
} from '../access/policy.js';
import { scopeRepository, type Scope } from '../access/scope.repository.js';
import { audit } from '../audit/audit.service.js';
import { notificationService } from '../notifications/notification.service.js';
import { toRef } from '../organizations/organization.dto.js';
import { requireOrganization } from '../organizations/organization.service.js';
import {
  roundRepository as rounds,
  type CompletenessRow,
  type ReporterRow,
  type RoundListRow,
  type RoundRow,
} from './round.repository.js';
import type { RoundCreate, RoundListQuery, RoundUpdate } from './round.schemas.js';
import { submissionRepository as submissions } from './submission.repository.js';

export const roundNotFound = () => notFound('đợt báo cáo');
const dmy = (iso: string) => formatDate(iso);

export function toCompleteness(c: CompletenessRow | undefined) {
  return {
    expected: c?.expected ?? 0,
    draft: c?.draft ?? 0,
    submitted: c?.submitted ?? 0,
    returned: c?.returned ?? 0,
    approved: c?.approved ?? 0,
    notStarted: c?.not_started ?? 0,
    late: c?.late ?? 0,
  };
}

const orgRef = (r: {
  organization_id: string;
  code: string;
  kind: RoundListRow['org_kind'];
  full_name: string;
  short_name: string | null;
}) => ({
  id: r.organization_id,
  code: r.code,
  kind: r.kind,
  fullName: r.full_name,
  shortName: r.short_name,
});

const reporterOrgRef = (r: ReporterRow) => orgRef(r);

/** The round's own facts, as every answer about a round gives them. */
function roundFacts(r: RoundRow) {
  return {
    id: r.id,
    title: r.title,
    periodType: r.period_type,
    year: r.year,
    quarter: r.quarter,
    windowFrom: r.window_from,
    windowTo: r.window_to,
    deadline: r.deadline,
    graceDays: r.grace_days,
    dueDate: addDays(r.deadline, r.grace_days),
    status: r.status,
    parentRoundId: r.parent_round_id,
    openedAt: r.opened_at.toISOString(),
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
  };
}

function union(a: Scope, b: Scope): Scope {
  if (a.kind === 'all' || b.kind === 'all') return { kind: 'all' };
  return { kind: 'subtrees', roots: [...new Set([...a.roots, ...b.roots])] };
}

/** May the actor read this round: its organisation, or one of its expected reporters. */
export async function assertRoundReadable(
  db: Executor,
  ctx: RequestContext,
  round: RoundRow,
): Promise<{ readsRoundOrg: boolean }> {
  const scope = scopeFor(ctx.actor!, 'organization.read');
  const ok = await scopeRepository.filter(db, scope, [round.organization_id], 'read');
  if (ok.has(round.organization_id)) return { readsRoundOrg: true };
  const reporters = await rounds.reporters(db, round.id, vnToday());
  const readable = await scopeRepository.filter(
    db,
    scope,
    reporters.map((r) => r.organization_id),
    'read',
  );
  if (readable.size === 0) throw roundNotFound();
  return { readsRoundOrg: false };
}

/** Notify the staff (report.submit) of these units that a round expects their report. */
async function notifyReporters(
  tx: Executor,
  round: RoundRow,
  orgIds: string[],
  kind: 'opened' | 'reminder',
): Promise<number> {
  const due = dmy(addDays(round.deadline, round.grace_days));
  return notificationService.notifyOrganizationUsers(tx, orgIds, 'report.submit', {
    kind: kind === 'opened' ? 'round.opened' : 'round.reminder',
    title:
      kind === 'opened' ? `Đợt báo cáo mới: ${round.title}` : `Nhắc nộp báo cáo: ${round.title}`,
    body:
      kind === 'opened'
        ? `Số liệu từ ${dmy(round.window_from)} đến ${dmy(round.window_to)}; hạn nộp ${dmy(round.deadline)}${round.grace_days ? ` (gia hạn đến ${due})` : ''}.`
        : `Đơn vị chưa nộp báo cáo; hạn nộp ${dmy(round.deadline)}${round.grace_days ? `, gia hạn đến ${due}` : ''}.`,
    link: `/bao-cao/dot/${round.id}`,
  });
}

export function createRoundService(db: Database) {
  async function summaries(ctx: RequestContext, rows: RoundRow[] | RoundListRow[]) {
    const today = vnToday();
    const ids = rows.map((r) => r.id);
    const counts = await rounds.completeness(db, ids, today);
    const myOrgIds = assignedOrganizationIds(ctx.actor!);
    const mine = await rounds.reportsOf(db, ids, myOrgIds, today);
    return { counts, mine };
  }

  async function detail(ctx: RequestContext, id: string) {
    const round = await rounds.findById(db, id);
    if (!round) throw roundNotFound();
    const { readsRoundOrg } = await assertRoundReadable(db, ctx, round);
    const actor = ctx.actor!;
    const today = vnToday();
    const org = await requireOrganization(db, round.organization_id);
    let reporters = await rounds.reporters(db, round.id, today);
    if (!readsRoundOrg) {
      const ok = await scopeRepository.filter(
        db,
        scopeFor(actor, 'organization.read'),
        reporters.map((r) => r.organization_id),
        'read',
      );
      reporters = reporters.filter((r) => ok.has(r.organization_id));
    }
    const childIds = await rounds.childRoundIds(db, round.id);
    const refs = await rounds.refs(db, [
      ...childIds,
      ...(round.parent_round_id ? [round.parent_round_id] : []),
    ]);
    const counts = await rounds.completeness(db, [round.id, ...childIds], today);
    const myOrgIds = assignedOrganizationIds(actor);
    const fv = await rounds.formVersion(db, round.form_version_id);
    const [canManage, canReview] = await Promise.all([
      writableAmong(db, actor, 'round.manage', [round.organization_id]),
      writableAmong(db, actor, 'report.review', [round.organization_id]),
    ]);
    const ref = (rid: string) => {
      const r = refs.find((x) => x.id === rid)!;
      return { id: r.id, title: r.title, status: r.status, organization: orgRef(r) };
    };
    return {
      ...roundFacts(round),
      organization: toRef(org),
      completeness: toCompleteness(counts.get(round.id)),
      myReports: reporters
        .filter((r) => myOrgIds.includes(r.organization_id))
        .map((r) => ({
          organization: reporterOrgRef(r),
          submissionId: r.submission_id,
          status: r.status,
          late: r.late,
        })),
      note: round.note,
      openedBy: await rounds.userName(db, round.opened_by),
      formVersion: {
        id: round.form_version_id,
        formCode: fv?.code ?? '',
        formName: fv?.name ?? '',
        version: fv?.version ?? 0,
      },
      parentRound: round.parent_round_id ? ref(round.parent_round_id) : null,
      childRounds: childIds
        .filter((c) => refs.some((r) => r.id === c))
        .map((c) => ({ ...ref(c), completeness: toCompleteness(counts.get(c)) })),
      reporters: reporters.map((r) => ({
        organization: reporterOrgRef(r),
        nameAtOpen: r.name_at_open,
        kindAtOpen: r.kind_at_open,
        provinceCodeAtOpen: r.province_code_at_open,
        submissionId: r.submission_id,
        status: r.status,
        submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
        late: r.late,
        childRoundId: r.child_round_id,
      })),
      hasSentSubmissions: await rounds.hasSentSubmissions(db, round.id),
      canManage: canManage.length > 0,
      canReview: canReview.length > 0,
    };
  }

  /** Checks a parent round: open, of the same period, and expecting the organisation. */
  async function checkParent(tx: Executor, input: RoundCreate, quarter: number | null) {
    if (!input.parentRoundId) return null;
    const parent = await rounds.findById(tx, input.parentRoundId);
    if (!parent) throw invalid('parentRoundId', 'Không tìm thấy đợt báo cáo cấp trên');
    if (parent.status !== 'open') {
      throw conflict(`Đợt báo cáo cấp trên "${parent.title}" đã kết thúc`, 'parentRoundId');
    }
    if (
      parent.period_type !== input.periodType ||
      parent.year !== input.year ||
      (parent.quarter ?? null) !== quarter
    ) {
      throw conflict(
        `Đợt báo cáo cấp trên "${parent.title}" thuộc kỳ khác (${PERIOD_TYPE_LABELS[parent.period_type].vi} năm ${parent.year})`,
        'parentRoundId',
      );
    }
    if (!(await rounds.isExpected(tx, parent.id, input.organizationId))) {
      throw conflict(
        `Tổ chức này không thuộc danh sách phải báo cáo trong đợt "${parent.title}"`,
        'parentRoundId',
      );
    }
    return parent;
  }

  return {
    async list(ctx: RequestContext, q: RoundListQuery) {
      const actor = ctx.actor!;
      if (q.organizationId) await assertReadable(db, actor, q.organizationId);
      const myOrgIds = assignedOrganizationIds(actor);
      const rows = await rounds.list(db, {
        read: scopeFor(actor, 'organization.read'),
        reporterOrgIds: q.role === 'reporter' ? myOrgIds : undefined,
        manage:
          q.role === 'reviewer'
            ? union(scopeFor(actor, 'round.manage'), scopeFor(actor, 'report.review'))
            : undefined,
        organizationId: q.organizationId,
        year: q.year,
        periodType: q.periodType,
        status: q.status,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const { counts, mine } = await summaries(ctx, rows);
      return {
        items: rows.map((r) => ({
          ...roundFacts(r),
          organization: {
            id: r.organization_id,
            code: r.org_code,
            kind: r.org_kind,
            fullName: r.org_full_name,
            shortName: r.org_short_name,
          },
          completeness: toCompleteness(counts.get(r.id)),
          myReports: mine
            .filter((m) => m.round_id === r.id)
            .map((m) => ({
              organization: reporterOrgRef(m),
              submissionId: m.submission_id,
              status: m.status,
              late: m.late,
            })),
        })),
        total: rows[0]?.total ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    get: detail,

    async candidates(ctx: RequestContext, organizationId: string, at?: string) {
      await assertReadable(db, ctx.actor!, organizationId);
      const on = at ?? vnToday();
      const items = await rounds.candidates(db, organizationId, on);
      const parents = await rounds.openRoundsExpecting(db, organizationId);
      return {
        at: on,
        items: items.map((c) => ({
          id: c.id,
          code: c.code,
          kind: c.kind,
          fullName: c.full_name,
          shortName: c.short_name,
          provinceCode: c.province_code,
        })),
        parentRounds: parents.map((p) => ({
          id: p.id,
          title: p.title,
          status: p.status,
          periodType: p.period_type,
          year: p.year,
          quarter: p.quarter,
          organization: orgRef(p),
        })),
      };
    },

    async create(ctx: RequestContext, input: RoundCreate) {
      const actor = ctx.actor!;
      const today = vnToday();
      const id = await db.transaction().execute(async (tx) => {
        await assertWritable(tx, actor, 'round.manage', [input.organizationId]);
        const org = await requireOrganization(tx, input.organizationId);
        const fv = await rounds.formVersion(tx, input.formVersionId);
        if (!fv) throw invalid('formVersionId', 'Không tìm thấy phiên bản biểu mẫu');
        if (!fv.published_at) {
          throw invalid('formVersionId', 'Phiên bản biểu mẫu chưa được ban hành');
        }
        const quarter = input.periodType === 'quarter' ? (input.quarter ?? null) : null;
        if (input.periodType === 'quarter' && quarter === null) {
          throw invalid('quarter', 'Kỳ báo cáo quý cần chọn quý (1 đến 4)');
        }
        if (input.periodType !== 'quarter' && input.quarter != null) {
          throw invalid('quarter', 'Chỉ kỳ báo cáo quý mới chọn quý');
        }
        let windowFrom = input.windowFrom;
        let windowTo = input.windowTo;
        if (windowFrom === undefined || windowTo === undefined) {
          if (input.periodType === 'custom') {
            throw invalid(
              windowFrom === undefined ? 'windowFrom' : 'windowTo',
              'Kỳ báo cáo tùy chọn cần thời gian chốt số liệu (từ ngày, đến ngày)',
            );
          }
          const w = defaultWindow(
            input.periodType,
            input.year,
            input.convention ?? 'cutoff',
            quarter ?? undefined,
          );
          windowFrom ??= w.from;
          windowTo ??= w.to;
        }
        if (windowTo < windowFrom) {
          throw invalid(
            'windowTo',
            'Ngày cuối của thời gian chốt số liệu không được trước ngày đầu',
          );
        }
        if (input.deadline < windowFrom) {
          throw invalid('deadline', 'Hạn nộp không được trước ngày đầu của thời gian chốt số liệu');
        }
        const dup = await rounds.duplicatePeriod(tx, {
          organization_id: input.organizationId,
          period_type: input.periodType,
          year: input.year,
          quarter,
          window_from: windowFrom,
          window_to: windowTo,
        });
        if (dup) {
          throw conflict(
            `${org.full_name} đã mở đợt báo cáo cho kỳ này: "${dup.title}"`,
            'periodType',
          );
        }
        const parent = await checkParent(tx, input, quarter);

        // the expected reporters, with their names, kinds and provinces on the opening date
        let reporterRows;
        if (input.reporterIds === undefined) {
          reporterRows = await rounds.candidates(tx, input.organizationId, today);
        } else {
          const ids = [...new Set(input.reporterIds)];
          if (ids.includes(input.organizationId)) {
            throw invalid('reporterIds', 'Tổ chức mở đợt không tự báo cáo trong đợt của mình');
          }
          reporterRows = await rounds.belowOn(tx, input.organizationId, ids, today);
          const found = new Set(reporterRows.map((r) => r.id));
          const missing = ids.find((x) => !found.has(x));
          if (missing) {
            throw invalid(
              'reporterIds',
              `Đơn vị ${missing} không trực thuộc ${org.full_name} vào ngày ${dmy(today)}`,
            );
          }
        }
        if (reporterRows.length === 0) {
          throw invalid('reporterIds', 'Chưa có đơn vị nào phải báo cáo trong đợt này');
        }
        if (parent) {
          const family = await rounds.familyIds(tx, parent.id);
          const taken = await rounds.expectedIn(
            tx,
            family,
            reporterRows.map((r) => r.id),
          );
          const first = taken[0];
          if (first) {
            throw conflict(
              `${first.name_at_open} đã phải báo cáo trong đợt "${first.title}" cùng hệ thống đợt báo cáo; một đơn vị chỉ báo cáo một lần`,
              'reporterIds',
            );
          }
        }
        const round = await rounds.insert(tx, {
          organization_id: input.organizationId,
          parent_round_id: parent?.id ?? null,
          form_version_id: input.formVersionId,
          period_type: input.periodType,
          year: input.year,
          quarter,
          title: input.title ?? roundTitle(input.periodType, input.year, quarter),
          window_from: windowFrom,
          window_to: windowTo,
          deadline: input.deadline,
          grace_days: input.graceDays ?? 0,
          note: input.note ?? null,
          opened_by: actor.userId,
        });
        await rounds.insertReporters(
          tx,
          reporterRows.map((r) => ({
            round_id: round.id,
            organization_id: r.id,
            name_at_open: r.full_name,
            kind_at_open: r.kind,
            province_code_at_open: r.province_code,
          })),
        );
        await audit(tx, ctx, {
          action: 'round.open',
          entityType: 'reporting_round',
          entityId: round.id,
          organizationId: round.organization_id,
          after: {
            title: round.title,
            periodType: round.period_type,
            year: round.year,
            quarter: round.quarter,
            windowFrom: round.window_from,
            windowTo: round.window_to,
            deadline: round.deadline,
            graceDays: round.grace_days,
            parentRoundId: round.parent_round_id,
            formVersionId: round.form_version_id,
            reporters: reporterRows.map((r) => r.full_name),
          },
        });
        await notifyReporters(
          tx,
          round,
          reporterRows.map((r) => r.id),
          'opened',
        );
        return round.id;
      });
      return detail(ctx, id);
    },

    async update(ctx: RequestContext, id: string, patch: RoundUpdate) {
      await db.transaction().execute(async (tx) => {
        const round = await rounds.findByIdForUpdate(tx, id);
        if (!round) throw roundNotFound();
        await assertRoundReadable(tx, ctx, round);
        await assertWritable(tx, ctx.actor!, 'round.manage', [round.organization_id]);
        if (round.status === 'closed') throw conflict('Đợt báo cáo đã kết thúc, không sửa được');
        const windowChanged =
          (patch.windowFrom !== undefined && patch.windowFrom !== round.window_from) ||
          (patch.windowTo !== undefined && patch.windowTo !== round.window_to);
        if (windowChanged && (await rounds.hasSentSubmissions(tx, id))) {
          throw conflict(
            'Đã có đơn vị nộp báo cáo: không sửa được thời gian chốt số liệu',
            patch.windowFrom !== undefined ? 'windowFrom' : 'windowTo',
          );
        }
        const from = patch.windowFrom ?? round.window_from;
        const to = patch.windowTo ?? round.window_to;
        if (to < from) {
          throw invalid(
            'windowTo',
            'Ngày cuối của thời gian chốt số liệu không được trước ngày đầu',
          );
        }
        const deadline = patch.deadline ?? round.deadline;
        if (deadline < from) {
          throw invalid('deadline', 'Hạn nộp không được trước ngày đầu của thời gian chốt số liệu');
        }
        const values = {
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.deadline !== undefined ? { deadline: patch.deadline } : {}),
          ...(patch.graceDays !== undefined ? { grace_days: patch.graceDays } : {}),
          ...(patch.note !== undefined ? { note: patch.note } : {}),
          ...(patch.windowFrom !== undefined ? { window_from: patch.windowFrom } : {}),
          ...(patch.windowTo !== undefined ? { window_to: patch.windowTo } : {}),
        };
        if (Object.keys(values).length === 0) return;
        const after = await rounds.update(tx, id, values);
        const pick = (r: RoundRow) => ({
          title: r.title,
          deadline: r.deadline,
          graceDays: r.grace_days,
          note: r.note,
          windowFrom: r.window_from,
          windowTo: r.window_to,
        });
        await audit(tx, ctx, {
          action: 'round.update',
          entityType: 'reporting_round',
          entityId: id,
          organizationId: round.organization_id,
          before: pick(round),
          after: pick(after),
        });
      });
      return detail(ctx, id);
    },

    async close(ctx: RequestContext, id: string) {
      await db.transaction().execute(async (tx) => {
        const round = await rounds.findByIdForUpdate(tx, id);
        if (!round) throw roundNotFound();
        await assertRoundReadable(tx, ctx, round);
        await assertWritable(tx, ctx.actor!, 'round.manage', [round.organization_id]);
        if (round.status === 'closed') throw conflict('Đợt báo cáo đã kết thúc từ trước');
        const approved = await rounds.approvedSubmissions(tx, id);
        for (const s of approved) {
          await submissions.update(tx, s.id, { status: 'locked', locked_at: new Date() });
          await submissions.insertEvent(tx, {
            submission_id: s.id,
            action: 'lock',
            from_status: 'approved',
            to_status: 'locked',
            reason: 'Kết thúc đợt báo cáo',
            actor_id: ctx.actor!.userId,
            actor_name: ctx.actor!.name,
          });
          await audit(tx, ctx, {
            action: 'submission.lock',
            entityType: 'submission',
            entityId: s.id,
            organizationId: s.organization_id,
            before: { status: 'approved' },
            after: { status: 'locked', reason: 'Kết thúc đợt báo cáo' },
          });
        }
        await rounds.update(tx, id, {
          status: 'closed',
          closed_at: new Date(),
          closed_by: ctx.actor!.userId,
        });
        await audit(tx, ctx, {
          action: 'round.close',
          entityType: 'reporting_round',
          entityId: id,
          organizationId: round.organization_id,
          before: { status: 'open' },
          after: { status: 'closed', locked: approved.length },
        });
      });
      return detail(ctx, id);
    },

    async remind(ctx: RequestContext, id: string) {
      return db.transaction().execute(async (tx) => {
        const round = await rounds.findById(tx, id);
        if (!round) throw roundNotFound();
        await assertRoundReadable(tx, ctx, round);
        await assertWritable(tx, ctx.actor!, 'round.manage', [round.organization_id]);
        if (round.status === 'closed') throw conflict('Đợt báo cáo đã kết thúc');
        const unsent = await rounds.unsentReporterIds(tx, id);
        await notifyReporters(tx, round, unsent, 'reminder');
        await audit(tx, ctx, {
          action: 'round.remind',
          entityType: 'reporting_round',
          entityId: id,
          organizationId: round.organization_id,
          after: { units: unsent.length },
        });
        return { units: unsent.length };
      });
    },
  };
}

export type RoundService = ReturnType<typeof createRoundService>;
