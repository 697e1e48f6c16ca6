import { ALLOWED_PARENT_KINDS, ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS } from '@lienhiep/core';
import type { Database } from '../../db/database.js';
import { vnToday } from '../../shared/dates.js';
import { conflict, invalid, notFound } from '../../shared/errors.js';
import type { JobQueue } from '../../shared/jobs.js';
import type { Actor, RequestContext } from '../access/actor.js';
import { accessRepository } from '../access/access.repository.js';
import { assertWritable, scopeFor } from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { requireOrganization } from '../organizations/organization.service.js';
import {
  columnOf,
  mappingFromJson,
  toImportDetail,
  toImportRow,
  toImportSummary,
  type StoredColumn,
} from './import.dto.js';
import type { KindAnalysed, KindCommitEnv, KindDecider, KindEnv } from './import-kind.js';
import { kindDef } from './import-kinds.js';
import {
  importRepository as imports,
  type ImportBatchRow,
  type RowStaging,
  type StagedRow,
} from './import.repository.js';
import { commitBatches } from './commit-batches.js';
import { commitPartRepository as parts } from './commit-part.repository.js';
import type {
  ImportListQuery,
  ImportMapping,
  ImportRowFix,
  ImportRowsQuery,
  ImportUploadQuery,
} from './import.schemas.js';
import { applySavedMapping, detectLayout } from './header-detect.js';
import { headingKey } from './member-fields.js';
import { readSpreadsheet } from './spreadsheet.js';
import { sheetCache } from './sheet-cache.js';
import type { Sheet } from './sheet.js';
import { unprocessable } from './import-errors.js';

/**
 * Rows normalised before they are sent to be looked up (the database looks a group up while the
 * next is normalised; each lookup hashes the person table once).
 */
const LOOKUP_GROUP = 50_000;
/** Rows staged between two moves of the progress bar. */
const PROGRESS_EVERY = 10_000;
/** Rows decided and sent to the staging COPY at a time, stored while the next are decided. */
const STAGING_PART = 2_500;

/** Largest upload: a member list of 200,000 rows fits well below it. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface ImportServiceOptions {
  /** Rows written per transaction by the commit. */
  batchRows?: number;
  /** Rows looked up together, and staged together, by the analysis (tests make them tiny). */
  lookupGroup?: number;
  stagingPart?: number;
  /** Called after each committed batch, with its last row (tests stop the job here to play a crash). */
  afterBatch?: (importId: string, toRow: number) => void | Promise<void>;
  log?: (msg: string, err?: unknown) => void;
}

const importNotFound = () => notFound('lần nhập dữ liệu');

/** The work a job does runs without a request: who asked is recorded on the import itself. */
function jobContext(b: ImportBatchRow): RequestContext {
  return { actor: null, requestId: `import:${b.id}`, clientIp: '127.0.0.1' };
}
const jobActor = (b: ImportBatchRow) =>
  b.created_by ? { id: b.created_by, name: b.created_by_name } : undefined;

export function createImportService(
  db: Database,
  jobs: JobQueue | null,
  opts: ImportServiceOptions = {},
) {
  const batchRows = opts.batchRows ?? 5000;
  const lookupGroup = opts.lookupGroup ?? LOOKUP_GROUP;
  const stagingPart = opts.stagingPart ?? STAGING_PART;
  const log = opts.log ?? (() => {});

  async function send(name: Parameters<JobQueue['send']>[0], importId: string) {
    if (!jobs) throw new Error('job queue not started');
    await jobs.send(name, { importId });
  }

  /** The import, if the actor may change its organisation's members (else 404/403). */
  async function load(ctx: RequestContext, id: string) {
    const b = await imports.find(db, id);
    if (!b) throw importNotFound();
    await assertWritable(
      db,
      ctx.actor!,
      kindDef(b.kind).permission ?? 'organization.write',
      [b.organization_id],
      b.organization_id,
    );
    const org = await requireOrganization(db, b.organization_id);
    return { b, orgName: org.full_name };
  }

  /** What the import's kind analyses with: its organisation, who asked, today. */
  async function envOf(b: ImportBatchRow): Promise<KindEnv> {
    return {
      db,
      batch: b,
      host: await requireOrganization(db, b.organization_id),
      actor: await requesterActor(b),
      today: vnToday(),
    };
  }

  /** Duplicates are looked for among what the requester may read. */
  async function requesterActor(b: ImportBatchRow): Promise<Actor> {
    const assignments = b.created_by ? await accessRepository.assignmentsOf(db, b.created_by) : [];
    return {
      userId: b.created_by ?? '',
      name: b.created_by_name,
      username: null,
      email: '',
      twoFactorEnabled: false,
      mustChangePassword: false,
      sessionId: '',
      assignments,
    };
  }

  /** A job's end, recorded as done for the user who uploaded. */
  const auditJob = (
    tx: KindCommitEnv['tx'],
    b: ImportBatchRow,
    action: 'import.committed' | 'import.undone',
    counts: Record<string, number>,
  ) =>
    audit(tx, jobContext(b), {
      action,
      entityType: 'import',
      entityId: b.id,
      organizationId: b.organization_id,
      after: { file_name: b.file_name, ...counts },
      actor: jobActor(b),
    });

  const commitEnv = (tx: KindCommitEnv['tx'], b: ImportBatchRow): KindCommitEnv => ({
    tx,
    batch: b,
    ctx: jobContext(b),
    actor: jobActor(b),
  });

  const sheets = sheetCache();

  async function storedSheet(importId: string): Promise<Sheet> {
    const content = await imports.file(db, importId);
    if (!content) throw new Error('import file missing');
    return readSpreadsheet(content);
  }

  async function refreshCounts(importId: string): Promise<Record<string, number>> {
    const b = await imports.find(db, importId);
    const counts = {
      ...(b?.counts as Record<string, number>),
      ...(await imports.counts(db, importId)),
    };
    await imports.update(db, importId, { counts: JSON.stringify(counts) });
    return counts;
  }

  return {
    async upload(ctx: RequestContext, q: ImportUploadQuery, content: Buffer) {
      const actor = ctx.actor!;
      const kind = q.kind ?? 'members';
      const def = kindDef(kind);
      await assertWritable(
        db,
        actor,
        def.permission ?? 'organization.write',
        [q.organizationId],
        q.organizationId,
      );
      const org = await requireOrganization(db, q.organizationId);
      if (
        kind === 'organizations' &&
        !ORGANIZATION_KINDS.some((k) => ALLOWED_PARENT_KINDS[k].includes(org.kind))
      ) {
        throw unprocessable(
          'kind',
          `Không có loại tổ chức nào trực thuộc ${ORGANIZATION_KIND_LABELS[org.kind].vi.toLowerCase()}; không nhập được tổ chức trực thuộc cho ${org.full_name}`,
        );
      }
      const sheet = readSpreadsheet(content);
      const layout = detectLayout(sheet.rows, def.guessField, def.nameFields);
      const dataRows = sheet.rows.slice(layout.dataStart);
      if (dataRows.length === 0) {
        throw unprocessable('file', 'Không tìm thấy dòng dữ liệu nào dưới dòng tiêu đề');
      }
      const saved = await imports.savedMapping(db, q.organizationId, kind);
      const mapping = applySavedMapping(layout.columns, layout.suggested, saved, def.fields);
      const row = await db.transaction().execute(async (tx) => {
        const b = await imports.insertBatch(tx, {
          organization_id: q.organizationId,
          kind,
          status: 'mapping',
          file_name: q.fileName,
          file_size: content.length,
          file_format: sheet.format,
          sheet_name: sheet.name,
          header_row: layout.headerRow,
          data_start_row: dataRows[0]!.number,
          columns: JSON.stringify(layout.columns satisfies StoredColumn[]),
          mapping: JSON.stringify(Object.fromEntries(mapping)),
          default_joined_on: vnToday(),
          progress_total: dataRows.length,
          counts: JSON.stringify({ total: dataRows.length }),
          created_by: actor.userId,
          created_by_name: actor.name,
        });
        await imports.saveFile(tx, b.id, content);
        await audit(tx, ctx, {
          action: 'import.upload',
          entityType: 'import',
          entityId: b.id,
          organizationId: q.organizationId,
          after: {
            kind,
            file_name: q.fileName,
            file_size: content.length,
            rows: dataRows.length,
            mapping_reused: saved !== null,
          },
        });
        return b;
      });
      sheets.put(row.id, sheet);
      return toImportDetail(row, org.full_name);
    },

    async get(ctx: RequestContext, id: string) {
      const { b, orgName } = await load(ctx, id);
      return toImportDetail(b, orgName);
    },

    async list(ctx: RequestContext, q: ImportListQuery) {
      const scope = scopeFor(ctx.actor!, 'organization.write');
      const r = await imports.list(db, scope, q.organizationId, q.page, q.pageSize);
      return {
        items: r.rows.map((b) => toImportSummary(b, b.organization_name)),
        total: r.total,
      };
    },

    /** Confirms which column holds what; remembered for the organisation; starts the analysis. */
    async setMapping(ctx: RequestContext, id: string, m: ImportMapping) {
      const { b, orgName } = await load(ctx, id);
      if (!['mapping', 'ready', 'failed'].includes(b.status)) {
        throw conflict('Lần nhập này không còn ở bước ghép cột');
      }
      const def = kindDef(b.kind);
      const columns = b.columns as unknown as StoredColumn[];
      const mapping = new Map<number, string>();
      const seen = new Map<string, number>();
      for (const c of m.columns) {
        if (c.index >= columns.length) {
          throw invalid('columns', `Tệp không có cột thứ ${c.index + 1}`);
        }
        if (c.field === null) continue;
        if (!def.fields.includes(c.field)) {
          throw invalid('columns', `Trường "${c.field}" không có trong loại danh sách này`);
        }
        const before = seen.get(c.field);
        if (before !== undefined) {
          throw invalid(
            'columns',
            `Trường "${def.labels[c.field]}" được ghép cho hai cột (${before + 1} và ${c.index + 1})`,
          );
        }
        seen.set(c.field, c.index);
        mapping.set(c.index, c.field);
      }
      const problem = def.mappingProblem(new Set(seen.keys()));
      if (problem !== null) throw invalid('columns', problem);
      const today = vnToday();
      const joinedOn = m.defaultJoinedOn ?? today;
      if (joinedOn > today) {
        throw invalid('defaultJoinedOn', `${def.defaultDateLabel} không được sau hôm nay`);
      }
      const byHeading: Record<string, string> = {};
      for (const c of columns) {
        const key = headingKey(c.heading);
        if (key !== '') byHeading[key] = mapping.get(c.index) ?? 'ignore';
      }
      const updated = await db.transaction().execute(async (tx) => {
        const locked = await imports.lock(tx, id);
        if (!locked || !['mapping', 'ready', 'failed'].includes(locked.status)) {
          throw conflict('Lần nhập này không còn ở bước ghép cột');
        }
        await imports.saveMapping(tx, b.organization_id, b.kind, byHeading);
        await imports.transition(tx, id, ['mapping', 'ready', 'failed'], 'analysing', {
          mapping: JSON.stringify(Object.fromEntries(mapping)),
          default_joined_on: joinedOn,
          progress_done: 0,
          error: null,
        });
        await audit(tx, ctx, {
          action: 'import.map',
          entityType: 'import',
          entityId: id,
          organizationId: b.organization_id,
          before: { mapping: b.mapping },
          after: { mapping: Object.fromEntries(mapping), default_joined_on: joinedOn },
        });
        return (await imports.find(tx, id))!;
      });
      await send('import-analyse', id);
      return toImportDetail(updated, orgName);
    },

    async rows(ctx: RequestContext, id: string, q: ImportRowsQuery) {
      const { b } = await load(ctx, id);
      const r = await imports.rows(db, id, q);
      const detail = toImportSummary(b, '');
      const def = kindDef(b.kind);
      const masked = columnOf(mappingFromJson(b.mapping), def.maskedField);
      return {
        items: r.rows.map((row) => toImportRow(row, def, masked)),
        total: r.total,
        counts: detail.counts,
      };
    },

    /** Corrects a row's values (as typed in a spreadsheet) or its decision, and checks it again. */
    async fixRow(ctx: RequestContext, id: string, rowNumber: number, fix: ImportRowFix) {
      const { b } = await load(ctx, id);
      if (b.status !== 'ready')
        throw conflict('Chỉ sửa được dòng khi lần nhập đang ở bước xem trước');
      const row = await imports.row(db, id, rowNumber);
      if (!row) throw notFound(`dòng ${rowNumber}`);
      const def = kindDef(b.kind);
      const mapping = mappingFromJson(b.mapping);
      let staged = null;
      if (fix.values && Object.keys(fix.values).length > 0) {
        const raw = [...row.raw];
        for (const [field, value] of Object.entries(fix.values)) {
          const col = columnOf(mapping, field);
          if (col === null || value === undefined) {
            throw invalid(
              `values/${field}`,
              `Trường "${def.labels[field] ?? field}" chưa được ghép với cột nào của tệp`,
            );
          }
          while (raw.length <= col) raw.push('');
          raw[col] = value;
        }
        const env = await envOf(b);
        const n = (await def.normaliser(env))(raw, mapping);
        const analysed: KindAnalysed = { rowNumber, raw, ...n };
        staged = await def.recheck(env, analysed, row);
      }
      const status = staged?.status ?? row.status;
      const matchPersonId = staged ? staged.matchPersonId : row.match_person_id;
      const matchOrganizationId = staged
        ? (staged.matchOrganizationId ?? null)
        : row.match_organization_id;
      let decision = fix.decision ?? staged?.decision ?? row.decision;
      if (status === 'error' && decision !== 'skip') {
        if (fix.decision) {
          throw invalid('decision', 'Dòng còn lỗi: hãy sửa lỗi trước, hoặc bỏ qua dòng này');
        }
        decision = 'skip';
      }
      if (decision === 'link' && !def.canLink) {
        throw invalid(
          'decision',
          b.kind === 'activities'
            ? 'Hoạt động chỉ được ghi mới hoặc bỏ qua'
            : 'Tổ chức trực thuộc chỉ được tạo mới hoặc bỏ qua',
        );
      }
      if (decision === 'link' && !matchPersonId && !matchOrganizationId) {
        throw invalid(
          'decision',
          b.kind === 'members'
            ? 'Dòng này không trùng với người nào đã có để ghép vào'
            : 'Dòng này không trùng với tổ chức nào đã có để ghép vào',
        );
      }
      await db.transaction().execute(async (tx) => {
        const locked = await imports.lock(tx, id);
        if (locked?.status !== 'ready') {
          throw conflict('Chỉ sửa được dòng khi lần nhập đang ở bước xem trước');
        }
        await imports.updateRow(tx, id, rowNumber, {
          ...(staged
            ? {
                raw: staged.raw,
                data: JSON.stringify(staged.data),
                issues: JSON.stringify(staged.issues),
                status: staged.status,
                name_key: staged.nameKey,
                match_person_id: staged.matchPersonId,
                match_organization_id: staged.matchOrganizationId ?? null,
                match_row: staged.matchRow,
                match_reason: staged.matchReason,
                edited: true,
              }
            : {}),
          decision,
        });
      });
      await refreshCounts(id);
      const updated = await imports.row(db, id, rowNumber);
      return toImportRow(updated!, def, columnOf(mapping, def.maskedField));
    },

    async commit(ctx: RequestContext, id: string, skipInvalid: boolean) {
      const { b, orgName } = await load(ctx, id);
      if (b.status !== 'ready') throw conflict('Lần nhập chưa sẵn sàng để ghi (hoặc đã ghi)');
      const counts = await imports.counts(db, id);
      if ((counts.error ?? 0) > 0 && !skipInvalid) {
        throw conflict(
          `Còn ${counts.error} dòng lỗi: hãy sửa, chọn bỏ qua, hoặc xác nhận bỏ qua các dòng lỗi khi ghi`,
          'skipInvalid',
        );
      }
      if ((counts.create ?? 0) + (counts.link ?? 0) === 0) {
        throw conflict('Không có dòng nào để ghi: mọi dòng đều bị bỏ qua');
      }
      const updated = await db.transaction().execute(async (tx) => {
        const ok = await imports.transition(tx, id, ['ready'], 'committing', {
          progress_done: 0,
          progress_total: counts.total,
        });
        if (!ok) throw conflict('Lần nhập chưa sẵn sàng để ghi (hoặc đã ghi)');
        await audit(tx, ctx, {
          action: 'import.commit',
          entityType: 'import',
          entityId: id,
          organizationId: b.organization_id,
          after: { file_name: b.file_name, ...counts },
        });
        return (await imports.find(tx, id))!;
      });
      await send('import-commit', id);
      return toImportDetail(updated, orgName);
    },

    async undo(ctx: RequestContext, id: string) {
      const { b, orgName } = await load(ctx, id);
      const updated = await db.transaction().execute(async (tx) => {
        const ok = await imports.transition(tx, id, ['committed'], 'undoing');
        if (!ok) throw conflict('Chỉ hoàn tác được lần nhập đã ghi xong');
        await audit(tx, ctx, {
          action: 'import.undo',
          entityType: 'import',
          entityId: id,
          organizationId: b.organization_id,
          before: { file_name: b.file_name, ...(b.counts as Record<string, number>) },
        });
        return (await imports.find(tx, id))!;
      });
      await send('import-undo', id);
      return toImportDetail(updated, orgName);
    },

    async cancel(ctx: RequestContext, id: string) {
      const { b, orgName } = await load(ctx, id);
      const updated = await db.transaction().execute(async (tx) => {
        const ok = await imports.transition(tx, id, ['mapping', 'ready', 'failed'], 'cancelled');
        if (!ok) throw conflict('Không hủy được: lần nhập đang chạy hoặc đã ghi');
        await imports.deleteRows(tx, id);
        await imports.deleteFile(tx, id);
        sheets.drop(id);
        await audit(tx, ctx, {
          action: 'import.cancel',
          entityType: 'import',
          entityId: id,
          organizationId: b.organization_id,
          before: { file_name: b.file_name, status: b.status },
        });
        return (await imports.find(tx, id))!;
      });
      return toImportDetail(updated, orgName);
    },

    // — the jobs —

    /**
     * Reads the file (kept from the upload, else stored), normalises the rows, decides them —
     * part by part where the kind can, while the database looks up the next group — and stages
     * them through COPYs that PostgreSQL stores while the next part is decided.
     */
    async runAnalysis(importId: string): Promise<void> {
      const b = await imports.find(db, importId);
      if (b?.status !== 'analysing') return;
      let staging: RowStaging | null = null;
      try {
        const sheet = sheets.get(importId) ?? (await storedSheet(importId));
        const rows = sheet.rows.filter((r) => r.number >= b.data_start_row);
        await imports.update(db, importId, { progress_total: rows.length, progress_done: 0 });
        const def = kindDef(b.kind);
        const env = await envOf(b);
        const normalise = await def.normaliser(env);
        const mapping = mappingFromJson(b.mapping);
        const decider = def.decider?.(env);
        const out = await imports.openStaging(db, importId);
        staging = out;
        // the progress bar counts the rows decided and staged
        let staged = 0;
        const write = async (decided: readonly StagedRow[]) => {
          await out.write(decided);
          const before = staged;
          staged += decided.length;
          if (Math.floor(staged / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) {
            await imports.update(db, importId, { progress_done: staged });
          }
        };
        const stage = async (group: readonly KindAnalysed[], by: KindDecider) => {
          for (let j = 0; j < group.length; j += stagingPart) {
            await write(await by.decide(group.slice(j, j + stagingPart)));
          }
        };
        // a group is normalised and sent to be looked up; the group before, looked up
        // meanwhile, is decided and staged while the database looks this one up
        let previous: KindAnalysed[] = [];
        const whole: KindAnalysed[] = [];
        for (let i = 0; i < rows.length; i += lookupGroup) {
          const group = rows
            .slice(i, i + lookupGroup)
            .map((r) => ({ rowNumber: r.number, raw: r.cells, ...normalise(r.cells, mapping) }));
          if (decider) {
            decider.lookUp(group);
            await stage(previous, decider);
            previous = group;
          } else {
            for (const r of group) whole.push(r);
          }
        }
        if (decider) {
          await stage(previous, decider);
        } else if (def.decide) {
          const decided = await def.decide(env, whole);
          for (let j = 0; j < decided.length; j += stagingPart) {
            await write(decided.slice(j, j + stagingPart));
          }
        }
        // the import may have been cancelled or re-mapped meanwhile: then nothing is staged
        const kept = await out.finish();
        staging = null;
        if (!kept) return;
        const counts = await imports.counts(db, importId);
        await imports.transition(db, importId, ['analysing'], 'ready', {
          progress_done: rows.length,
          counts: JSON.stringify(counts),
        });
      } catch (err) {
        await staging?.abort();
        log(`phân tích lần nhập ${importId} thất bại`, err);
        await imports.transition(db, importId, ['analysing'], 'failed', {
          error:
            err instanceof Error && 'status' in err
              ? err.message
              : 'Lỗi hệ thống khi phân tích tệp; hãy thử ghép cột và phân tích lại',
        });
      }
    },

    /**
     * Writes the rows in batches, on as many connections at once as the kind allows (each batch
     * its own transaction, recorded as written in it); then, once every batch is recorded, marks
     * the import committed. A job resumed after a crash writes the batches not recorded.
     */
    async runCommit(importId: string): Promise<void> {
      const b = await imports.find(db, importId);
      if (b?.status !== 'committing') return;
      const def = kindDef(b.kind);
      const all = commitBatches(await imports.rowNumbers(db, importId), batchRows);
      const written = await parts.written(db, importId);
      const todo = all.filter((p) => !written.has(p.to));
      let next = 0;
      let stop = false;
      const writer = async () => {
        while (!stop && next < todo.length) {
          const part = todo[next++]!;
          const wrote = await db.transaction().execute(async (tx) => {
            const current = await imports.find(tx, importId);
            if (current?.status !== 'committing') return false;
            const counts = await def.commitRange(commitEnv(tx, current), part.from, part.to);
            await parts.record(tx, importId, part.to, part.rows, counts);
            return true;
          });
          if (!wrote) stop = true;
          else if (opts.afterBatch) await opts.afterBatch(importId, part.to);
        }
      };
      const writers = Math.max(1, Math.min(def.commitWriters ?? 1, todo.length));
      const results = await Promise.allSettled(
        Array.from({ length: writers }, () =>
          writer().catch((err: unknown) => {
            // the other writers finish the batch they hold, then stop
            stop = true;
            throw err;
          }),
        ),
      );
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      if (stop) return;
      await db.transaction().execute(async (tx) => {
        const locked = await imports.lock(tx, importId);
        if (locked?.status !== 'committing') return;
        const total = await parts.totals(tx, importId);
        if (total.parts !== all.length) {
          throw new Error(`import ${importId}: ${total.parts} of ${all.length} batches written`);
        }
        const counts = { ...(locked.counts as Record<string, number>) };
        for (const [k, n] of Object.entries(total.counts)) counts[k] = (counts[k] ?? 0) + n;
        await imports.transition(tx, importId, ['committing'], 'committed', {
          committed_at: new Date(),
          progress_done: locked.progress_total,
          counts: JSON.stringify(counts),
        });
        await parts.clear(tx, importId);
        await imports.deleteFile(tx, importId);
        sheets.drop(importId);
        await auditJob(tx, locked, 'import.committed', counts);
      });
    },

    async runUndo(importId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const b = await imports.lock(tx, importId);
        if (b?.status !== 'undoing') return;
        const removed = await kindDef(b.kind).undo(commitEnv(tx, b));
        const counts = { ...(b.counts as Record<string, number>), ...removed };
        await imports.transition(tx, importId, ['undoing'], 'undone', {
          undone_at: new Date(),
          counts: JSON.stringify(counts),
        });
        await auditJob(tx, b, 'import.undone', counts);
      });
    },

    /** After a restart: the imports a job was working on are sent to the queue again. */
    async resumeInterrupted(): Promise<number> {
      const running = await imports.interrupted(db);
      for (const r of running) {
        const name =
          r.status === 'analysing'
            ? 'import-analyse'
            : r.status === 'committing'
              ? 'import-commit'
              : 'import-undo';
        await send(name, r.id);
      }
      return running.length;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
