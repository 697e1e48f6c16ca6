import { encodeTcvn3, personNameKey, splitVietnameseName } from '@lienhiep/core';
import { randomUUID } from 'node:crypto';
import { copyRows } from '../db/copy.js';
import { poolOf, type Database } from '../db/database.js';
import { FAMILY_NAMES, FEMALE_GIVEN, MALE_GIVEN, MALE_MIDDLE } from '../demo/people-names.js';
import { seededRandom } from '../generate/random.js';
import type { JobHandler, JobName, JobQueue } from '../shared/jobs.js';
import type { RequestContext } from '../modules/access/actor.js';
import { createImportService } from '../modules/imports/import.service.js';

/**
 * Importing a member list end to end — read the file, find its headings, normalise every row,
 * look for duplicates in the file and among the people kept, stage the preview, write in
 * batches — against a bare COPY of the same members (person and membership rows) into the same
 * tables. The job queue's polling is left out: the jobs run inline, as a worker would run them.
 */

const pad = (x: number) => String(x).padStart(2, '0');

export interface MemberFile {
  csv: Buffer;
  /** The same members as COPY rows, for the baseline. */
  person: (string | null)[][];
  membership: (string | null)[][];
}

/** A secretariat's CSV: some TCVN3 names, titles in the name column, a few repeated rows. */
export function memberFile(n: number, orgId: string, seed = 7): MemberFile {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const lines = ['STT,Họ và tên,Ngày sinh,Giới tính,Điện thoại,Email,Đơn vị công tác,Ngày vào hội'];
  const person: (string | null)[][] = [];
  const membership: (string | null)[][] = [];
  for (let i = 0; i < n; i++) {
    if (i > 10 && r() < 0.01) {
      // a row typed twice
      lines.push(lines[1 + Math.floor(r() * (lines.length - 1))]!.replace(/^\d+/, String(i + 1)));
      continue;
    }
    const female = r() < 0.42;
    const name = `${pick(FAMILY_NAMES)[0]} ${pick(MALE_MIDDLE)} ${pick(female ? FEMALE_GIVEN : MALE_GIVEN)}`;
    const y = 1945 + Math.floor(r() * 60);
    const birth = `${pad(1 + Math.floor(r() * 28))}/${pad(1 + Math.floor(r() * 12))}/${y}`;
    const phone = `09${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
    const written = r() < 0.05 ? encodeTcvn3(name) : r() < 0.03 ? `PGS.TS ${name}` : name;
    lines.push(
      `${i + 1},${written},${birth},${female ? 'Nữ' : 'Nam'},${phone},hv${i}@vd.vn,Viện Khoa học ${1 + (i % 50)},15/03/2020`,
    );
    const split = splitVietnameseName(name);
    const id = randomUUID();
    person.push([
      id,
      name,
      split.family,
      split.middle,
      split.given,
      female ? 'female' : 'male',
      `${y}-${birth.slice(3, 5)}-${birth.slice(0, 2)}`,
      String(y),
      phone,
      `hv${i}@vd.vn`,
      `Viện Khoa học ${1 + (i % 50)}`,
      personNameKey(name),
    ]);
    membership.push([orgId, id, 'join', '2020-03-15']);
  }
  return { csv: Buffer.from(`${lines.join('\n')}\n`), person, membership };
}

/** Runs each job as soon as it is sent, in the caller's flow. */
function inlineQueue(): JobQueue & { handlers: Partial<Record<JobName, JobHandler>> } {
  const handlers: Partial<Record<JobName, JobHandler>> = {};
  return {
    handlers,
    work: (h) => {
      Object.assign(handlers, h);
      return Promise.resolve();
    },
    send: async (name, data) => {
      await handlers[name]!(data);
    },
    stop: () => Promise.resolve(),
  };
}

export async function importOnce(
  db: Database,
  ctx: RequestContext,
  orgId: string,
  file: Buffer,
): Promise<{
  ms: number;
  stages: { read: number; analyse: number; commit: number };
  created: number;
  undo: () => Promise<void>;
}> {
  const queue = inlineQueue();
  const service = createImportService(db, queue);
  await queue.work({
    'import-analyse': ({ importId }) => service.runAnalysis(importId),
    'import-commit': ({ importId }) => service.runCommit(importId),
    'import-undo': ({ importId }) => service.runUndo(importId),
  });
  const t0 = performance.now();
  const up = await service.upload(ctx, { organizationId: orgId, fileName: 'hoi-vien.csv' }, file);
  const t1 = performance.now();
  await service.setMapping(ctx, up.id, {
    columns: up.columns.map((c) => ({ index: c.index, field: c.field })),
  });
  const t2 = performance.now();
  const analysed = await service.get(ctx, up.id);
  if (analysed.counts.create === 0) {
    const sample = await service.rows(ctx, up.id, { page: 1, pageSize: 3 });
    throw new Error(
      `nothing to write: ${JSON.stringify(analysed.counts)} ${JSON.stringify(sample.items)}`,
    );
  }
  const t3 = performance.now();
  await service.commit(ctx, up.id, true);
  const t4 = performance.now();
  const ms = t4 - t0 - (t3 - t2);
  const done = await service.get(ctx, up.id);
  if (done.status !== 'committed') throw new Error(`import ended ${done.status}: ${done.error}`);
  return {
    ms,
    stages: { read: t1 - t0, analyse: t2 - t1, commit: t4 - t3 },
    created: (done.counts as { createdPeople?: number }).createdPeople ?? 0,
    undo: async () => {
      await service.undo(ctx, up.id);
    },
  };
}

export async function bareCopy(db: Database, f: MemberFile): Promise<number> {
  const client = await poolOf(db).connect();
  try {
    const t0 = performance.now();
    await client.query('begin');
    await copyRows(
      client,
      'person',
      [
        'id',
        'full_name',
        'family_name',
        'middle_name',
        'given_name',
        'gender',
        'birth_date',
        'birth_year',
        'phone',
        'email',
        'workplace',
        'name_key',
      ],
      f.person,
    );
    await copyRows(
      client,
      'membership_event',
      ['organization_id', 'person_id', 'kind', 'effective_date'],
      f.membership,
    );
    await client.query('commit');
    const ms = performance.now() - t0;
    // put the database back as it was for the next run
    await client.query('begin');
    await client.query('delete from membership_event where person_id = any($1::uuid[])', [
      f.person.map((p) => p[0]),
    ]);
    await client.query('delete from person where id = any($1::uuid[])', [
      f.person.map((p) => p[0]),
    ]);
    await client.query('commit');
    return ms;
  } finally {
    client.release();
  }
}
