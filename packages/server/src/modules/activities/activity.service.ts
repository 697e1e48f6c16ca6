import {
  ACTIVITY_FIGURE_LABELS,
  ACTIVITY_FIGURES,
  ACTIVITY_KIND_LABELS,
  ACTIVITY_MODE_LABELS,
  ACTIVITY_SUBTYPES,
  foldVietnamese,
  isActivitySubtype,
  KIND_FIGURES,
  kindHasFigure,
  PROJECT_LEVEL_LABELS,
  type ActivityFigure,
  type ActivityKind,
} from '@lienhiep/core';
import type { Updateable } from 'kysely';
import type { Database, Executor } from '../../db/database.js';
import type { Activity } from '../../db/schema.generated.js';
import { vnToday } from '../../shared/dates.js';
import { AppError, invalid, notFound } from '../../shared/errors.js';
import type { ExportTable } from '../../shared/spreadsheet-export.js';
import type { Actor, RequestContext } from '../access/actor.js';
import {
  assertReadable,
  assertWritable,
  hasPermission,
  scopeFor,
  writableAmong,
} from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { referenceRepository } from '../reference/reference.repository.js';
import {
  auditView,
  figuresOf,
  toActivity,
  toActivityDetail,
  toAttachment,
  toKindSummaries,
} from './activity.dto.js';
import {
  activityRepository as activities,
  type ActivityFilterSql,
  type ActivityTableRow,
} from './activity.repository.js';
import type {
  ActivityCreate,
  ActivityFilter,
  ActivityQuery,
  ActivityUpdate,
} from './activity.schemas.js';
import {
  ACCEPTED_TYPES_TEXT,
  MAX_ATTACHMENT_BYTES,
  safeFileName,
  sniffAttachment,
} from './attachment-file.js';

export const activityNotFound = (): AppError => notFound('hoạt động');

const dmy = (iso: string): string => iso.split('-').reverse().join('/');
const kindName = (k: ActivityKind) => ACTIVITY_KIND_LABELS[k].vi;

/** The same calendar day a year later (29/02 → 28/02). */
export function oneYearAfter(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An activity as the rules see it, whether it comes from a form or a spreadsheet row. */
export interface ActivityValues {
  kind: ActivityKind;
  subtype: string | null;
  title: string;
  startsOn: string;
  endsOn: string;
  provinceCode: string | null;
  projectLevel: string | null;
  figures: Partial<Record<ActivityFigure, number | null>>;
}

export interface ActivityProblem {
  field: string;
  message: string;
}

export interface OrganizationDates {
  full_name: string;
  founded_on: string;
  ended_on: string | null;
}

/**
 * Every rule an activity must keep, as problems naming the field (the form's and the import's
 * wording alike): the end not before the start, the dates within the organisation's life and
 * not more than a year ahead, a subtype of the kind, a project level only for projects, only the
 * figures the kind records.
 */
export function activityProblems(
  v: ActivityValues,
  org: OrganizationDates,
  today: string,
): ActivityProblem[] {
  const out: ActivityProblem[] = [];
  if (v.endsOn < v.startsOn) {
    out.push({
      field: 'endsOn',
      message: `Ngày kết thúc ${dmy(v.endsOn)} trước ngày bắt đầu ${dmy(v.startsOn)}`,
    });
  }
  if (v.startsOn < org.founded_on) {
    out.push({
      field: 'startsOn',
      message: `Ngày bắt đầu ${dmy(v.startsOn)} trước ngày thành lập ${org.full_name} (${dmy(org.founded_on)})`,
    });
  }
  if (org.ended_on !== null && v.startsOn >= org.ended_on) {
    out.push({
      field: 'startsOn',
      message: `${org.full_name} đã chấm dứt hoạt động từ ${dmy(org.ended_on)}; hoạt động phải bắt đầu trước ngày đó`,
    });
  }
  const latest = oneYearAfter(today);
  if (v.endsOn > latest) {
    out.push({
      field: 'endsOn',
      message: `Ngày kết thúc ${dmy(v.endsOn)} quá xa: chỉ ghi hoạt động kết thúc đến ${dmy(latest)} (một năm kể từ hôm nay)`,
    });
  }
  if (v.subtype !== null && !isActivitySubtype(v.kind, v.subtype)) {
    const allowed = Object.entries(ACTIVITY_SUBTYPES[v.kind] ?? {});
    out.push({
      field: 'subtype',
      message:
        allowed.length === 0
          ? `Hoạt động loại "${kindName(v.kind)}" không có loại chi tiết`
          : `Loại chi tiết "${v.subtype}" không thuộc loại "${kindName(v.kind)}"; chỉ nhận: ${allowed.map(([k, l]) => `${k} (${l.vi})`).join(', ')}`,
    });
  }
  if (v.projectLevel !== null && v.kind !== 'project') {
    out.push({
      field: 'projectLevel',
      message: `Cấp đề tài, dự án chỉ ghi cho hoạt động loại "${kindName('project')}"`,
    });
  }
  for (const f of ACTIVITY_FIGURES) {
    const value = v.figures[f];
    if (value === null || value === undefined || kindHasFigure(v.kind, f)) continue;
    out.push({
      field: `figures/${f}`,
      message: `Hoạt động loại "${kindName(v.kind)}" không ghi "${ACTIVITY_FIGURE_LABELS[f].vi}"; loại này ghi: ${KIND_FIGURES[v.kind].map((x) => x.vi).join('; ')}`,
    });
  }
  return out;
}

async function checkProvince(db: Executor, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const provinces = await referenceRepository.listProvinces(db);
  if (!provinces.some((p) => p.code === code)) {
    throw invalid('provinceCode', `Không có tỉnh, thành phố mã ${code}`);
  }
}

async function organizationOf(db: Executor, id: string): Promise<OrganizationDates> {
  const org = await activities.organization(db, id);
  if (!org) throw notFound('tổ chức');
  return org;
}

/** The figures as columns, every figure set (null for those not given). */
function figureColumns(figures: Partial<Record<ActivityFigure, number | null>>) {
  return {
    sessions: figures.sessions ?? null,
    participants: figures.participants ?? null,
    attendances: figures.attendances ?? null,
    opinions: figures.opinions ?? null,
    documents: figures.documents ?? null,
    households: figures.households ?? null,
    amount: figures.amount ?? null,
  };
}

/** Lists count exactly up to this many activities; beyond, the total says "more than". */
export const COUNT_CAP = 10_000;

/** A spreadsheet of more activities than this is not produced in one request. */
export const EXPORT_LIMIT = 100_000;

export const EXPORT_COLUMNS: ExportTable['columns'] = [
  { header: 'STT', width: 6 },
  { header: 'Từ ngày', width: 11 },
  { header: 'Đến ngày', width: 11 },
  { header: 'Tên hoạt động', width: 50 },
  { header: 'Loại hoạt động', width: 28 },
  { header: 'Loại chi tiết', width: 20 },
  { header: 'Đơn vị thực hiện', width: 40 },
  { header: 'Mã đơn vị', width: 14 },
  { header: 'Tỉnh, thành phố', width: 16 },
  { header: 'Hình thức', width: 11 },
  { header: 'Cấp đề tài, dự án', width: 14 },
  ...ACTIVITY_FIGURES.map((f) => ({
    header: `${ACTIVITY_FIGURE_LABELS[f].vi} (${ACTIVITY_FIGURE_LABELS[f].unit})`,
    width: f === 'amount' ? 18 : 12,
  })),
  { header: 'Đơn vị phối hợp', width: 30 },
  { header: 'Mô tả, kết quả', width: 50 },
];

export function createActivityService(db: Database) {
  /** The activity, if the actor may read its organisation; else it does not exist for them. */
  async function readable(exec: Executor, actor: Actor, id: string, lock = false) {
    const row = await activities.findRow(exec, id, lock);
    if (!row) throw activityNotFound();
    try {
      await assertReadable(exec, actor, row.organization_id);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) throw activityNotFound();
      throw err;
    }
    return row;
  }

  async function detail(exec: Executor, actor: Actor, id: string) {
    const row = await activities.findById(exec, id);
    if (!row) throw activityNotFound();
    const [files, writable] = await Promise.all([
      activities.attachments(exec, id),
      hasPermission(actor, 'activity.write')
        ? writableAmong(exec, actor, 'activity.write', [row.organization_id])
        : Promise.resolve([]),
    ]);
    return toActivityDetail(row, files, writable.length > 0);
  }

  async function filterOf(actor: Actor, q: ActivityFilter): Promise<ActivityFilterSql> {
    if (q.organizationId) await assertReadable(db, actor, q.organizationId);
    if (q.from && q.to && q.from > q.to) {
      throw invalid('to', `Đến ngày ${dmy(q.to)} trước từ ngày ${dmy(q.from)}`);
    }
    const folded = foldVietnamese(q.q ?? '');
    return activities.resolveOrganizations(db, {
      scope: scopeFor(actor, 'organization.read'),
      root: q.organizationId,
      kind: q.kind,
      subtype: q.subtype,
      mode: q.mode,
      from: q.from,
      to: q.to,
      provinceCode: q.provinceCode,
      tokens: folded === '' ? [] : folded.split(' '),
    });
  }

  function assertValid(v: ActivityValues, org: OrganizationDates): void {
    const problem = activityProblems(v, org, vnToday())[0];
    if (problem) throw invalid(problem.field, problem.message);
  }

  return {
    async list(ctx: RequestContext, q: ActivityQuery) {
      const f = await filterOf(ctx.actor!, q);
      const offset = (q.page - 1) * q.pageSize;
      const [rows, counted] = await Promise.all([
        activities.search(db, f, q.pageSize, offset),
        // exact up to the cap, or up to the page asked for when it lies beyond
        activities.count(db, f, Math.max(COUNT_CAP, offset + q.pageSize)),
      ]);
      const cap = Math.max(COUNT_CAP, offset + q.pageSize);
      return {
        items: rows.map(toActivity),
        total: Math.min(counted, cap),
        totalCapped: counted > cap,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(ctx: RequestContext, id: string) {
      await readable(db, ctx.actor!, id);
      return detail(db, ctx.actor!, id);
    },

    /** Per kind: how many activities the subtree ended in the window, and their figures summed. */
    async summary(ctx: RequestContext, q: { organizationId: string; from?: string; to?: string }) {
      const actor = ctx.actor!;
      const f = await filterOf(actor, q);
      const org = await activities.organization(db, q.organizationId);
      if (!org) throw notFound('tổ chức');
      const kinds = toKindSummaries(await activities.sumsByKind(db, f));
      return {
        organization: {
          id: org.id,
          code: org.code,
          kind: org.kind,
          fullName: org.full_name,
          shortName: org.short_name,
        },
        from: q.from ?? null,
        to: q.to ?? null,
        total: kinds.reduce((s, k) => s + k.count, 0),
        kinds,
      };
    },

    async create(ctx: RequestContext, input: ActivityCreate) {
      const actor = ctx.actor!;
      const id = await db.transaction().execute(async (tx) => {
        await assertWritable(tx, actor, 'activity.write', [input.organizationId]);
        const org = await organizationOf(tx, input.organizationId);
        const values: ActivityValues = {
          kind: input.kind,
          subtype: input.subtype ?? null,
          title: input.title,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          provinceCode: input.provinceCode ?? null,
          projectLevel: input.projectLevel ?? null,
          figures: input.figures ?? {},
        };
        assertValid(values, org);
        await checkProvince(tx, input.provinceCode);
        const newId = await activities.insert(tx, {
          organization_id: input.organizationId,
          kind: input.kind,
          subtype: values.subtype,
          title: input.title,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          province_code: values.provinceCode,
          mode: input.mode ?? 'offline',
          partners: input.partners ?? null,
          description: input.description ?? null,
          project_level: input.projectLevel ?? null,
          ...figureColumns(values.figures),
          created_by: actor.userId,
        });
        const row = await activities.findRow(tx, newId);
        await audit(tx, ctx, {
          action: 'activity.create',
          entityType: 'activity',
          entityId: newId,
          organizationId: input.organizationId,
          after: auditView(row!),
        });
        return newId;
      });
      return detail(db, actor, id);
    },

    /**
     * Changes an activity. Moving it to another organisation needs the right on both. A new kind
     * drops what it does not record (subtype, project level, figures) unless the same request
     * gives it, in which case it is refused like any value the kind does not take.
     */
    async update(ctx: RequestContext, id: string, patch: ActivityUpdate) {
      const actor = ctx.actor!;
      await db.transaction().execute(async (tx) => {
        const row = await readable(tx, actor, id, true);
        const orgId = patch.organizationId ?? row.organization_id;
        await assertWritable(tx, actor, 'activity.write', [row.organization_id, orgId]);
        const org = await organizationOf(tx, orgId);
        const kind = patch.kind ?? row.kind;
        const kindChanged = kind !== row.kind;
        const kept = <T>(given: T | undefined, stored: T, fits: (v: T) => boolean): T =>
          given !== undefined ? given : kindChanged && !fits(stored) ? (null as T) : stored;
        const stored = figuresOf(row);
        const figures: Partial<Record<ActivityFigure, number | null>> = {};
        for (const f of ACTIVITY_FIGURES) {
          figures[f] = kept(patch.figures?.[f], stored[f], () => kindHasFigure(kind, f));
        }
        const values: ActivityValues = {
          kind,
          subtype: kept(
            patch.subtype,
            row.subtype,
            (s) => s === null || isActivitySubtype(kind, s),
          ),
          title: patch.title ?? row.title,
          startsOn: patch.startsOn ?? row.starts_on,
          endsOn: patch.endsOn ?? row.ends_on,
          provinceCode: patch.provinceCode !== undefined ? patch.provinceCode : row.province_code,
          projectLevel: kept(
            patch.projectLevel,
            row.project_level,
            (l) => l === null || kind === 'project',
          ),
          figures,
        };
        assertValid(values, org);
        await checkProvince(tx, patch.provinceCode);
        const set: Updateable<Activity> = {
          organization_id: orgId,
          kind,
          subtype: values.subtype,
          title: values.title,
          starts_on: values.startsOn,
          ends_on: values.endsOn,
          province_code: values.provinceCode,
          project_level: values.projectLevel as ActivityTableRow['project_level'],
          ...figureColumns(figures),
        };
        if (patch.mode !== undefined) set.mode = patch.mode;
        if (patch.partners !== undefined) set.partners = patch.partners;
        if (patch.description !== undefined) set.description = patch.description;
        await activities.update(tx, id, set);
        const after = await activities.findRow(tx, id);
        await audit(tx, ctx, {
          action: 'activity.update',
          entityType: 'activity',
          entityId: id,
          organizationId: orgId,
          before: auditView(row),
          after: auditView(after!),
        });
      });
      return detail(db, actor, id);
    },

    async remove(ctx: RequestContext, id: string): Promise<void> {
      const actor = ctx.actor!;
      await db.transaction().execute(async (tx) => {
        const row = await readable(tx, actor, id, true);
        await assertWritable(tx, actor, 'activity.write', [row.organization_id]);
        const files = await activities.attachments(tx, id);
        await activities.remove(tx, id);
        await audit(tx, ctx, {
          action: 'activity.delete',
          entityType: 'activity',
          entityId: id,
          organizationId: row.organization_id,
          before: {
            ...auditView(row),
            attachments: files.map((f) => ({ id: f.id, fileName: f.file_name, size: f.size })),
          },
        });
      });
    },

    /**
     * Keeps a file with the activity: at most 10 MB, of a kind recognised by its bytes (not its
     * name), under a safe name whose extension matches the content.
     */
    async addAttachment(ctx: RequestContext, id: string, fileName: string, content: Buffer) {
      const actor = ctx.actor!;
      if (content.length === 0) throw invalid('file', 'Tệp rỗng');
      if (content.length > MAX_ATTACHMENT_BYTES) {
        throw new AppError(413, 'file_too_large', 'Tệp đính kèm vượt quá 10 MB', 'file');
      }
      const type = sniffAttachment(content, fileName);
      if (!type) {
        throw new AppError(
          422,
          'unsupported_file',
          `Không nhận tệp "${fileName}": chỉ nhận ${ACCEPTED_TYPES_TEXT}`,
          'file',
        );
      }
      const name = safeFileName(fileName, type);
      const attachmentId = await db.transaction().execute(async (tx) => {
        const row = await readable(tx, actor, id);
        await assertWritable(tx, actor, 'activity.write', [row.organization_id]);
        const newId = await activities.insertAttachment(tx, {
          activityId: id,
          fileName: name,
          mediaType: type.mediaType,
          content,
          createdBy: actor.userId,
        });
        await audit(tx, ctx, {
          action: 'activity.attachment_add',
          entityType: 'activity',
          entityId: id,
          organizationId: row.organization_id,
          after: {
            attachmentId: newId,
            fileName: name,
            mediaType: type.mediaType,
            size: content.length,
          },
        });
        return newId;
      });
      const files = await activities.attachments(db, id);
      return toAttachment(files.find((a) => a.id === attachmentId)!);
    },

    async attachment(ctx: RequestContext, id: string, attachmentId: string) {
      await readable(db, ctx.actor!, id);
      const file = await activities.attachment(db, id, attachmentId);
      if (!file) throw notFound('tệp đính kèm');
      return { fileName: file.file_name, mediaType: file.media_type, content: file.content };
    },

    async removeAttachment(ctx: RequestContext, id: string, attachmentId: string): Promise<void> {
      const actor = ctx.actor!;
      await db.transaction().execute(async (tx) => {
        const row = await readable(tx, actor, id);
        await assertWritable(tx, actor, 'activity.write', [row.organization_id]);
        const file = await activities.attachment(tx, id, attachmentId);
        if (!file) throw notFound('tệp đính kèm');
        await activities.deleteAttachment(tx, id, attachmentId);
        await audit(tx, ctx, {
          action: 'activity.attachment_remove',
          entityType: 'activity',
          entityId: id,
          organizationId: row.organization_id,
          before: {
            attachmentId,
            fileName: file.file_name,
            mediaType: file.media_type,
            size: file.size,
          },
        });
      });
    },

    /**
     * Every activity the list would show (up to EXPORT_LIMIT), as spreadsheet rows, through the
     * same filter and scope as the page. The export is audited.
     */
    async exportRows(ctx: RequestContext, q: ActivityFilter) {
      const actor = ctx.actor!;
      const f = await filterOf(actor, q);
      const total = await activities.count(db, f, EXPORT_LIMIT);
      const rows: (string | number | null)[][] = [];
      const pageSize = 5000;
      for (let offset = 0; rows.length < EXPORT_LIMIT; offset += pageSize) {
        const page = await activities.search(
          db,
          f,
          Math.min(pageSize, EXPORT_LIMIT - rows.length),
          offset,
        );
        for (const r of page) {
          const a = toActivity(r);
          rows.push([
            rows.length + 1,
            dmy(a.startsOn),
            dmy(a.endsOn),
            a.title,
            kindName(a.kind),
            a.subtype ? (ACTIVITY_SUBTYPES[a.kind]?.[a.subtype]?.vi ?? a.subtype) : null,
            a.organization.fullName,
            a.organization.code,
            a.province?.name ?? null,
            ACTIVITY_MODE_LABELS[a.mode].vi,
            a.projectLevel ? PROJECT_LEVEL_LABELS[a.projectLevel].vi : null,
            ...ACTIVITY_FIGURES.map((fig) => a.figures[fig]),
            a.partners,
            r.description,
          ]);
        }
        if (page.length < pageSize) break;
      }
      await audit(db, ctx, {
        action: 'activity.export',
        entityType: 'activity',
        entityId: null,
        organizationId: q.organizationId ?? null,
        after: { rows: rows.length, total, filters: { ...q } },
      });
      return { at: vnToday(), rows, truncated: total > rows.length };
    },
  };
}

export type ActivityService = ReturnType<typeof createActivityService>;
