/**
 * The import part of `npm run bench`: a member list of 100,000 rows imported end to end against
 * a bare COPY of the same members, on a freshly generated database, in the same run. Writes its
 * section of docs/BENCHMARKS.md (between markers, so the rest of the file is left as written).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { bareCopy, importOnce, memberFile } from '../bench/import-bench.js';
import { median } from '../bench/measure.js';
import { APP_ROLE, createDatabase } from '../db/database.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { accessRepository } from '../modules/access/access.repository.js';
import { createAccount } from '../modules/access/access.service.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const PEOPLE = Number(process.env.BENCH_IMPORT_PEOPLE ?? 300_000);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const BENCHMARKS = path.resolve(import.meta.dirname, '../../../../docs/BENCHMARKS.md');
const BEGIN = '<!-- import:begin -->';
const END = '<!-- import:end -->';
const fmt = (n: number, d = 1) =>
  n.toLocaleString('vi-VN', { maximumFractionDigits: d, minimumFractionDigits: d });

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lienhiep-bench-import-'));
const pg = await startEmbeddedPostgres(tmp, (m) => console.error(m), 'bench');
try {
  console.log(`Sinh dữ liệu: 10.000 tổ chức, ${PEOPLE} người…`);
  execFileSync(
    process.execPath,
    [path.join(import.meta.dirname, 'generate.js'), '--orgs', '10000', '--people', String(PEOPLE)],
    { env: { ...process.env, DATABASE_URL: pg.url }, stdio: 'inherit' },
  );
  const db = createDatabase(pg.url, 10, APP_ROLE);
  const root = await db
    .selectFrom('organization')
    .select('id')
    .where('kind', '=', 'central_union')
    .executeTakeFirstOrThrow();
  const userId = await createAccount(db, {
    name: 'Đo hiệu năng nhập',
    username: 'bench.import',
    email: 'bench.import@lienhiep.vn',
    password: 'bench-password-2025',
    mustChangePassword: false,
    roles: [{ role: 'editor', organizationId: root.id }],
  });
  const ctx = {
    actor: {
      userId,
      name: 'Đo hiệu năng nhập',
      username: 'bench.import',
      email: 'bench.import@lienhiep.vn',
      twoFactorEnabled: false,
      mustChangePassword: false,
      sessionId: 'bench',
      assignments: await accessRepository.assignmentsOf(db, userId),
    },
    requestId: 'bench-import',
    clientIp: '127.0.0.1',
  };
  const org = await db
    .selectFrom('organization')
    .select('id')
    .where('kind', '=', 'member_association')
    .where('founded_on', '<', '2015-01-01')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const file = memberFile(ROWS, org.id);
  // Each measure starts from a vacuumed database just after a checkpoint, so that neither the
  // baseline nor the import pays for cleaning up after the one before (autovacuum of 100,000
  // deleted rows) or for the first full-page writes after a checkpoint the other triggered.
  const admin = createDatabase(pg.url, 1);
  const settle = async () => {
    await sql`vacuum (analyze) person, membership_event, person_search_name, import_row`.execute(
      admin,
    );
    await sql`checkpoint`.execute(admin);
  };
  const bare: number[] = [];
  const runs: Awaited<ReturnType<typeof importOnce>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    await settle();
    bare.push(await bareCopy(db, file));
    await settle();
    const r = await importOnce(db, ctx, org.id, file.csv);
    runs.push(r);
    await r.undo();
    console.log(
      `lần ${i + 1}: COPY ${fmt(bare[i]!, 0)} ms, nhập ${fmt(r.ms, 0)} ms (đọc ${fmt(r.stages.read, 0)}, phân tích ${fmt(r.stages.analyse, 0)}, ghi ${fmt(r.stages.commit, 0)})`,
    );
  }
  await db.destroy();
  await admin.destroy();

  const ms = median(runs.map((r) => r.ms));
  const bareMs = median(bare);
  const perSecond = (ROWS / ms) * 1000;
  const stage = (k: 'read' | 'analyse' | 'commit') => fmt(median(runs.map((r) => r.stages[k])), 0);
  const section = `${BEGIN}
## Importing a member list (issue 4)

Written by \`npm run bench\` (\`cli/bench-import.ts\`), ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB; a fresh database of 10.000 organisations and ${PEOPLE.toLocaleString('vi-VN')} people; ${RUNS} runs, medians.

A CSV of ${ROWS.toLocaleString('vi-VN')} rows as a secretariat keeps it (8 columns; 5 % of the names in TCVN3, 3 % with "PGS.TS" in the name, 1 % rows typed twice) goes through the import service end to end: upload (read the file, find the headings, store it), mapping and analysis (normalise every row; look each group of 50.000 up among the ${PEOPLE.toLocaleString('vi-VN')} people in SQL while the next group is normalised; decide the rows in the file's order, duplicates in the file included, and stage them through COPYs left open on two connections while the next part is decided), commit (batches of 5.000 rows — people and their join events — written by two writers at once, each batch recorded for a resume). The jobs run inline, so the queue's polling is not counted; each measure starts from a vacuumed database just after a checkpoint. The baseline is a bare COPY of the same members (${file.person.length.toLocaleString('vi-VN')} people and their join events) into the same tables, on one connection, in the same run.

| measure | median (ms) | rows/s | ratio to bare COPY |
|---|---:|---:|---:|
| import end to end | ${fmt(ms, 0)} | ${fmt(perSecond, 0)} | ${fmt(ms / bareMs, 2)}× |
| — of which: upload ${stage('read')} ms, analysis ${stage('analyse')} ms, commit ${stage('commit')} ms | | | |
| bare COPY (baseline) | ${fmt(bareMs, 0)} | ${fmt((file.person.length / bareMs) * 1000, 0)} | 1× |

Against the targets (≥ 10.000 rows/s; within 3× of a bare COPY): **${perSecond >= 10_000 ? 'rate met' : 'rate not met'}**, **${ms / bareMs <= 3 ? 'ratio met' : 'ratio not met'}**. Most of a row's cost is the registry's own upkeep, which the baseline pays too: the person table's generated search column, its Vietnamese-collation sort index, the name and search indexes and the search-name table; the join event's three foreign-key checks and five indexes. The import also writes every row to the staged preview that survives a restart, and looks every row up among the people kept.
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
  console.log(`Đã ghi ${BENCHMARKS}`);
} finally {
  await pg.stop();
  await fs.rm(tmp, { recursive: true, force: true });
}
