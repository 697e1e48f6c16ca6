import {
  allowedSubmissionActions,
  COUNTED_STATUSES,
  describeRule,
  formatNumber,
  isEditableByReporter,
  nextSubmissionStatus,
  SUBMISSION_ACTION_LABELS,
  SUBMISSION_STATUS_LABELS,
  type IndicatorRule,
  type SubmissionAction,
  type SubmissionStatus,
} from '@lienhiep/core';
import type { Database, Executor } from '../../db/database.js';
import { addDays, vnToday } from '../../shared/dates.js';
import type { AppError } from '../../shared/errors.js';
import { conflict, invalid, notFound } from '../../shared/errors.js';
import type { RequestContext } from '../access/actor.js';
import { assertWritable, forbidden, scopeFor, writableAmong } from '../access/policy.js';
import { scopeRepository } from '../access/scope.repository.js';
import { audit } from '../audit/audit.service.js';
import { notificationService } from '../notifications/notification.service.js';
import { activityFiguresRepository } from './activity-figures.repository.js';
import { roundRepository as rounds, type RoundRow } from './round.repository.js';
import { roundNotFound } from './round.service.js';
import { sniffAttachment } from './submission.files.js';
import {
  submissionRepository as repo,
  type FormItemRow,
  type SubmissionRow,
  type ValueRow,
} from './submission.repository.js';
import type { ParticularsInput, ReviewInput, ValueInput } from './submission.schemas.js';

const submissionNotFound = () => notFound('báo cáo');
const statusLabel = (s: SubmissionStatus) => SUBMISSION_STATUS_LABELS[s].vi;

type IndicatorItem = FormItemRow & { indicator_code: string; source: 'activities' | 'manual' };
const isIndicator = (i: FormItemRow): i is IndicatorItem =>
  i.item_type === 'indicator' && i.indicator_code !== null;

/** How sub-units' totals add up for one indicator (its tree aggregation). */
export function aggregate(values: number[], how: string | null): number | null {
  if (how === 'max') return values.length ? Math.max(...values) : null;
  if (how === 'average')
    return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
  if (how === 'distinct_count') return values.filter((v) => v > 0).length;
  return values.reduce((s, v) => s + v, 0);
}

const plus = (a: number | null, b: number | null): number | null =>
  a === null && b === null ? null : (a ?? 0) + (b ?? 0);

/** The symbol of a unit in document numbers: "BC-LHH", "BC-HDHVN". */
export function documentSymbol(o: {
  kind: string;
  full_name: string;
  short_name: string | null;
}): string {
  if (o.kind === 'central_union') return 'LHHVN';
  if (o.kind === 'provincial_union') return 'LHH';
  // the place is not part of a symbol: "Hội Luật gia thành phố Hải Phòng" → HLG
  const name = (o.short_name ?? o.full_name)
    .replace(/\(.*?\)/g, ' ')
    .replace(/\s(thành phố|tỉnh|TP\.?)\s.*$/iu, '')
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !['và', 'các', 'của'].includes(w.toLocaleLowerCase('vi')));
  const letters = name
    .map((w) => w.charAt(0))
    .join('')
    .toLocaleUpperCase('vi')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/[^A-ZĐ0-9]/g, '');
  return (letters || 'BC').slice(0, 8);
}

export function nextDocumentNumber(used: readonly string[], symbol: string): string {
  let max = 0;
  for (const u of used) {
    const m = /^(\d+)\//.exec(u);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${String(max + 1).padStart(2, '0')}/BC-${symbol}`;
}

/** Today's sub-units figure of a sent report, when it differs from the one it was sent with. */
function subunitsChange(
  now: ReadonlyMap<string, number | null> | null,
  code: string,
  sent: number | null,
): number | null | undefined {
  if (now === null) return undefined;
  const v = now.get(code) ?? null;
  return v === sent ? undefined : v;
}

export function createSubmissionService(db: Database) {
  async function load(ex: Executor, id: string, forUpdate = false) {
    const sub = forUpdate ? await repo.findByIdForUpdate(ex, id) : await repo.findById(ex, id);
    if (!sub) throw submissionNotFound();
    const round = await rounds.findById(ex, sub.round_id);
    if (!round) throw roundNotFound();
    return { sub, round };
  }

  /** Readable by whoever reads the unit, or reviews in the round's organisation. */
  async function assertSubmissionReadable(
    ex: Executor,
    ctx: RequestContext,
    sub: SubmissionRow,
    round: RoundRow,
  ) {
    const actor = ctx.actor!;
    const reads = await scopeRepository.filter(
      ex,
      scopeFor(actor, 'organization.read'),
      [sub.organization_id],
      'read',
    );
    if (reads.has(sub.organization_id)) return;
    const reviews = await scopeRepository.filter(
      ex,
      scopeFor(actor, 'report.review'),
      [round.organization_id],
      'read',
    );
    if (!reviews.has(round.organization_id)) throw submissionNotFound();
  }

  async function mayWriteUnit(ex: Executor, ctx: RequestContext, orgId: string) {
    return (await writableAmong(ex, ctx.actor!, 'report.submit', [orgId])).length > 0;
  }
  async function mayReview(ex: Executor, ctx: RequestContext, round: RoundRow) {
    return (
      (await writableAmong(ex, ctx.actor!, 'report.review', [round.organization_id])).length > 0
    );
  }

  /** The unit's own figures from its activities in the window, and its sub-units' column. */
  async function liveFigures(
    ex: Executor,
    sub: SubmissionRow,
    round: RoundRow,
    items: IndicatorItem[],
  ) {
    const ruleItems = items
      .filter((i) => i.source === 'activities' && i.rule)
      .map((i) => ({ code: i.indicator_code, rule: i.rule as IndicatorRule }));
    const own = await activityFiguresRepository.ownValues(
      ex,
      [sub.organization_id],
      { from: round.window_from, to: round.window_to },
      ruleItems,
    );
    const computed = own.get(sub.organization_id) ?? {};
    return { computed, subunits: await liveSubunits(ex, sub, round, items) };
  }

  /** The sub-units' column as their approved reports give it now (empty without a child round). */
  async function liveSubunits(
    ex: Executor,
    sub: SubmissionRow,
    round: RoundRow,
    items: IndicatorItem[],
  ): Promise<Map<string, number | null>> {
    const subunits = new Map<string, number | null>();
    if (await repo.hasChildRound(ex, round.id, sub.organization_id)) {
      const rows = await repo.childValues(
        ex,
        round.id,
        sub.organization_id,
        COUNTED_STATUSES.approved,
      );
      for (const item of items) {
        const values = rows
          .filter((r) => r.indicator_code === item.indicator_code)
          .map((r) => plus(r.own_value, r.subunits_value))
          .filter((v): v is number => v !== null);
        subunits.set(item.indicator_code, aggregate(values, item.tree_aggregation));
      }
    }
    return subunits;
  }

  /** Every indicator's figures as the report shows them now (live while editable, else stored). */
  async function figures(
    ex: Executor,
    sub: SubmissionRow,
    round: RoundRow,
    items: IndicatorItem[],
  ) {
    const stored = new Map<string, ValueRow>(
      (await repo.values(ex, sub.id)).map((v) => [v.indicator_code, v]),
    );
    const editable = isEditableByReporter(sub.status);
    const live = editable ? await liveFigures(ex, sub, round, items) : null;
    return items.map((item) => {
      const v = stored.get(item.indicator_code);
      if (live) {
        const computed =
          item.source === 'activities' ? (live.computed[item.indicator_code] ?? 0) : null;
        const overridden = item.source === 'activities' && v?.override_reason != null;
        const own =
          item.source === 'activities'
            ? overridden
              ? (v?.own_value ?? null)
              : computed
            : (v?.own_value ?? null);
        const subunits = live.subunits.get(item.indicator_code) ?? null;
        return {
          item,
          computed,
          own,
          overridden,
          reason: overridden ? (v?.override_reason ?? null) : null,
          subunits,
        };
      }
      return {
        item,
        computed: v?.computed_value ?? null,
        own: v?.own_value ?? null,
        overridden: v?.override_reason != null,
        reason: v?.override_reason ?? null,
        subunits: v?.subunits_value ?? null,
      };
    });
  }

  const commentDto = (c: {
    id: string;
    target_type: string;
    target_code: string | null;
    body: string;
    created_at: Date;
    resolved_at: Date | null;
    event_id: string | null;
  }) => ({
    id: c.id,
    targetType: c.target_type as 'indicator' | 'section' | 'general',
    targetCode: c.target_code,
    body: c.body,
    createdAt: c.created_at.toISOString(),
    resolvedAt: c.resolved_at ? c.resolved_at.toISOString() : null,
    eventId: c.event_id,
  });

  async function detail(ctx: RequestContext, id: string) {
    const { sub, round } = await load(db, id);
    await assertSubmissionReadable(db, ctx, sub, round);
    const today = vnToday();
    const items = await repo.formItems(db, round.form_version_id);
    const indicatorItems = items.filter(isIndicator);
    const figs = new Map(
      (await figures(db, sub, round, indicatorItems)).map((f) => [f.item.indicator_code, f]),
    );
    // A sent report keeps the sub-units' column it was sent with; the sub-units' reports approved
    // since are shown beside it (the consolidation always counts them).
    const subunitsNow = isEditableByReporter(sub.status)
      ? null
      : await liveSubunits(db, sub, round, indicatorItems);
    const sections = new Map(
      (await repo.sections(db, sub.id)).map((s) => [s.section_code, s.body]),
    );
    const comments = (await repo.comments(db, sub.id)).map(commentDto);
    const open = comments.filter((c) => c.resolvedAt === null);
    const unit = (await repo.orgFacts(db, sub.organization_id))!;
    const roundOrg = (await repo.orgFacts(db, round.organization_id))!;
    const reporter = await rounds.reporters(db, round.id, today, [sub.organization_id]);
    const events = await repo.events(db, sub.id);
    const attachments = await repo.attachments(db, sub.id);
    const symbol = documentSymbol(unit);
    const used = await repo.documentNumbersOf(db, sub.organization_id, round.year);
    const editable = isEditableByReporter(sub.status) && round.status === 'open';
    const writesUnit = await mayWriteUnit(db, ctx, sub.organization_id);
    const reviews = await mayReview(db, ctx, round);
    const allowed = allowedSubmissionActions(sub.status).filter((a) =>
      a === 'submit' ? writesUnit && round.status === 'open' : reviews,
    );
    const ref = (o: typeof unit) => ({
      id: o.id,
      code: o.code,
      kind: o.kind,
      fullName: o.full_name,
      shortName: o.short_name,
    });
    return {
      id: sub.id,
      status: sub.status,
      round: {
        id: round.id,
        title: round.title,
        organization: ref(roundOrg),
        periodType: round.period_type,
        year: round.year,
        quarter: round.quarter,
        windowFrom: round.window_from,
        windowTo: round.window_to,
        deadline: round.deadline,
        dueDate: addDays(round.deadline, round.grace_days),
        status: round.status,
      },
      organization: ref(unit),
      nameAtOpen: reporter[0]?.name_at_open ?? unit.full_name,
      childRoundId: reporter[0]?.child_round_id ?? null,
      particulars: {
        documentNumber: sub.document_number,
        suggestedDocumentNumber: nextDocumentNumber(
          used.filter((u) => u !== sub.document_number),
          symbol,
        ),
        place: sub.place,
        suggestedPlace: unit.province_name,
        signerAuthority: sub.signer_authority,
        signerPosition: sub.signer_position,
        signerName: sub.signer_name,
        recipients: sub.recipients,
      },
      items: items.map((i) => {
        if (isIndicator(i)) {
          const f = figs.get(i.indicator_code)!;
          return {
            type: 'indicator' as const,
            code: i.indicator_code,
            label: i.label,
            unit: i.unit ?? '',
            source: i.source,
            ruleText: i.rule ? describeRule(i.rule) : null,
            treeAggregation: i.tree_aggregation ?? 'sum',
            computedValue: f.computed,
            ownValue: f.own,
            overridden: f.overridden,
            overrideReason: f.reason,
            subunitsValue: f.subunits,
            subunitsValueNow: subunitsChange(subunitsNow, i.indicator_code, f.subunits),
            total: plus(f.own, f.subunits),
            comments: open.filter(
              (c) => c.targetType === 'indicator' && c.targetCode === i.indicator_code,
            ),
          };
        }
        if (i.item_type === 'section' && i.section_code) {
          return {
            type: 'section' as const,
            code: i.section_code,
            label: i.label,
            guidance: i.guidance,
            body: sections.get(i.section_code) ?? '',
            comments: open.filter(
              (c) => c.targetType === 'section' && c.targetCode === i.section_code,
            ),
          };
        }
        return { type: 'group' as const, label: i.label };
      }),
      generalComments: open.filter((c) => c.targetType === 'general'),
      attachments: attachments.map((a) => ({
        id: a.id,
        fileName: a.file_name,
        mediaType: a.media_type,
        size: a.size,
        createdAt: a.created_at.toISOString(),
        createdBy: a.created_by_name,
      })),
      history: events.map((e) => ({
        id: e.id,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        reason: e.reason,
        actorName: e.actor_name,
        at: e.at.toISOString(),
        comments: comments.filter((c) => c.eventId === e.id),
      })),
      submittedAt: sub.submitted_at ? sub.submitted_at.toISOString() : null,
      approvedAt: sub.approved_at ? sub.approved_at.toISOString() : null,
      lockedAt: sub.locked_at ? sub.locked_at.toISOString() : null,
      late: reporter[0]?.late ?? false,
      editable,
      canEdit: editable && writesUnit,
      allowedActions: allowed,
    };
  }

  /** For the unit's edits: the report must be with the unit, and the round open. */
  async function forEdit(tx: Executor, ctx: RequestContext, id: string) {
    const { sub, round } = await load(tx, id, true);
    await assertSubmissionReadable(tx, ctx, sub, round);
    await assertWritable(tx, ctx.actor!, 'report.submit', [sub.organization_id]);
    if (round.status !== 'open') {
      throw conflict('Đợt báo cáo đã kết thúc, không sửa được báo cáo');
    }
    if (!isEditableByReporter(sub.status)) {
      throw conflict(
        `Báo cáo đang ở trạng thái "${statusLabel(sub.status)}": chỉ sửa được khi đang soạn hoặc bị trả lại`,
      );
    }
    return { sub, round };
  }

  function refuseTransition(status: SubmissionStatus, action: SubmissionAction): AppError {
    return conflict(
      `Không thể "${SUBMISSION_ACTION_LABELS[action].toLocaleLowerCase('vi')}" báo cáo đang ở trạng thái "${statusLabel(status)}"`,
    );
  }

  async function notifyUnit(tx: Executor, sub: SubmissionRow, title: string, body?: string) {
    await notificationService.notifyOrganizationUsers(tx, [sub.organization_id], 'report.submit', {
      kind: 'report.reviewed',
      title,
      ...(body ? { body } : {}),
      link: `/bao-cao/nop/${sub.id}`,
    });
  }

  return {
    get: detail,

    async start(ctx: RequestContext, roundId: string, organizationId: string) {
      const result = await db.transaction().execute(async (tx) => {
        const round = await rounds.findById(tx, roundId);
        if (!round) throw roundNotFound();
        const readable = await scopeRepository.filter(
          tx,
          scopeFor(ctx.actor!, 'organization.read'),
          [organizationId],
          'read',
        );
        if (!readable.has(organizationId)) throw notFound('tổ chức');
        await assertWritable(tx, ctx.actor!, 'report.submit', [organizationId]);
        if (!(await rounds.isExpected(tx, roundId, organizationId))) {
          throw invalid(
            'organizationId',
            'Đơn vị này không thuộc danh sách phải báo cáo trong đợt',
          );
        }
        const existing = await repo.findFor(tx, roundId, organizationId);
        if (existing) return { id: existing.id, created: false };
        if (round.status !== 'open') throw conflict('Đợt báo cáo đã kết thúc, không nhận báo cáo');
        const { row, created } = await repo.insertIfMissing(tx, roundId, organizationId);
        if (created) {
          await repo.insertEvent(tx, {
            submission_id: row.id,
            action: 'create',
            from_status: null,
            to_status: 'draft',
            actor_id: ctx.actor!.userId,
            actor_name: ctx.actor!.name,
          });
          await audit(tx, ctx, {
            action: 'submission.create',
            entityType: 'submission',
            entityId: row.id,
            organizationId,
            after: { roundId, status: 'draft' },
          });
        }
        return { id: row.id, created };
      });
      return { created: result.created, submission: await detail(ctx, result.id) };
    },

    async setValue(ctx: RequestContext, id: string, code: string, input: ValueInput) {
      await db.transaction().execute(async (tx) => {
        const { sub, round } = await forEdit(tx, ctx, id);
        const items = (await repo.formItems(tx, round.form_version_id)).filter(isIndicator);
        const item = items.find((i) => i.indicator_code === code);
        if (!item) throw notFound(`chỉ tiêu ${code} trong biểu mẫu của đợt`);
        const before = (await repo.values(tx, sub.id)).find((v) => v.indicator_code === code);
        let after: { own_value: number | null; override_reason: string | null } | null;
        if (item.source === 'manual') {
          after = input.value === null ? null : { own_value: input.value, override_reason: null };
        } else {
          const live = await liveFigures(tx, sub, round, [item]);
          const computed = live.computed[code] ?? 0;
          if (input.value === null || input.value === computed) {
            after = null;
          } else {
            if (!input.reason) {
              throw invalid(
                'reason',
                `Số ${formatNumber(input.value)} khác số tính từ hoạt động (${formatNumber(computed)}): cần nêu lý do điều chỉnh`,
              );
            }
            after = { own_value: input.value, override_reason: input.reason };
          }
        }
        if (after === null) await repo.deleteValue(tx, sub.id, code);
        else await repo.upsertValue(tx, sub.id, code, after);
        await repo.update(tx, sub.id, {});
        await audit(tx, ctx, {
          action: 'submission.value',
          entityType: 'submission',
          entityId: sub.id,
          organizationId: sub.organization_id,
          before: {
            indicator: code,
            value: before?.own_value ?? null,
            reason: before?.override_reason ?? null,
          },
          after: {
            indicator: code,
            value: after?.own_value ?? null,
            reason: after?.override_reason ?? null,
          },
        });
      });
      return detail(ctx, id);
    },

    async setSection(ctx: RequestContext, id: string, code: string, body: string) {
      await db.transaction().execute(async (tx) => {
        const { sub, round } = await forEdit(tx, ctx, id);
        const items = await repo.formItems(tx, round.form_version_id);
        if (!items.some((i) => i.item_type === 'section' && i.section_code === code)) {
          throw notFound(`mục ${code} trong biểu mẫu của đợt`);
        }
        const before = (await repo.sections(tx, sub.id)).find((s) => s.section_code === code);
        await repo.upsertSection(tx, sub.id, code, body);
        await repo.update(tx, sub.id, {});
        await audit(tx, ctx, {
          action: 'submission.section',
          entityType: 'submission',
          entityId: sub.id,
          organizationId: sub.organization_id,
          before: { section: code, body: before?.body ?? '' },
          after: { section: code, body },
        });
      });
      return detail(ctx, id);
    },

    async setParticulars(ctx: RequestContext, id: string, p: ParticularsInput) {
      await db.transaction().execute(async (tx) => {
        const { sub } = await forEdit(tx, ctx, id);
        const values = {
          ...(p.documentNumber !== undefined ? { document_number: p.documentNumber } : {}),
          ...(p.place !== undefined ? { place: p.place } : {}),
          ...(p.signerAuthority !== undefined ? { signer_authority: p.signerAuthority } : {}),
          ...(p.signerPosition !== undefined ? { signer_position: p.signerPosition } : {}),
          ...(p.signerName !== undefined ? { signer_name: p.signerName } : {}),
          ...(p.recipients !== undefined ? { recipients: p.recipients } : {}),
        };
        const after = await repo.update(tx, sub.id, values);
        const pick = (s: SubmissionRow) => ({
          documentNumber: s.document_number,
          place: s.place,
          signerAuthority: s.signer_authority,
          signerPosition: s.signer_position,
          signerName: s.signer_name,
          recipients: s.recipients,
        });
        await audit(tx, ctx, {
          action: 'submission.particulars',
          entityType: 'submission',
          entityId: sub.id,
          organizationId: sub.organization_id,
          before: pick(sub),
          after: pick(after),
        });
      });
      return detail(ctx, id);
    },

    async submit(ctx: RequestContext, id: string) {
      const warnings = await db.transaction().execute(async (tx) => {
        const { sub, round } = await load(tx, id, true);
        await assertSubmissionReadable(tx, ctx, sub, round);
        await assertWritable(tx, ctx.actor!, 'report.submit', [sub.organization_id]);
        if (round.status !== 'open') throw conflict('Đợt báo cáo đã kết thúc, không nhận báo cáo');
        const next = nextSubmissionStatus(sub.status, 'submit');
        if (!next) throw refuseTransition(sub.status, 'submit');
        const items = (await repo.formItems(tx, round.form_version_id)).filter(isIndicator);
        const figs = await figures(tx, sub, round, items);
        const out: { code: string; message: string }[] = [];
        for (const f of figs) {
          await repo.upsertValue(tx, sub.id, f.item.indicator_code, {
            own_value: f.own,
            override_reason: f.reason,
            computed_value: f.computed,
            subunits_value: f.subunits,
          });
          if (f.item.source === 'manual' && f.own === null) {
            out.push({
              code: f.item.indicator_code,
              message: `Chỉ tiêu "${f.item.label}" chưa có số liệu; báo cáo đã nộp với ô này để trống`,
            });
          }
        }
        const resolved = next === 'resubmitted' ? await repo.resolveComments(tx, sub.id) : 0;
        await repo.update(tx, sub.id, {
          status: next,
          submitted_at: sub.submitted_at ?? new Date(),
        });
        await repo.insertEvent(tx, {
          submission_id: sub.id,
          action: 'submit',
          from_status: sub.status,
          to_status: next,
          actor_id: ctx.actor!.userId,
          actor_name: ctx.actor!.name,
        });
        await audit(tx, ctx, {
          action: 'submission.submit',
          entityType: 'submission',
          entityId: sub.id,
          organizationId: sub.organization_id,
          before: { status: sub.status },
          after: {
            status: next,
            values: Object.fromEntries(figs.map((f) => [f.item.indicator_code, f.own])),
            resolvedComments: resolved,
          },
        });
        const unit = await repo.orgFacts(tx, sub.organization_id);
        await notificationService.notifyOrganizationUsers(
          tx,
          [round.organization_id],
          'report.review',
          {
            kind: 'report.submitted',
            title: `${unit?.full_name ?? 'Một đơn vị'} đã ${next === 'resubmitted' ? 'nộp lại' : 'nộp'} báo cáo`,
            body: round.title,
            link: `/bao-cao/nop/${sub.id}`,
          },
        );
        return out;
      });
      return { submission: await detail(ctx, id), warnings };
    },

    async review(ctx: RequestContext, id: string, input: ReviewInput) {
      await db.transaction().execute(async (tx) => {
        const { sub, round } = await load(tx, id, true);
        await assertSubmissionReadable(tx, ctx, sub, round);
        if (!(await mayReview(tx, ctx, round))) {
          throw forbidden(
            'Chỉ người duyệt của đơn vị mở đợt mới duyệt, trả lại hoặc khóa báo cáo này',
          );
        }
        const next = nextSubmissionStatus(sub.status, input.action);
        if (!next) throw refuseTransition(sub.status, input.action);
        if (input.action === 'return' && !input.reason) {
          throw invalid('reason', 'Trả lại báo cáo cần nêu lý do');
        }
        const comments = input.comments ?? [];
        if (comments.length && input.action !== 'return') {
          throw invalid('comments', 'Chỉ ghi nhận xét từng chỉ tiêu, từng mục khi trả lại báo cáo');
        }
        const items = await repo.formItems(tx, round.form_version_id);
        comments.forEach((c, i) => {
          const code = c.targetCode ?? null;
          const ok =
            c.targetType === 'general'
              ? code === null || code === ''
              : items.some((it) =>
                  c.targetType === 'indicator'
                    ? it.indicator_code === code
                    : it.item_type === 'section' && it.section_code === code,
                );
          if (!ok) {
            throw invalid(
              `comments/${i}/targetCode`,
              c.targetType === 'general'
                ? 'Nhận xét chung không gắn với chỉ tiêu hay mục nào'
                : `Biểu mẫu không có ${c.targetType === 'indicator' ? 'chỉ tiêu' : 'mục'} ${code ?? '(trống)'}`,
            );
          }
        });
        const now = new Date();
        await repo.update(tx, sub.id, {
          status: next,
          ...(next === 'approved' ? { approved_at: now } : {}),
          ...(next === 'locked' ? { locked_at: now } : {}),
        });
        const eventId = await repo.insertEvent(tx, {
          submission_id: sub.id,
          action: input.action,
          from_status: sub.status,
          to_status: next,
          reason: input.reason ?? null,
          actor_id: ctx.actor!.userId,
          actor_name: ctx.actor!.name,
        });
        await repo.insertComments(
          tx,
          comments.map((c) => ({
            submission_id: sub.id,
            event_id: eventId,
            target_type: c.targetType,
            target_code: c.targetType === 'general' ? null : (c.targetCode ?? null),
            body: c.body,
          })),
        );
        await audit(tx, ctx, {
          action: `submission.${input.action}`,
          entityType: 'submission',
          entityId: sub.id,
          organizationId: sub.organization_id,
          before: { status: sub.status },
          after: { status: next, reason: input.reason ?? null, comments: comments.length },
        });
        if (next === 'returned') {
          await notifyUnit(
            tx,
            sub,
            `Báo cáo bị trả lại: ${round.title}`,
            `Lý do: ${input.reason ?? ''}${comments.length ? ` (${comments.length} nhận xét)` : ''}`,
          );
        } else if (next === 'approved') {
          await notifyUnit(tx, sub, `Báo cáo đã được duyệt: ${round.title}`);
        }
      });
      return { submission: await detail(ctx, id), warnings: [] };
    },

    async sources(ctx: RequestContext, id: string, code: string, page: number, pageSize: number) {
      const { sub, round } = await load(db, id);
      await assertSubmissionReadable(db, ctx, sub, round);
      const items = (await repo.formItems(db, round.form_version_id)).filter(isIndicator);
      const item = items.find((i) => i.indicator_code === code);
      if (!item) throw notFound(`chỉ tiêu ${code} trong biểu mẫu của đợt`);
      const rule = item.source === 'activities' ? item.rule : null;
      const acts = rule
        ? await repo.sourceActivities(
            db,
            sub.organization_id,
            { from: round.window_from, to: round.window_to },
            rule,
            pageSize,
            (page - 1) * pageSize,
          )
        : [];
      const children = await repo.childValues(db, round.id, sub.organization_id, null, code);
      const counted = COUNTED_STATUSES.approved as readonly SubmissionStatus[];
      return {
        indicator: {
          code,
          label: item.label,
          unit: item.unit ?? '',
          source: item.source,
          ruleText: rule ? describeRule(rule) : null,
        },
        window: { from: round.window_from, to: round.window_to },
        own: {
          items: acts.map((a) => ({
            id: a.id,
            title: a.title,
            kind: a.kind,
            startsOn: a.starts_on,
            endsOn: a.ends_on,
            organization: {
              id: a.organization_id,
              code: a.org_code,
              kind: a.org_kind,
              fullName: a.org_full_name,
              shortName: a.org_short_name,
            },
            figure: a.figure,
          })),
          total: acts[0]?.total ?? 0,
          page,
          pageSize,
        },
        subunits: children.map((c) => ({
          submissionId: c.submission_id,
          organization: {
            id: c.organization_id,
            code: c.code,
            kind: c.kind,
            fullName: c.full_name,
            shortName: c.short_name,
          },
          status: c.status,
          counted: counted.includes(c.status),
          ownValue: c.own_value,
          subunitsValue: c.subunits_value,
          total: plus(c.own_value, c.subunits_value),
        })),
      };
    },

    async addAttachment(ctx: RequestContext, id: string, fileName: string, content: Buffer) {
      const mediaType = sniffAttachment(fileName, content);
      await db.transaction().execute(async (tx) => {
        const { sub } = await forEdit(tx, ctx, id);
        const attachmentId = await repo.insertAttachment(tx, {
          submission_id: sub.id,
          file_name: fileName,
          media_type: mediaType,
          size: content.length,
          content,
          created_by: ctx.actor!.userId,
        });
        await audit(tx, ctx, {
          action: 'submission.attachment.add',
          entityType: 'submission',
          entityId: sub.id,
          organizationId: sub.organization_id,
          after: { attachmentId, fileName, mediaType, size: content.length },
        });
      });
      return detail(ctx, id);
    },

    async attachment(ctx: RequestContext, id: string, attachmentId: string) {
      const { sub, round } = await load(db, id);
      await assertSubmissionReadable(db, ctx, sub, round);
      const a = await repo.attachment(db, id, attachmentId);
      if (!a) throw notFound('tệp đính kèm');
      return { fileName: a.file_name, mediaType: a.media_type, content: a.content };
    },

    async deleteAttachment(ctx: RequestContext, id: string, attachmentId: string) {
      await db.transaction().execute(async (tx) => {
        const { sub } = await forEdit(tx, ctx, id);
        const a = await repo.attachment(tx, id, attachmentId);
        if (!a) throw notFound('tệp đính kèm');
        await repo.deleteAttachment(tx, id, attachmentId);
        await audit(tx, ctx, {
          action: 'submission.attachment.delete',
          entityType: 'submission',
          entityId: sub.id,
          organizationId: sub.organization_id,
          before: { attachmentId, fileName: a.file_name, size: a.size },
        });
      });
      return detail(ctx, id);
    },
  };
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;
