/**
 * The reporting part of `npm run bench`: a national round consolidated through the API against
 * the bare SQL aggregate of the same figures, and the national Word report, on a freshly
 * generated database (10,000 organisations, BENCH_ACTIVITIES activities — 2,000,000 by default —
 * and one round family with a report from nearly every organisation), in the same run. Writes its
 * section of docs/BENCHMARKS.md between markers, leaving the rest of the file as written.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { median, measure, percentile } from '../bench/measure.js';
import { bareConsolidation } from '../bench/reporting-bench.js';
import { APP_ROLE, createDatabase } from '../db/database.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { buildApp } from '../http/app.js';
import { createAccount } from '../modules/access/access.service.js';

const ORGS = Number(process.env.BENCH_ORGS ?? 10_000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 2_000_000);
const RUNS = Number(process.env.BENCH_REPORTING_RUNS ?? 20);
const DOCX_RUNS = Number(process.env.BENCH_DOCX_RUNS ?? 5);
const ORIGIN = 'http://localhost';
const BENCHMARKS = path.resolve(import.meta.dirname, '../../../../docs/BENCHMARKS.md');
const BEGIN = '<!-- reporting:begin -->';
const END = '<!-- reporting:end -->';
const fmt = (n: number, d = 1) =>
  n.toLocaleString('vi-VN', { maximumFractionDigits: d, minimumFractionDigits: d });

const started = performance.now();
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lienhiep-bench-reporting-'));
const pg = await startEmbeddedPostgres(tmp, (m) => console.error(m), 'bench');
try {
  console.log(`Sinh dữ liệu: ${ORGS} tổ chức, ${ACTIVITIES} hoạt động, một họ kỳ báo cáo…`);
  const g0 = performance.now();
  execFileSync(
    process.execPath,
    [
      path.join(import.meta.dirname, 'generate.js'),
      '--orgs',
      String(ORGS),
      '--activities',
      String(ACTIVITIES),
      '--rounds',
    ],
    { env: { ...process.env, DATABASE_URL: pg.url }, stdio: 'inherit' },
  );
  const generateSeconds = (performance.now() - g0) / 1000;
  const owner = createDatabase(pg.url, 1);
  await sql`vacuum analyze`.execute(owner);
  await owner.destroy();

  const db = createDatabase(pg.url, 10, APP_ROLE);
  const root = await db
    .selectFrom('organization')
    .select('id')
    .where('kind', '=', 'central_union')
    .executeTakeFirstOrThrow();
  const round = await db
    .selectFrom('reporting_round')
    .select(['id', 'window_to'])
    .where('parent_round_id', 'is', null)
    .executeTakeFirstOrThrow();
  const counts = await sql<{
    rounds: number;
    reporters: number;
    submissions: number;
    approved: number;
    activities: number;
    indicators: number;
  }>`select (select count(*)::int from reporting_round) as rounds,
      (select count(*)::int from report_form_item i join reporting_round r on r.form_version_id = i.form_version_id
        where r.parent_round_id is null and i.item_type = 'indicator') as indicators,
      (select count(*)::int from round_reporter) as reporters,
      (select count(*)::int from submission) as submissions,
      (select count(*)::int from submission where status in ('approved', 'locked')) as approved,
      (select count(*)::int from activity) as activities`.execute(db);
  const c = counts.rows[0]!;
  await createAccount(db, {
    name: 'Đo hiệu năng báo cáo',
    username: 'bench.reporting',
    email: 'bench.reporting@lienhiep.vn',
    password: 'bench-password-2025',
    mustChangePassword: false,
    roles: [{ role: 'editor', organizationId: root.id }],
  });
  // no job queue: the document is generated inline in the request, so polling is not counted
  const app = await buildApp({
    db,
    logLevel: 'silent',
    authSecret: 'bench-secret-0123456789abcdef0123456789',
    publicUrl: ORIGIN,
    demoMode: false,
    signInAttemptsPerMinute: 1000,
  });
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { origin: ORIGIN },
    payload: { login: 'bench.reporting', password: 'bench-password-2025' },
  });
  const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r;
  };
  const consolidationUrl = (view: string) =>
    `/api/rounds/${round.id}/consolidation?organizationId=${root.id}&view=${view}`;

  // a slow API gets fewer runs, so that the whole bench still ends in reasonable time
  const probe = performance.now();
  await get(consolidationUrl('as_reported'));
  const probeMs = performance.now() - probe;
  const apiRuns = probeMs > 2_000 ? Math.min(RUNS, 3) : RUNS;
  const apiWarmup = probeMs > 2_000 ? 0 : 3;
  const rows: { name: string; api: number[]; bare: number[]; note: string }[] = [];
  let bareGroups = 0;
  const bare = await measure(
    async () => {
      bareGroups = await bareConsolidation(db, round.id, root.id, round.window_to);
    },
    RUNS,
    3,
  );
  rows.push({
    name: `Tổng hợp kỳ báo cáo toàn hệ thống, theo cơ cấu kỳ báo cáo (${fmt(c.submissions, 0)} báo cáo)`,
    api: await measure(() => get(consolidationUrl('as_reported')), apiRuns, apiWarmup),
    bare,
    note: `API: quyền, tổng theo chỉ tiêu, theo đơn vị trực thuộc và theo nhóm, tình hình nộp, so với cùng kỳ và kỳ trước, đối chiếu hai cách xem; gốc: tổng số liệu của chính các báo cáo được tính, theo ${fmt(bareGroups, 0)} cặp (đơn vị trực thuộc, chỉ tiêu)`,
  });
  rows.push({
    name: 'Tổng hợp kỳ báo cáo toàn hệ thống, theo cơ cấu hiện nay',
    api: await measure(() => get(consolidationUrl('restated')), apiRuns, apiWarmup),
    bare,
    note: 'API: như trên, quy về tổ chức kế thừa hiện nay; gốc: như trên',
  });

  const docx: number[] = [];
  let docxBytes = 0;
  const docxRuns = probeMs > 2_000 ? Math.min(DOCX_RUNS, 2) : DOCX_RUNS;
  for (let i = 0; i < docxRuns + 1; i++) {
    const t0 = performance.now();
    const posted = await app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { cookie, origin: ORIGIN },
      payload: { kind: 'consolidated_docx', roundId: round.id, organizationId: root.id },
    });
    if (posted.statusCode !== 202) throw new Error(`POST /api/documents: ${posted.body}`);
    const id = posted.json<{ id: string }>().id;
    for (;;) {
      const job = (await get(`/api/documents/${id}`)).json<{
        status: string;
        error: string | null;
      }>();
      if (job.status === 'done') break;
      if (job.status === 'failed') throw new Error(`DOCX: ${job.error}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const ms = performance.now() - t0;
    const file = await get(`/api/documents/${id}/file`);
    docxBytes = file.rawPayload.length;
    if (i > 0) docx.push(ms); // the first one warms up
    console.log(`DOCX lần ${i}: ${fmt(ms, 0)} ms, ${fmt(docxBytes / 1024, 0)} KiB`);
  }
  await app.close();
  await db.destroy();

  const [consolidation] = rows;
  const api = median(consolidation!.api);
  const api95 = percentile(consolidation!.api, 95);
  const ratio = api / median(consolidation!.bare);
  const docxMedian = median(docx);
  const totalSeconds = (performance.now() - started) / 1000;
  const section = `${BEGIN}
## Consolidating a round and the national report (issue 5)

Written by \`npm run bench\` (\`cli/bench-reporting.ts\`), ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB; embedded PostgreSQL; API through Fastify inject (no network); bare SQL ${RUNS} timed runs after 3 warm-up runs, API ${apiRuns} after ${apiWarmup}${apiRuns < RUNS ? ` (fewer: the first call took ${fmt(probeMs / 1000, 1)} s)` : ''}, DOCX ${docxRuns} after one.

Data (\`npm run generate -- --orgs ${ORGS} --activities ${ACTIVITIES} --rounds\`, ${fmt(generateSeconds, 0)} s): ${fmt(ORGS, 0)} organisations, ${fmt(c.activities, 0)} activities over 15/12/2023–14/12/2025, one round family of year 2025 — the central union's round and a round at every organisation with sub-units (${fmt(c.rounds, 0)} rounds), ${fmt(c.reporters, 0)} units expected, ${fmt(c.submissions, 0)} reports (${fmt(c.approved, 0)} approved), each with the ${c.indicators} figures of the standard form computed from the activities of the window. The baseline is the bare SQL aggregate of the same figures in the same run: the own values of the counted reports of the family, summed per indicator under each child of the root.

| measure | API median (ms) | API p95 (ms) | bare median (ms) | ratio (median) | what the API adds |
|---|---:|---:|---:|---:|---|
${rows.map((r) => `| ${r.name} | ${fmt(median(r.api), 1)} | ${fmt(percentile(r.api, 95), 1)} | ${fmt(median(r.bare), 1)} | ${fmt(median(r.api) / median(r.bare), 2)}× | ${r.note} |`).join('\n')}
| Báo cáo tổng hợp toàn quốc (DOCX, Nghị định 30), từ yêu cầu đến tệp sẵn sàng | ${fmt(docxMedian, 0)} | ${fmt(percentile(docx, 95), 0)} | | | ${fmt(docxBytes / 1024, 0)} KiB; tạo ngay trong yêu cầu (không qua hàng đợi) |

Against the targets (issue 5, item 9): consolidation through the API **${api < 500 ? 'under' : 'over'} 500 ms** (median ${fmt(api, 0)} ms, p95 ${fmt(api95, 0)} ms) and **${ratio <= 2 ? 'within' : 'not within'} 2×** of the bare aggregate (${fmt(ratio, 2)}×); the national DOCX **${docxMedian < 5000 ? 'under' : 'over'} 5 s** (median ${fmt(docxMedian / 1000, 2)} s). This part of \`npm run bench\` took ${fmt(totalSeconds / 60, 1)} minutes on this machine, most of it generating the activities.
${END}`;
  let doc = '';
  try {
    doc = await fs.readFile(BENCHMARKS, 'utf8');
  } catch {
    doc = '# Benchmarks\n';
  }
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  doc =
    a >= 0 && b > a
      ? doc.slice(0, a) + section + doc.slice(b + END.length)
      : `${doc.trimEnd()}\n\n${section}\n`;
  await fs.writeFile(BENCHMARKS, doc);
  console.log(section);
} finally {
  await pg.stop();
  await fs.rm(tmp, { recursive: true, force: true });
}
