/**
 * npm run bench — measures the API against a bare baseline doing the same work in the same run
 * on the same database, and writes docs/BENCHMARKS.md. The data is generated fresh each time
 * (a national-size tree and members) in a throw-away embedded PostgreSQL.
 */
import { sql, type RawBuilder } from 'kysely';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { percentile, median, measure } from '../bench/measure.js';
import { APP_ROLE, createDatabase } from '../db/database.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { buildApp } from '../http/app.js';
import { createAccount } from '../modules/access/access.service.js';

const ORGS = Number(process.env.BENCH_ORGS ?? 10_000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 300_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const ORIGIN = 'http://localhost';
const fmt = (n: number, d = 1) =>
  n.toLocaleString('vi-VN', { maximumFractionDigits: d, minimumFractionDigits: d });

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lienhiep-bench-'));
const pg = await startEmbeddedPostgres(tmp, (m) => console.error(m), 'bench');
const serverDist = path.resolve(import.meta.dirname, '..');
try {
  console.log(`Sinh dữ liệu: ${ORGS} tổ chức, ${PEOPLE} người…`);
  execFileSync(
    process.execPath,
    [path.join(serverDist, 'cli/generate.js'), '--orgs', String(ORGS), '--people', String(PEOPLE)],
    {
      env: { ...process.env, DATABASE_URL: pg.url },
      stdio: 'inherit',
    },
  );
  // what autovacuum does after a bulk load, done now so that the first measures do not race it:
  // statistics, and the visibility map that index-only scans rely on
  const owner = createDatabase(pg.url, 1);
  await sql`vacuum analyze`.execute(owner);
  await owner.destroy();
  const db = createDatabase(pg.url, 10, APP_ROLE);
  const root = await db
    .selectFrom('organization')
    .select('id')
    .where('kind', '=', 'central_union')
    .executeTakeFirstOrThrow();
  await createAccount(db, {
    name: 'Đo hiệu năng',
    username: 'bench',
    email: 'bench@lienhiep.vn',
    password: 'bench-password-2025',
    mustChangePassword: false,
    roles: [{ role: 'editor', organizationId: root.id }],
  });
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
    payload: { login: 'bench', password: 'bench-password-2025' },
  });
  const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  };
  const hp = await db
    .selectFrom('organization')
    .select('id')
    .where('kind', '=', 'provincial_union')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const today = new Date().toISOString().slice(0, 10);

  const rows: { name: string; api: number[]; bare: number[]; note: string }[] = [];

  // 1. organisation search, diacritic-insensitive, one page sorted the Vietnamese way
  rows.push({
    name: 'Tìm tổ chức "hoi y hoc" (trang đầu, 20 dòng)',
    api: await measure(() => get('/api/organizations?q=hoi%20y%20hoc&sort=name'), RUNS),
    bare: await measure(
      () =>
        sql`select id, full_name from organization where search_text like '%hoi%' and search_text like '%y%' and search_text like '%hoc%'
                order by full_name collate "vi-x-icu" limit 20`.execute(db),
      RUNS,
    ),
    note: 'API: xác thực, phạm vi quyền, tên theo ngày, cấp trên, tổng số; gốc: chỉ câu SQL tìm',
  });

  // 2. a provincial union's tree: children with counts per kind of their subtrees
  rows.push({
    name: 'Cây một liên hiệp hội tỉnh: đơn vị trực thuộc và số lượng theo loại',
    api: await measure(() => get(`/api/organizations/${hp.id}/tree`), RUNS),
    bare: await measure(
      () =>
        sql`select c.ancestor_id, o.kind, count(*) from organization_closure c join organization o on o.id = c.descendant_id
                where c.ancestor_id in (select descendant_id from organization_closure where ancestor_id = ${hp.id} and depth <= 1 and valid_from <= ${today} and valid_to > ${today})
                  and c.depth > 0 and c.valid_from <= ${today} and c.valid_to > ${today} group by 1, 2`.execute(
          db,
        ),
      RUNS,
    ),
    note: 'API: hồ sơ, cấp trên, đơn vị trực thuộc, đếm theo loại; gốc: chỉ câu SQL đếm',
  });

  // 3. the whole-system subtree count at a date
  rows.push({
    name: `Đếm toàn hệ thống theo loại tại một ngày (${fmt(ORGS, 0)} tổ chức)`,
    api: await measure(() => get(`/api/organizations/${root.id}?at=${today}`), RUNS),
    bare: await measure(
      () =>
        sql`select o.kind, count(*) from organization_closure c join organization o on o.id = c.descendant_id
                where c.ancestor_id = ${root.id} and c.depth > 0 and c.valid_from <= ${today} and c.valid_to > ${today} group by 1`.execute(
          db,
        ),
      RUNS,
    ),
    note: 'API: hồ sơ gốc với số đơn vị trực thuộc trực tiếp và mọi cấp',
  });

  // 4. people name search without diacritics: API (rights, statuses, count, units) vs the same
  // page of names alone, found the way the API finds them: the distinct folded names holding the
  // words, then the people with those names, read along the list order and fetched
  const pageOfNames = (where: RawBuilder<unknown>) =>
    sql`select p.id, p.full_name from person p join (
          select id from person where ${where}
          order by given_name collate "vi-x-icu", middle_name collate "vi-x-icu", family_name collate "vi-x-icu", id
          limit 20) s on s.id = p.id`.execute(db);
  const byName = async (words: string[]) => {
    const names = await sql<{ search_text: string }>`select search_text from person_search_name
      where ${sql.join(
        words.map((w) => sql`search_text like ${`%${w}%`}`),
        sql` and `,
      )}`.execute(db);
    return pageOfNames(sql`search_text = any(${names.rows.map((r) => r.search_text)}::text[])`);
  };
  const nameSearch = {
    name: `Tìm người "nguyen van an" không dấu (${fmt(PEOPLE, 0)} người, trang đầu)`,
    api: await measure(() => get('/api/people?q=nguyen%20van%20an'), RUNS),
    bare: await measure(() => byName(['nguyen', 'van', 'an']), RUNS),
    note: 'API: phạm vi quyền qua các đơn vị của người, tình trạng tại ngày, đơn vị, tổng số (đếm tới 1.000); gốc: trang tên theo thứ tự',
  };
  rows.push(nameSearch);
  rows.push({
    name: 'Tìm người "tran thi hong" (ít người trùng tên)',
    api: await measure(() => get('/api/people?q=tran%20thi%20hong'), RUNS),
    bare: await measure(() => byName(['tran', 'thi', 'hong']), RUNS),
    note: 'như trên',
  });

  // 5. the members list without a name: the first page in the Vietnamese order
  rows.push({
    name: 'Danh sách hội viên toàn hệ thống (trang đầu, không lọc)',
    api: await measure(() => get('/api/people'), RUNS),
    bare: await measure(() => pageOfNames(sql`true`), RUNS),
    note: 'API: như trên; gốc: 20 người đầu theo thứ tự tên',
  });
  rows.push({
    name: 'Hội viên dưới một liên hiệp hội tỉnh (trang đầu)',
    api: await measure(() => get(`/api/people?under=${hp.id}`), RUNS),
    bare: await measure(
      () =>
        pageOfNames(
          sql`id in (select e.person_id from membership_event e join organization_closure c on c.descendant_id = e.organization_id
                     where c.ancestor_id = ${hp.id} and c.valid_from <= ${today} and c.valid_to > ${today})`,
        ),
      RUNS,
    ),
    note: 'API: như trên; gốc: 20 người đầu có đơn vị trong cây',
  });

  const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(
    db,
  );
  const buffers = await sql<{
    v: string;
  }>`select current_setting('shared_buffers') as v`.execute(db);
  const pgVersion = `PostgreSQL ${version.rows[0]?.v ?? '?'} (embedded, shared_buffers ${buffers.rows[0]?.v ?? '?'})`;
  await app.close();
  await db.destroy();

  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`. Each API measure is compared with a bare baseline doing the same core work in the same run, on the same freshly generated database (`npm run generate`), so the ratio — not the absolute time — is what to compare between machines.',
    '',
    `- Run: ${new Date().toISOString()}`,
    `- Machine: ${os.cpus().length} × ${cpu}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; ${pgVersion}; data: ${fmt(ORGS, 0)} organisations, ${fmt(PEOPLE, 0)} people; ${RUNS} timed runs after 5 warm-up runs; API through Fastify inject (no network).`,
    '',
    '| measure | API median (ms) | API p95 (ms) | bare median (ms) | ratio (median) | what the API adds |',
    '|---|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(median(r.api), 2)} | ${fmt(percentile(r.api, 95), 2)} | ${fmt(median(r.bare), 2)} | ${fmt(median(r.api) / median(r.bare), 2)}× | ${r.note} |`,
    ),
    '',
    PEOPLE >= 3_000_000
      ? `Issue 4, item 10 (people name search, p95 < 50 ms over 3.000.000 people): **${percentile(nameSearch.api, 95) < 50 ? 'met' : 'not met'}** in this run (p95 ${fmt(percentile(nameSearch.api, 95), 2)} ms).`
      : `Issue 4, item 10 (people name search, p95 < 50 ms over 3.000.000 people): not measured at that size here (${fmt(PEOPLE, 0)} people); run \`BENCH_PEOPLE=3000000 npm run bench\`.`,
    '',
    '',
  ];
  const out = path.resolve(import.meta.dirname, '../../../../docs/BENCHMARKS.md');
  await fs.writeFile(out, lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await pg.stop();
  await fs.rm(tmp, { recursive: true, force: true });
}
