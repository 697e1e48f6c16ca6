import {
  foldVietnamese,
  formatDate,
  formatDocumentDateLine,
  periodPhrase,
  provinceByCode,
  REPORT_SECTIONS,
  reportSummaryLine,
  type ReportSection,
} from '@lienhiep/core';
import type { Database } from '../../db/database.js';
import { vnToday } from '../../shared/dates.js';
import { AppError, conflict, invalid, notFound } from '../../shared/errors.js';
import type { JobQueue } from '../../shared/jobs.js';
import type { Actor, RequestContext } from '../access/actor.js';
import { accessRepository } from '../access/access.repository.js';
import { assertReadable } from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { renderAnnexXlsx } from './annex-xlsx.js';
import { change, isCounted } from './consolidation.math.js';
import { consolidationRepository } from './consolidation.repository.js';
import type { DocumentJob, DocumentRequest } from './consolidation.schemas.js';
import {
  createConsolidationService,
  indicatorsOf,
  type ConsolidationData,
} from './consolidation.service.js';
import { documentRepository as docs, type DocumentRow } from './document.repository.js';
import { renderReportDocx, type Block, type ReportDocModel } from './report-docx.js';
import {
  completenessSentences,
  documentAbbreviation,
  figuresTableBlock,
  paragraphs,
  resultsBlocks,
  sectionHeading,
  type ProseIndicator,
} from './report-prose.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const documentNotFound = () => notFound('tài liệu');

export function toDocumentJob(r: DocumentRow): DocumentJob {
  return {
    id: r.id,
    kind: r.kind,
    roundId: r.round_id,
    organizationId: r.organization_id,
    submissionId: r.submission_id,
    status: r.status,
    progress: r.progress,
    error: r.error,
    fileName: r.file_name,
    size: r.size,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}

/** "Báo cáo tổng hợp 9 tháng đầu năm 2025 - Liên hiệp Hội Hải Phòng.docx" and its ASCII twin. */
export function contentDisposition(name: string): string {
  const ascii = foldVietnamese(name)
    .replace(/[^a-z0-9.]+/giu, '-')
    .replace(/^-+|-+$/gu, '');
  return `attachment; filename="${ascii || 'tai-lieu'}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The job runs without a request: it reads with the rights of whoever asked for it. */
async function requesterActor(db: Database, row: DocumentRow): Promise<Actor> {
  const assignments = row.created_by
    ? await accessRepository.assignmentsOf(db, row.created_by)
    : [];
  return {
    userId: row.created_by ?? '',
    name: row.created_by_name,
    username: null,
    email: '',
    twoFactorEnabled: false,
    mustChangePassword: false,
    sessionId: '',
    assignments,
  };
}

const jobContext = (row: DocumentRow): RequestContext => ({
  actor: null,
  requestId: `document:${row.id}`,
  clientIp: '127.0.0.1',
});

export interface DocumentServiceOptions {
  log?: (msg: string, err?: unknown) => void;
}

type Params = Omit<DocumentRequest, 'kind' | 'roundId' | 'organizationId' | 'submissionId'>;

export function createDocumentService(
  db: Database,
  jobs: JobQueue | null,
  opts: DocumentServiceOptions = {},
) {
  const log = opts.log ?? (() => {});
  const consolidation = createConsolidationService(db);

  async function loadReadable(actor: Actor, id: string): Promise<DocumentRow> {
    const row = await docs.find(db, id);
    if (!row) throw documentNotFound();
    try {
      await assertReadable(db, actor, row.organization_id);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) throw documentNotFound();
      throw e;
    }
    return row;
  }

  /** Header particulars of a document issued by `orgId`. */
  async function issuerFacts(orgId: string, today: string) {
    const issuer = await docs.issuer(db, orgId, today);
    if (!issuer) throw notFound('tổ chức');
    const province = issuer.province_code ? provinceByCode(issuer.province_code) : undefined;
    return {
      issuer,
      place: province?.name ?? 'Hà Nội',
      abbreviation: documentAbbreviation(issuer.short_name ?? issuer.full_name, issuer.kind),
    };
  }

  function signer(
    p: Params,
    fallback: { authority?: string | null; position?: string | null; name?: string | null },
  ) {
    return {
      authority: p.signerAuthority ?? fallback.authority ?? 'TM. BAN CHẤP HÀNH',
      position: p.signerPosition ?? fallback.position ?? 'CHỦ TỊCH',
      name: p.signerName ?? fallback.name ?? null,
    };
  }

  /** Sections II–IV: the request's text, else the consolidating unit's own, else the units' summarised. */
  async function narrativeBlocks(
    c: ConsolidationData,
    p: Params,
    ownSubmissionId: string | null,
  ): Promise<Block[]> {
    const counted = c.reporters.filter(
      (r) => r.submission_id && r.org_id !== c.organization.id && isCounted(r.status, c.basis),
    );
    const [own, units] = await Promise.all([
      ownSubmissionId ? consolidationRepository.submissionSections(db, [ownSubmissionId]) : [],
      consolidationRepository.submissionSections(
        db,
        counted.map((r) => r.submission_id!),
      ),
    ]);
    const nameOf = new Map(counted.map((r) => [r.submission_id!, r.name_at_open ?? '']));
    const blocks: Block[] = [];
    for (const s of REPORT_SECTIONS.filter((x) => x !== 'results')) {
      blocks.push({ type: 'heading', text: sectionHeading(s) });
      const given = p.sections?.[s];
      const mine = own.find((x) => x.section_code === s)?.body;
      if (given) {
        for (const t of paragraphs(given)) blocks.push({ type: 'paragraph', text: t });
      } else if (mine) {
        for (const t of paragraphs(mine)) blocks.push({ type: 'paragraph', text: t });
      } else {
        const theirs = units.filter((x) => x.section_code === s).slice(0, 20);
        if (theirs.length === 0) {
          blocks.push({
            type: 'paragraph',
            text: 'Các đơn vị chưa nêu nội dung này trong báo cáo.',
          });
        }
        for (const t of theirs) {
          const text = paragraphs(t.body).join(' ');
          const short = text.length > 600 ? `${text.slice(0, 597).replace(/\s+\S*$/u, '')}…` : text;
          blocks.push({ type: 'paragraph', text: `${nameOf.get(t.submission_id)}: ${short}` });
        }
      }
    }
    return blocks;
  }

  async function consolidatedModel(
    actor: Actor,
    row: DocumentRow,
    p: Params,
    progress: (n: number) => Promise<void>,
  ): Promise<{ model: ReportDocModel; data: ConsolidationData }> {
    const c = await consolidation.build(
      actor,
      { roundId: row.round_id, organizationId: row.organization_id, view: p.view, basis: p.basis },
      { withNames: true },
    );
    await progress(40);
    const today = p.date ?? vnToday();
    const facts = await issuerFacts(row.organization_id, today);
    const ownSub = await consolidationRepository.submissionOfIn(
      db,
      c.round.rootRoundId,
      c.organization.id,
    );
    const root = c.rootRound;
    const indicators: ProseIndicator[] = c.indicators.map((i) => ({
      code: i.code,
      label: i.label,
      unit: i.unit,
      group: i.group,
      value: i.value,
      sameLastYear: i.sameLastYear,
    }));
    const units = c.children
      .filter((x) => x.role === 'child')
      .map((x) => ({ name: x.name, values: x.values }));
    const comp = c.completeness;
    const ownResults = ownSub
      ? ((await consolidationRepository.submissionSections(db, [ownSub.id])).find(
          (s) => s.section_code === 'results',
        )?.body ?? null)
      : null;
    const intro = [
      `Thực hiện kế hoạch công tác năm ${root.year}, ${facts.issuer.full_name} báo cáo kết quả hoạt động ${periodPhrase(root.period_type, root.year, root.quarter)} của ${
        c.children.some((x) => x.role === 'child')
          ? `cơ quan ${c.organization.shortName ?? c.organization.fullName} và các đơn vị trực thuộc`
          : 'đơn vị'
      } như sau:`,
    ];
    const closing = [
      ...completenessSentences({
        expected: comp.expected,
        sent: comp.sent,
        counted: comp.counted,
        overdue: comp.overdue,
        sentLate: comp.late - comp.overdue,
        today: c.today,
        basis: c.basis,
        nonReporters: comp.nonReporters.map((n) => n.name),
      }),
      `Số liệu được tổng hợp từ dữ liệu báo cáo của các đơn vị trong kỳ (từ ngày ${formatDate(root.window_from)} đến ngày ${formatDate(root.window_to)}), ${c.view === 'as_reported' ? 'theo cơ cấu tổ chức tại cuối kỳ báo cáo' : 'quy đổi theo cơ cấu tổ chức hiện nay'}; chi tiết từng đơn vị tại Phụ lục kèm theo.`,
    ];
    const blocks: Block[] = [
      { type: 'heading', text: sectionHeading('results') },
      ...resultsBlocks({
        periodType: root.period_type,
        year: root.year,
        quarter: root.quarter,
        comparisonYear: c.comparison.sameLastYear?.year ?? null,
        subject: c.children.some((x) => x.role === 'child')
          ? 'các đơn vị'
          : c.organization.fullName,
        indicators,
        units,
        intro,
        closing: [],
        ownResults,
      }),
      figuresTableBlock(
        indicators.filter((i) => i.value !== null),
        c.comparison.sameLastYear?.year ?? null,
      ),
      ...closing.map((text) => ({ type: 'paragraph' as const, text })),
      ...(await narrativeBlocks(c, p, ownSub?.id ?? null)),
    ];
    await progress(70);
    const number = p.documentNumber ?? ownSub?.document_number ?? `      /BC-${facts.abbreviation}`;
    const parentName = facts.issuer.parent_name;
    const model: ReportDocModel = {
      supervisingBody: parentName,
      issuingBody: facts.issuer.full_name,
      documentNumber: number,
      dateLine: formatDocumentDateLine(p.place ?? facts.place, today),
      title: 'BÁO CÁO',
      summaryLine: reportSummaryLine(root.period_type, root.year, root.quarter),
      blocks,
      signer: signer(p, { name: facts.issuer.president }),
      recipients: p.recipients ?? [
        ...(parentName ? [`${parentName} (để báo cáo)`] : []),
        'Thường trực, các Ban chuyên môn',
        'Các đơn vị trực thuộc',
      ],
      archive: 'VT, VP',
    };
    return { model, data: c };
  }

  async function submissionModel(
    row: DocumentRow,
    p: Params,
    progress: (n: number) => Promise<void>,
  ): Promise<ReportDocModel> {
    const s = await consolidationRepository.submission(db, row.submission_id!);
    if (!s) throw documentNotFound();
    const round = (await consolidationRepository.round(db, s.round_id))!;
    const root = (await consolidationRepository.familyRoot(db, s.round_id))!;
    const items = await consolidationRepository.formItems(db, round.form_version_id);
    const defs = indicatorsOf(items);
    const values = await consolidationRepository.submissionValues(db, s.id);
    const byCode = new Map(values.map((v) => [v.indicator_code, v]));
    // the same unit's report a year before, for the comparison
    const [lastYearRoot] = await consolidationRepository.rootsOpenedBy(db, root.organization_id, {
      periodType: root.period_type,
      year: root.year - 1,
      quarter: root.quarter,
    });
    const lastYear = lastYearRoot
      ? await consolidationRepository.submissionOfIn(db, lastYearRoot.id, s.organization_id)
      : undefined;
    const lastValues = lastYear
      ? new Map(
          (await consolidationRepository.submissionValues(db, lastYear.id)).map((v) => [
            v.indicator_code,
            v,
          ]),
        )
      : null;
    const total = (v: { own_value: number | null; subunits_value: number | null } | undefined) =>
      v && (v.own_value !== null || v.subunits_value !== null)
        ? Number(v.own_value ?? 0) + Number(v.subunits_value ?? 0)
        : null;
    const indicators: ProseIndicator[] = defs.map((d) => {
      const value = total(byCode.get(d.code));
      return {
        code: d.code,
        label: d.label,
        unit: d.unit,
        group: d.group,
        value,
        sameLastYear: change(value, lastValues ? total(lastValues.get(d.code)) : null),
      };
    });
    await progress(50);
    const sections = await consolidationRepository.submissionSections(db, [s.id]);
    const today = p.date ?? vnToday();
    const facts = await issuerFacts(s.organization_id, today);
    const text = (sec: ReportSection) =>
      (sec !== 'results' ? p.sections?.[sec] : undefined) ??
      sections.find((x) => x.section_code === sec)?.body ??
      null;
    const hasSub = values.some((v) => v.subunits_value !== null && Number(v.subunits_value) !== 0);
    const blocks: Block[] = [
      { type: 'heading', text: sectionHeading('results') },
      ...resultsBlocks({
        periodType: root.period_type,
        year: root.year,
        quarter: root.quarter,
        comparisonYear: lastValues ? root.year - 1 : null,
        subject: hasSub ? `${s.full_name} và các đơn vị trực thuộc` : s.full_name,
        indicators,
        units: [],
        intro: [
          `${s.full_name} báo cáo kết quả hoạt động ${periodPhrase(root.period_type, root.year, root.quarter)} (số liệu từ ngày ${formatDate(round.window_from)} đến ngày ${formatDate(round.window_to)}) như sau:`,
        ],
        closing: [],
        ownResults: text('results'),
      }),
      figuresTableBlock(
        indicators.filter((i) => i.value !== null),
        lastValues ? root.year - 1 : null,
      ),
    ];
    if (hasSub) {
      blocks.push({
        type: 'paragraph',
        text: `Số liệu trên gồm số liệu của chính ${s.full_name} và của các đơn vị trực thuộc đã được duyệt.`,
      });
    }
    for (const sec of REPORT_SECTIONS.filter((x) => x !== 'results')) {
      blocks.push({ type: 'heading', text: sectionHeading(sec) });
      const body = text(sec);
      if (!body) blocks.push({ type: 'paragraph', text: 'Không có nội dung.' });
      else for (const t of paragraphs(body)) blocks.push({ type: 'paragraph', text: t });
    }
    await progress(70);
    return {
      supervisingBody: facts.issuer.parent_name,
      issuingBody: s.full_name,
      documentNumber: p.documentNumber ?? s.document_number ?? `      /BC-${facts.abbreviation}`,
      dateLine: formatDocumentDateLine(p.place ?? s.place ?? facts.place, today),
      title: 'BÁO CÁO',
      summaryLine: reportSummaryLine(root.period_type, root.year, root.quarter),
      blocks,
      signer: signer(p, {
        authority: s.signer_authority,
        position: s.signer_position,
        name: s.signer_name ?? facts.issuer.president,
      }),
      recipients:
        p.recipients ??
        (s.recipients.length > 0
          ? s.recipients
          : facts.issuer.parent_name
            ? [`${facts.issuer.parent_name} (để báo cáo)`]
            : []),
      archive: 'VT, VP',
    };
  }

  async function generate(row: DocumentRow, progress: (n: number) => Promise<void>) {
    const p = row.params as Params;
    const actor = await requesterActor(db, row);
    const round = await consolidationRepository.round(db, row.round_id);
    if (!round) throw documentNotFound();
    const title = round.title;
    if (row.kind === 'submission_docx') {
      const model = await submissionModel(row, p, progress);
      const content = await renderReportDocx(model);
      return { name: `${title} - ${model.issuingBody}.docx`, mediaType: DOCX, content };
    }
    if (row.kind === 'consolidated_docx') {
      const { model, data } = await consolidatedModel(actor, row, p, progress);
      const content = await renderReportDocx(model);
      return {
        name: `Báo cáo tổng hợp - ${data.round.title} - ${data.organization.shortName ?? data.organization.fullName}.docx`,
        mediaType: DOCX,
        content,
      };
    }
    const data = await consolidation.build(
      actor,
      { roundId: row.round_id, organizationId: row.organization_id, view: p.view, basis: p.basis },
      { withNames: true },
    );
    await progress(50);
    const own = await docs.ownValues(
      db,
      data.reporters.filter((r) => r.submission_id).map((r) => r.submission_id!),
    );
    await progress(75);
    const content = await renderAnnexXlsx(
      data,
      own,
      `(Kèm theo báo cáo tổng hợp của ${data.organization.fullName}; số liệu đến ngày ${formatDate(data.today)})`,
    );
    return {
      name: `Phụ lục số liệu - ${data.round.title} - ${data.organization.shortName ?? data.organization.fullName}.xlsx`,
      mediaType: XLSX,
      content,
    };
  }

  const service = {
    async request(ctx: RequestContext, input: DocumentRequest): Promise<{ id: string }> {
      const actor = ctx.actor!;
      const round = await consolidationRepository.round(db, input.roundId);
      if (!round) throw notFound('kỳ báo cáo');
      let orgId = input.organizationId ?? round.organization_id;
      let submissionId: string | null = null;
      if (input.kind === 'submission_docx') {
        if (!input.submissionId) {
          throw invalid('submissionId', 'Hãy chọn báo cáo của đơn vị cần xuất ra văn bản');
        }
        const s = await consolidationRepository.submission(db, input.submissionId);
        const root = await consolidationRepository.familyRoot(db, input.roundId);
        const sRoot = s ? await consolidationRepository.familyRoot(db, s.round_id) : undefined;
        if (!s || !root || sRoot?.id !== root.id) throw notFound('báo cáo');
        orgId = s.organization_id;
        submissionId = s.id;
      } else if (input.submissionId) {
        throw invalid('submissionId', 'Chỉ chọn báo cáo của đơn vị với loại submission_docx');
      }
      await assertReadable(db, actor, orgId);
      if (input.date && input.date > '2200-12-31') throw invalid('date', 'Ngày không hợp lệ');
      const { kind, roundId: _r, organizationId: _o, submissionId: _s, ...params } = input;
      const row = await db.transaction().execute(async (tx) => {
        const r = await docs.insert(tx, {
          kind,
          round_id: input.roundId,
          organization_id: orgId,
          submission_id: submissionId,
          params,
          created_by: actor.userId,
          created_by_name: actor.name,
        });
        await audit(tx, ctx, {
          action: 'report_document.request',
          entityType: 'report_document',
          entityId: r.id,
          organizationId: orgId,
          after: { kind, round_id: input.roundId, submission_id: submissionId, ...params },
        });
        return r;
      });
      if (jobs) await jobs.send('document-generate', { documentId: row.id });
      else await service.run(row.id);
      return { id: row.id };
    },

    async get(ctx: RequestContext, id: string): Promise<DocumentJob> {
      return toDocumentJob(await loadReadable(ctx.actor!, id));
    },

    async file(ctx: RequestContext, id: string) {
      const row = await loadReadable(ctx.actor!, id);
      if (row.status !== 'done') {
        throw conflict(
          row.status === 'failed'
            ? `Tạo tài liệu không thành công: ${row.error ?? 'lỗi không xác định'}`
            : 'Tài liệu đang được tạo; hãy đợi đến khi hoàn tất',
        );
      }
      const content = await docs.content(db, id);
      if (!content) throw documentNotFound();
      return { name: row.file_name!, mediaType: row.media_type!, content };
    },

    /** The job: builds the file, keeps it, audits the generation. Safe to run twice. */
    async run(id: string): Promise<void> {
      if (!(await docs.start(db, id))) return;
      const row = (await docs.find(db, id))!;
      try {
        const file = await generate(row, (n) => docs.progress(db, id, n));
        await docs.progress(db, id, 90);
        await db.transaction().execute(async (tx) => {
          if (!(await docs.finish(tx, id, file))) return;
          await audit(tx, jobContext(row), {
            action: 'report_document.generated',
            entityType: 'report_document',
            entityId: id,
            organizationId: row.organization_id,
            after: { kind: row.kind, file_name: file.name, size: file.content.length },
            ...(row.created_by ? { actor: { id: row.created_by, name: row.created_by_name } } : {}),
          });
        });
      } catch (err) {
        log(`tạo tài liệu ${id} thất bại`, err);
        await docs.fail(
          db,
          id,
          err instanceof AppError ? err.message : 'Lỗi hệ thống khi tạo tài liệu; hãy thử lại',
        );
      }
    },

    /** After a restart: the documents left queued or running are sent to the queue again. */
    async resumeInterrupted(): Promise<number> {
      const ids = await docs.interrupted(db);
      for (const id of ids) {
        if (jobs) await jobs.send('document-generate', { documentId: id });
      }
      return ids.length;
    },
  };
  return service;
}

export type DocumentService = ReturnType<typeof createDocumentService>;
