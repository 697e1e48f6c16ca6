import type { Database } from '../../db/database.js';
import { poolOf } from '../../db/database.js';
import { vnToday } from '../../shared/dates.js';
import { conflict, invalid, notFound } from '../../shared/errors.js';
import type { JobQueue } from '../../shared/jobs.js';
import type { Actor, RequestContext } from '../access/actor.js';
import { accessRepository } from '../access/access.repository.js';
import { assertWritable, scopeFor } from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { requireOrganization } from '../organizations/organization.service.js';
import { matchExisting, type ExistingPerson } from './dedupe.js';
import {
  columnOf,
  mappingFromJson,
  toImportDetail,
  toImportRow,
  toImportSummary,
  type StoredColumn,
} from './import.dto.js';
import { importRepository as imports, type ImportBatchRow } from './import.repository.js';
import type {
  ImportListQuery,
  ImportMapping,
  ImportRowFix,
  ImportRowsQuery,
} from './import.schemas.js';
import { applySavedMapping, detectLayout } from './header-detect.js';
import {
  decideRow,
  decideRows,
  FIELD_KEYS,
  normaliseRows,
  PROVINCE_KEYS,
  toFileRecord,
  type AnalysedRow,
} from './member-analysis.js';
import { headingKey, MEMBER_FIELD_LABELS, type MemberField } from './member-fields.js';
import { normaliseMemberRow, type MemberData, type NormaliseContext } from './member-row.js';
import { compareRecords } from './dedupe.js';
import { readSpreadsheet } from './spreadsheet.js';
import { unprocessable } from './import-errors.js';

/** Rows normalised between two progress reports. */
const ANALYSIS_CHUNK = 10_000;

/** Largest upload: a member list of 200,000 rows fits well below it. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface ImportServiceOptions {
  /** Rows written per transaction by the commit. */
  batchRows?: number;
  /** Called after each committed batch (tests stop the job here to play a crash). */
  afterBatch?: (importId: string, committedThrough: number) => void | Promise<void>;
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
      'organization.write',
      [b.organization_id],
      b.organization_id,
    );
    const org = await requireOrganization(db, b.organization_id);
    return { b, orgName: org.full_name };
  }

  async function normaliseContext(b: ImportBatchRow): Promise<NormaliseContext> {
    const org = await requireOrganization(db, b.organization_id);
    return {
      today: vnToday(),
      defaultJoinedOn: b.default_joined_on,
      organizationFrom: org.founded_on,
      provinces: PROVINCE_KEYS,
      fields: FIELD_KEYS,
    };
  }

  /** The people the requester may see are those duplicates are looked for among. */
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

  async function candidatesFor(b: ImportBatchRow, rows: readonly AnalysedRow[]) {
    const actor = await requesterActor(b);
    const keys = [...new Set(rows.map((r) => r.nameKey).filter((k) => k !== ''))];
    const ids = [...new Set(rows.map((r) => r.data.nationalId).filter((v) => v !== null))];
    return imports.candidates(
      db,
      scopeFor(actor, 'organization.read'),
      b.organization_id,
      keys,
      ids,
    );
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
    async upload(
      ctx: RequestContext,
      q: { organizationId: string; fileName: string },
      content: Buffer,
    ) {
      const actor = ctx.actor!;
      await assertWritable(db, actor, 'organization.write', [q.organizationId], q.organizationId);
      const org = await requireOrganization(db, q.organizationId);
      const sheet = readSpreadsheet(content);
      const layout = detectLayout(sheet.rows);
      const dataRows = sheet.rows.slice(layout.dataStart);
      if (dataRows.length === 0) {
        throw unprocessable('file', 'Không tìm thấy dòng dữ liệu nào dưới dòng tiêu đề');
      }
      const saved = await imports.savedMapping(db, q.organizationId);
      const mapping = applySavedMapping(layout.columns, layout.suggested, saved);
      const row = await db.transaction().execute(async (tx) => {
        const b = await imports.insertBatch(tx, {
          organization_id: q.organizationId,
          kind: 'members',
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
            file_name: q.fileName,
            file_size: content.length,
            rows: dataRows.length,
            mapping_reused: saved !== null,
          },
        });
        return b;
      });
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
      const columns = b.columns as unknown as StoredColumn[];
      const mapping = new Map<number, MemberField>();
      const seen = new Map<MemberField, number>();
      for (const c of m.columns) {
        if (c.index >= columns.length) {
          throw invalid('columns', `Tệp không có cột thứ ${c.index + 1}`);
        }
        if (c.field === null) continue;
        const before = seen.get(c.field);
        if (before !== undefined) {
          throw invalid(
            'columns',
            `Trường "${MEMBER_FIELD_LABELS[c.field]}" được ghép cho hai cột (${before + 1} và ${c.index + 1})`,
          );
        }
        seen.set(c.field, c.index);
        mapping.set(c.index, c.field);
      }
      if (!seen.has('fullName') && !seen.has('givenName')) {
        throw invalid(
          'columns',
          'Cần ghép một cột "Họ và tên" (hoặc hai cột "Họ và tên đệm" và "Tên")',
        );
      }
      if (seen.has('fullName') && (seen.has('givenName') || seen.has('familyMiddleName'))) {
        throw invalid(
          'columns',
          'Chỉ ghép "Họ và tên", hoặc "Họ và tên đệm" với "Tên", không cả hai',
        );
      }
      const today = vnToday();
      const joinedOn = m.defaultJoinedOn ?? today;
      if (joinedOn > today) {
        throw invalid('defaultJoinedOn', 'Ngày vào hội mặc định không được sau hôm nay');
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
        await imports.saveMapping(tx, b.organization_id, byHeading);
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
      const idColumn = columnOf(mappingFromJson(b.mapping), 'nationalId');
      return {
        items: r.rows.map((row) => toImportRow(row, idColumn)),
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
      const mapping = mappingFromJson(b.mapping);
      let staged = null;
      if (fix.values && Object.keys(fix.values).length > 0) {
        const raw = [...row.raw];
        for (const [field, value] of Object.entries(fix.values) as [MemberField, string][]) {
          const col = columnOf(mapping, field);
          if (col === null) {
            throw invalid(
              `values/${field}`,
              `Trường "${MEMBER_FIELD_LABELS[field]}" chưa được ghép với cột nào của tệp`,
            );
          }
          while (raw.length <= col) raw.push('');
          raw[col] = value;
        }
        const n = normaliseMemberRow(raw, mapping, await normaliseContext(b));
        const analysed: AnalysedRow = { rowNumber, raw, ...n };
        // the same person earlier in the file, or among the people kept
        const others = await imports.rowsLike(db, id, n.nameKey, n.data.nationalId);
        let fileMatch = null;
        for (const o of others) {
          if (o.row_number >= rowNumber || o.status === 'error') continue;
          const m = compareRecords(
            toFileRecord(analysed),
            toFileRecord({
              rowNumber: o.row_number,
              raw: o.raw,
              data: o.data as unknown as MemberData,
              issues: [],
              nameKey: o.name_key,
            }),
          );
          if (
            m &&
            (fileMatch === null || (m.strength === 'same' && fileMatch.strength !== 'same'))
          ) {
            fileMatch = { ...m, row: o.row_number };
          }
        }
        const existing: ExistingPerson[] = await candidatesFor(b, [analysed]);
        staged = decideRow(
          analysed,
          fileMatch,
          matchExisting(toFileRecord(analysed), existing),
          row.new_person_id,
        );
      }
      const status = staged?.status ?? row.status;
      const matchPersonId = staged ? staged.matchPersonId : row.match_person_id;
      let decision = fix.decision ?? staged?.decision ?? row.decision;
      if (status === 'error' && decision !== 'skip') {
        if (fix.decision) {
          throw invalid('decision', 'Dòng còn lỗi: hãy sửa lỗi trước, hoặc bỏ qua dòng này');
        }
        decision = 'skip';
      }
      if (decision === 'link' && !matchPersonId) {
        throw invalid('decision', 'Dòng này không trùng với người nào đã có để ghép vào');
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
      return toImportRow(updated!, columnOf(mapping, 'nationalId'));
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
          committed_through: 0,
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

    /** Reads the file, normalises and decides every row, and stages them in one COPY. */
    async runAnalysis(importId: string): Promise<void> {
      const b = await imports.find(db, importId);
      if (b?.status !== 'analysing') return;
      try {
        const content = await imports.file(db, importId);
        if (!content) throw new Error('import file missing');
        const sheet = readSpreadsheet(content);
        const rows = sheet.rows.filter((r) => r.number >= b.data_start_row);
        await imports.update(db, importId, { progress_total: rows.length, progress_done: 0 });
        const ctx = await normaliseContext(b);
        const mapping = mappingFromJson(b.mapping);
        const analysed: AnalysedRow[] = [];
        for (let i = 0; i < rows.length; i += ANALYSIS_CHUNK) {
          analysed.push(...normaliseRows(rows.slice(i, i + ANALYSIS_CHUNK), mapping, ctx));
          await imports.update(db, importId, { progress_done: analysed.length });
        }
        const existing = await candidatesFor(b, analysed);
        const staged = decideRows(analysed, existing);
        const client = await poolOf(db).connect();
        try {
          await client.query('begin');
          const lock = await client.query<{ status: string }>(
            'select status from import_batch where id = $1 for update',
            [importId],
          );
          if (lock.rows[0]?.status !== 'analysing') {
            await client.query('rollback');
            return;
          }
          await imports.replaceRows(client, importId, staged);
          await client.query('commit');
        } catch (err) {
          await client.query('rollback').catch(() => {});
          throw err;
        } finally {
          client.release();
        }
        const counts = await imports.counts(db, importId);
        await imports.transition(db, importId, ['analysing'], 'ready', {
          progress_done: rows.length,
          counts: JSON.stringify(counts),
        });
      } catch (err) {
        log(`phân tích lần nhập ${importId} thất bại`, err);
        await imports.transition(db, importId, ['analysing'], 'failed', {
          error:
            err instanceof Error && 'status' in err
              ? err.message
              : 'Lỗi hệ thống khi phân tích tệp; hãy thử ghép cột và phân tích lại',
        });
      }
    },

    /** Writes the rows in batches; each batch moves the resume point in the same transaction. */
    async runCommit(importId: string): Promise<void> {
      const last = await imports.lastRowNumber(db, importId);
      for (;;) {
        const step = await db.transaction().execute(async (tx) => {
          const b = await imports.lock(tx, importId);
          if (b?.status !== 'committing') return null;
          const from = b.committed_through;
          if (from >= last) {
            const counts = { ...(b.counts as Record<string, number>) };
            await imports.transition(tx, importId, ['committing'], 'committed', {
              committed_at: new Date(),
              progress_done: b.progress_total,
            });
            await imports.deleteFile(tx, importId);
            await audit(tx, jobContext(b), {
              action: 'import.committed',
              entityType: 'import',
              entityId: importId,
              organizationId: b.organization_id,
              after: { file_name: b.file_name, ...counts },
              actor: jobActor(b),
            });
            return null;
          }
          const to = (await imports.batchEnd(tx, importId, from, batchRows)) ?? last;
          const written = await imports.commitRange(tx, importId, b.organization_id, from, to);
          const counts = b.counts as Record<string, number>;
          const done = await imports.rowsThrough(tx, importId, to);
          await imports.update(tx, importId, {
            committed_through: to,
            progress_done: done,
            counts: JSON.stringify({
              ...counts,
              createdPeople: (counts.createdPeople ?? 0) + written.people,
              events: (counts.events ?? 0) + written.events,
            }),
          });
          return to;
        });
        if (step === null) return;
        if (opts.afterBatch) await opts.afterBatch(importId, step);
      }
    },

    async runUndo(importId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const b = await imports.lock(tx, importId);
        if (b?.status !== 'undoing') return;
        const r = await imports.undo(tx, importId);
        const counts = {
          ...(b.counts as Record<string, number>),
          removedPeople: r.people,
          removedEvents: r.events,
          keptPeople: r.kept,
        };
        await imports.transition(tx, importId, ['undoing'], 'undone', {
          undone_at: new Date(),
          counts: JSON.stringify(counts),
        });
        await audit(tx, jobContext(b), {
          action: 'import.undone',
          entityType: 'import',
          entityId: importId,
          organizationId: b.organization_id,
          after: { file_name: b.file_name, ...counts },
          actor: jobActor(b),
        });
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
