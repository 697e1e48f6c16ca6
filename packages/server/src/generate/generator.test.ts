import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityFiguresRepository } from '../modules/reporting/activity-figures.repository.js';
import { STANDARD_INDICATORS } from '../modules/reporting/standard-form.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { createRoot } from '../test/session.js';
import { ACTIVITY_COLUMNS, generateActivities } from './activity-generator.js';
import { activityOrganizations, copyRows, insertGeneratedTree } from './generator.repository.js';
import { generateRoundFamily, type GeneratedFamily } from './round-generator.js';
import { generateTree } from './tree-generator.js';

const ORGS = 400;
const ACTIVITIES = 6_000;
let t: TestDatabase;
let family: GeneratedFamily;
let rootId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  rootId = await createRoot(t.db);
  const pool = new pg.Pool({ connectionString: t.url, max: 1 });
  const client = await pool.connect();
  try {
    const orgs = generateTree({
      total: ORGS,
      seed: 7,
      prefix: 'SC',
      rootId,
      rootFounded: '1983-03-26',
    });
    await client.query('begin');
    await insertGeneratedTree(client, orgs);
    await client.query('commit');
    await client.query('begin');
    await copyRows(
      client,
      'activity',
      ACTIVITY_COLUMNS,
      generateActivities(ACTIVITIES, await activityOrganizations(client), 7),
    );
    await client.query('commit');
  } finally {
    client.release();
    await pool.end();
  }
  family = await generateRoundFamily(t.db, { rootId, year: 2025, seed: 7 });
});
afterAll(async () => {
  await t.drop();
});

const RULES = STANDARD_INDICATORS.flatMap((i) => (i.rule ? [{ code: i.code, rule: i.rule }] : []));

describe('the scale generator: activities and a round family', () => {
  it('writes the activities asked for, over two years, with only the figures of their kind', async () => {
    const r = await sql<{
      n: number;
      orgs: number;
      first: string;
      last: string;
      bad: number;
      kinds: number;
    }>`select count(*)::int as n, count(distinct organization_id)::int as orgs,
        min(ends_on)::text as first, max(ends_on)::text as last, count(distinct kind)::int as kinds,
        count(*) filter (where (kind <> 'training' and attendances is not null)
          or (kind <> 'welfare' and households is not null)
          or (kind <> 'consultancy' and opinions is not null)
          or ((kind = 'project') <> (project_level is not null))
          or starts_on > ends_on)::int as bad
      from activity`.execute(t.db);
    expect(r.rows[0]!.n).toBe(ACTIVITIES);
    expect(r.rows[0]!.orgs).toBeGreaterThan(ORGS / 2);
    expect(r.rows[0]!.first >= '2023-12-15').toBe(true);
    expect(r.rows[0]!.last <= '2025-12-14').toBe(true);
    expect(r.rows[0]!.kinds).toBeGreaterThanOrEqual(8);
    expect(r.rows[0]!.bad).toBe(0);
  });

  it('expects every organisation below the root exactly once, in rounds opened by their parents', async () => {
    const below = await sql<{
      n: number;
    }>`select count(*)::int as n from organization where id <> ${rootId}`.execute(t.db);
    expect(family.reporters).toBe(below.rows[0]!.n);
    const r = await sql<{ dup: number; wrongParent: number; roots: number }>`select
      (select count(*) from (select organization_id from round_reporter group by 1 having count(*) > 1) d)::int as dup,
      (select count(*) from round_reporter rr join reporting_round r on r.id = rr.round_id
        join organization_parent p on p.organization_id = rr.organization_id and p.valid_to = 'infinity'
        where p.parent_id <> r.organization_id)::int as "wrongParent",
      (select count(*) from reporting_round where parent_round_id is null)::int as roots`.execute(
      t.db,
    );
    expect(r.rows[0]).toEqual({ dup: 0, wrongParent: 0, roots: 1 });
    const root = await t.db
      .selectFrom('reporting_round')
      .selectAll()
      .where('id', '=', family.rootRoundId)
      .executeTakeFirstOrThrow();
    expect([root.window_from, root.window_to, root.organization_id]).toEqual([
      '2024-12-15',
      '2025-12-14',
      rootId,
    ]);
    // nearly all report, mostly approved
    expect(family.submissions / family.reporters).toBeGreaterThan(0.9);
    const approved = await sql<{
      n: number;
    }>`select count(*)::int as n from submission where status = 'approved'`.execute(t.db);
    expect(approved.rows[0]!.n / family.submissions).toBeGreaterThan(0.8);
  });

  it('stores own values equal to the activity rules in the window, and manual figures', async () => {
    const subs = await t.db.selectFrom('submission').select(['id', 'organization_id']).execute();
    const computed = await activityFiguresRepository.ownValues(
      t.db,
      subs.map((s) => s.organization_id),
      { from: '2024-12-15', to: '2025-12-14' },
      RULES,
    );
    const values = await t.db
      .selectFrom('submission_value as v')
      .innerJoin('submission as s', 's.id', 'v.submission_id')
      .select(['s.organization_id', 'v.indicator_code', 'v.own_value', 'v.computed_value'])
      .execute();
    expect(values).toHaveLength(subs.length * STANDARD_INDICATORS.length);
    let nonZero = 0;
    for (const v of values) {
      const want = computed.get(v.organization_id)![v.indicator_code];
      if (want === undefined) {
        expect(v.computed_value).toBeNull();
        continue;
      }
      expect(Number(v.own_value)).toBe(want);
      expect(Number(v.computed_value)).toBe(want);
      if (want > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(500);
  });

  it("sums the sub-units' approved reports bottom-up, apart from the unit's own", async () => {
    const rows = await sql<{
      organization_id: string;
      parent_id: string | null;
      status: string;
      own: string;
      sub: string | null;
    }>`select s.organization_id, p.parent_id, s.status::text, v.own_value as own, v.subunits_value as sub
       from submission s join submission_value v on v.submission_id = s.id and v.indicator_code = 'DT_LUOT'
       left join organization_parent p on p.organization_id = s.organization_id and p.valid_to = 'infinity'`.execute(
      t.db,
    );
    const byParent = new Map<string, typeof rows.rows>();
    for (const r of rows.rows)
      if (r.parent_id) byParent.set(r.parent_id, [...(byParent.get(r.parent_id) ?? []), r]);
    const hasRound = new Set(
      (await t.db.selectFrom('reporting_round').select('organization_id').execute()).map(
        (r) => r.organization_id,
      ),
    );
    let checked = 0;
    for (const r of rows.rows) {
      if (!hasRound.has(r.organization_id)) {
        expect(r.sub).toBeNull();
        continue;
      }
      const want = (byParent.get(r.organization_id) ?? [])
        .filter((c) => c.status === 'approved')
        .reduce((s, c) => s + Number(c.own) + Number(c.sub ?? 0), 0);
      expect(Number(r.sub)).toBe(want);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
