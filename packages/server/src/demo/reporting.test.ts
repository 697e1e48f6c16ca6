import type { IndicatorRule } from '@lienhiep/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityFiguresRepository } from '../modules/reporting/activity-figures.repository.js';
import { STANDARD_INDICATORS } from '../modules/reporting/standard-form.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { loadDemoAccountsIfMissing } from './accounts.js';
import { buildDemoActivities, SEED_FIGURES } from './activities.js';
import { loadDemo } from './loader.js';
import { DEMO_FAMILIES, loadDemoReporting, type DemoReportingResult } from './reporting.js';
import { demoReportingRepository } from './reporting.repository.js';

let t: TestDatabase;
let loaded: DemoReportingResult | null;
let loadMs = 0;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadDemo(t.db);
  await loadDemoAccountsIfMissing(t.db);
  const t0 = performance.now();
  loaded = await loadDemoReporting(t.db);
  loadMs = performance.now() - t0;
});
afterAll(async () => {
  await t.drop();
});

const RULES = STANDARD_INDICATORS.flatMap((i) => (i.rule ? [{ code: i.code, rule: i.rule }] : []));
const idOf = async (where: { code?: string; name?: string }): Promise<string> => {
  const r = await t.db
    .selectFrom('organization')
    .select('id')
    .$if(where.code !== undefined, (q) => q.where('code', '=', where.code!))
    .$if(where.name !== undefined, (q) => q.where('full_name', '=', where.name!))
    .executeTakeFirstOrThrow();
  return r.id;
};
const own = async (id: string, window: { from: string; to: string }) =>
  (await activityFiguresRepository.ownValues(t.db, [id], window, RULES)).get(id)!;

interface RoundRow {
  id: string;
  title: string;
  period_type: string;
  year: number;
  organization_code: string;
  parent_round_id: string | null;
  status: string;
  window_from: string;
  window_to: string;
  deadline: string;
}
const rounds = async (): Promise<RoundRow[]> =>
  (
    await sql<RoundRow>`select r.id, r.title, r.period_type::text, r.year, o.code as organization_code,
      r.parent_round_id, r.status::text, r.window_from::text, r.window_to::text, r.deadline::text
      from reporting_round r join organization o on o.id = r.organization_id
      order by r.window_to, r.parent_round_id nulls first, o.code`.execute(t.db)
  ).rows;
const rootRound = async (type: string, year: number) =>
  (await rounds()).find(
    (r) => r.period_type === type && r.year === year && r.parent_round_id === null,
  )!;
const storedValue = async (roundId: string, orgId: string, code: string) => {
  const r = await sql<{ own_value: string; status: string }>`select v.own_value, s.status::text
    from submission s join submission_value v on v.submission_id = s.id
    where s.round_id = ${roundId} and s.organization_id = ${orgId} and v.indicator_code = ${code}`.execute(
    t.db,
  );
  return r.rows[0] ? { value: Number(r.rows[0].own_value), status: r.rows[0].status } : null;
};

describe('the demo activities and reports', () => {
  it('loads once, fast, and not again over existing data', async () => {
    expect(loaded).not.toBeNull();
    expect(loaded!.activities).toBeGreaterThan(8_000);
    expect(loaded!.rounds).toBe(5 + 8);
    expect(loadMs).toBeLessThan(30_000);
    expect(await loadDemoReporting(t.db)).toBeNull();
    const n = await t.db
      .selectFrom('activity')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(n.n).toBe(loaded!.activities);
  });

  it('is the same log on every run (seeded, whatever the ids)', async () => {
    const orgs = await demoReportingRepository.organizations(t.db);
    const a = buildDemoActivities(orgs);
    const b = buildDemoActivities(orgs);
    expect(a).toEqual(b);
    expect(a.length).toBe(loaded!.activities);
  });

  it('records only the figures each kind records, projects alone with a level, in 15/12/2023–31/12/2025', async () => {
    const r = await sql<{ bad: number; outside: number; levels: number }>`select
      count(*) filter (where (kind <> 'training' and attendances is not null)
        or (kind not in ('welfare') and households is not null)
        or (kind <> 'consultancy' and opinions is not null)
        or (kind not in ('consultancy', 'contest') and documents is not null)
        or (kind not in ('training', 'outreach') and sessions is not null))::int as bad,
      count(*) filter (where ends_on < '2023-12-15' or ends_on > '2025-12-31')::int as outside,
      count(*) filter (where (kind = 'project') <> (project_level is not null))::int as levels
      from activity`.execute(t.db);
    expect(r.rows[0]).toEqual({ bad: 0, outside: 0, levels: 0 });
  });

  it('reproduces the seeds: Dược học, Kiểm toán viên, Hải Phòng, RIC', async () => {
    const duoc = await idOf({ name: SEED_FIGURES.duocHoc.name });
    const duocValues = await own(duoc, SEED_FIGURES.duocHoc.window);
    expect(duocValues.DT_LUOT).toBe(20_415);
    expect(duocValues.DT_LUOT).toBeGreaterThan(20_000);
    expect(duocValues.DT_LOP).toBe(58);

    const kt = await idOf({ name: SEED_FIGURES.kiemToan.name });
    const ktValues = await own(kt, SEED_FIGURES.kiemToan.window);
    expect(ktValues.DT_LOP_TRUC_TUYEN).toBe(64);
    expect(ktValues.DT_LOP).toBe(64);

    const hp = await idOf({ code: 'LHH-31' });
    const hpValues = await own(hp, SEED_FIGURES.haiPhong.window);
    expect(hpValues.TV_SO).toBe(25);
    expect(hpValues.DT_LOP).toBe(33);
    expect(hpValues.DT_LUOT).toBe(33_180);

    const ric = await idOf({ code: 'RIC' });
    const ricValues = await own(ric, SEED_FIGURES.ric.window);
    expect(ricValues.AS_HO).toBe(287);
    const titles = await t.db
      .selectFrom('activity')
      .select('title')
      .where('organization_id', '=', ric)
      .where('kind', '=', 'welfare')
      .where('ends_on', '>=', SEED_FIGURES.ric.window.from)
      .where('ends_on', '<=', SEED_FIGURES.ric.window.to)
      .execute();
    expect(new Set(titles.map((x) => /xã ([^,]+)/u.exec(x.title)?.[1])).size).toBe(2);

    // and the approved 9-month 2025 reports say the same
    const nine = await rootRound('nine_months', 2025);
    expect(await storedValue(nine.id, duoc, 'DT_LUOT')).toEqual({
      value: 20_415,
      status: 'approved',
    });
    expect(await storedValue(nine.id, kt, 'DT_LOP_TRUC_TUYEN')).toEqual({
      value: 64,
      status: 'approved',
    });
    expect(await storedValue(nine.id, ric, 'AS_HO')).toEqual({ value: 287, status: 'approved' });
  });

  it('opens the five families: the central round with child rounds of Hải Phòng (and Hải Dương in 2024)', async () => {
    const all = await rounds();
    const roots = all.filter((r) => r.parent_round_id === null);
    expect(roots.map((r) => [r.title, r.organization_code, r.status])).toEqual([
      ['Báo cáo sơ kết 6 tháng đầu năm 2024', 'VUSTA', 'closed'],
      ['Báo cáo sơ kết 9 tháng đầu năm 2024', 'VUSTA', 'closed'],
      ['Báo cáo tổng kết năm 2024', 'VUSTA', 'closed'],
      ['Báo cáo sơ kết 6 tháng đầu năm 2025', 'VUSTA', 'closed'],
      ['Báo cáo sơ kết 9 tháng đầu năm 2025', 'VUSTA', 'open'],
    ]);
    expect(roots.map((r) => [r.window_from, r.window_to])).toEqual([
      ['2023-12-15', '2024-06-14'],
      ['2023-12-15', '2024-09-14'],
      ['2023-12-15', '2024-12-14'],
      ['2024-12-15', '2025-06-14'],
      ['2024-12-15', '2025-09-14'],
    ]);
    for (const root of roots) {
      const children = all.filter((r) => r.parent_round_id === root.id);
      expect(children.map((c) => c.organization_code)).toEqual(
        root.year === 2024 ? ['LHH-30', 'LHH-31'] : ['LHH-31'],
      );
      for (const c of children) {
        expect([c.window_from, c.window_to]).toEqual([root.window_from, root.window_to]);
        expect(c.deadline < root.deadline).toBe(true);
      }
      expect(root.deadline > root.window_to).toBe(true);
      // nobody expected twice in a family
      const dup = await sql<{ n: number }>`select count(*)::int as n from (
          select rr.organization_id from round_reporter rr join reporting_round r on r.id = rr.round_id
          where r.id = ${root.id} or r.parent_round_id = ${root.id}
          group by 1 having count(*) > 1) d`.execute(t.db);
      expect(dup.rows[0]!.n).toBe(0);
    }
    // the reporters are the tree of the day the round opened: 63 unions before the merger, 34 after
    const unions = async (roundId: string) =>
      (
        await sql<{ n: number }>`select count(*)::int as n from round_reporter
          where round_id = ${roundId} and kind_at_open = 'provincial_union'`.execute(t.db)
      ).rows[0]!.n;
    expect(await unions((await rootRound('half_year', 2025)).id)).toBe(63);
    expect(await unions((await rootRound('nine_months', 2025)).id)).toBe(34);
    const hd = await sql<{ name_at_open: string }>`select name_at_open from round_reporter rr
      join organization o on o.id = rr.organization_id where o.code = 'LHH-30'
      and rr.round_id = ${(await rootRound('half_year', 2025)).id}`.execute(t.db);
    expect(hd.rows[0]?.name_at_open).toBe('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hải Dương');
  });

  it('stores own values equal to the activities computed now, unless overridden with a reason', async () => {
    const subs = await sql<{
      round_id: string;
      organization_id: string;
      window_from: string;
      window_to: string;
    }>`select s.round_id, s.organization_id, r.window_from::text, r.window_to::text
       from submission s join reporting_round r on r.id = s.round_id`.execute(t.db);
    const values = await sql<{
      round_id: string;
      organization_id: string;
      indicator_code: string;
      own_value: string;
      computed_value: string | null;
      override_reason: string | null;
    }>`select s.round_id, s.organization_id, v.indicator_code, v.own_value, v.computed_value, v.override_reason
       from submission s join submission_value v on v.submission_id = s.id`.execute(t.db);
    const byRound = new Map<string, { window: { from: string; to: string }; orgs: string[] }>();
    for (const s of subs.rows) {
      const e = byRound.get(s.round_id) ?? {
        window: { from: s.window_from, to: s.window_to },
        orgs: [],
      };
      e.orgs.push(s.organization_id);
      byRound.set(s.round_id, e);
    }
    const recomputed = new Map<string, Map<string, Record<string, number>>>();
    for (const [roundId, e] of byRound)
      recomputed.set(
        roundId,
        await activityFiguresRepository.ownValues(t.db, e.orgs, e.window, RULES),
      );
    const ruleCodes = new Set(RULES.map((r) => r.code));
    let overridden = 0;
    let checked = 0;
    for (const v of values.rows) {
      if (!ruleCodes.has(v.indicator_code)) {
        expect(v.computed_value).toBeNull();
        expect(Number(v.own_value)).toBeGreaterThanOrEqual(0);
        continue;
      }
      const now = recomputed.get(v.round_id)!.get(v.organization_id)![v.indicator_code];
      expect(Number(v.computed_value)).toBe(now);
      if (v.override_reason === null) expect(Number(v.own_value)).toBe(now);
      else {
        overridden++;
        expect(v.override_reason.trim().length).toBeGreaterThan(10);
        expect(Number(v.own_value)).not.toBe(now);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(overridden).toBeGreaterThan(0);
    // every submission carries every indicator of the form and the four sections
    const shape = await sql<{ values: number; sections: number }>`select
      (select count(distinct n) from (select count(*) as n from submission_value group by submission_id) x)::int as values,
      (select count(distinct n) from (select count(*) as n from submission_section group by submission_id) y)::int as sections`.execute(
      t.db,
    );
    expect(shape.rows[0]).toEqual({ values: 1, sections: 1 });
  });

  it("keeps the sub-units' values apart: the sum of the approved child reports", async () => {
    const parents = await sql<{
      submission_id: string;
      child_round_id: string | null;
      code: string;
    }>`select s.id as submission_id, c.id as child_round_id, o.code
       from submission s join reporting_round r on r.id = s.round_id and r.parent_round_id is null
       join organization o on o.id = s.organization_id
       left join reporting_round c on c.parent_round_id = r.id and c.organization_id = s.organization_id`.execute(
      t.db,
    );
    let withChildren = 0;
    for (const p of parents.rows) {
      const stored = await sql<{ indicator_code: string; subunits_value: string | null }>`
        select indicator_code, subunits_value from submission_value where submission_id = ${p.submission_id}`.execute(
        t.db,
      );
      if (!p.child_round_id) {
        expect(stored.rows.every((v) => v.subunits_value === null)).toBe(true);
        continue;
      }
      withChildren++;
      const expected = await sql<{ indicator_code: string; total: string }>`
        select v.indicator_code, sum(v.own_value + coalesce(v.subunits_value, 0))::text as total
        from submission s join submission_value v on v.submission_id = s.id
        where s.round_id = ${p.child_round_id} and s.status in ('approved', 'locked')
        group by 1`.execute(t.db);
      const want = new Map(expected.rows.map((e) => [e.indicator_code, Number(e.total)]));
      for (const v of stored.rows)
        expect(Number(v.subunits_value), `${p.code} ${v.indicator_code}`).toBe(
          want.get(v.indicator_code) ?? 0,
        );
    }
    // Hải Phòng in each family, Hải Dương in the three of 2024 — unless one never reported
    expect(withChildren).toBeGreaterThanOrEqual(5);
  });

  it('closes the past rounds with every report approved then locked, a few units never reporting', async () => {
    const closed = (await rounds()).filter((r) => r.status === 'closed');
    expect(closed).toHaveLength(
      DEMO_FAMILIES.filter((f) => f.closedOn).reduce((s, f) => s + 1 + f.children.length, 0),
    );
    for (const r of closed) {
      const s = await sql<{ status: string; n: number }>`select status::text, count(*)::int as n
        from submission where round_id = ${r.id} group by 1`.execute(t.db);
      expect(s.rows.map((x) => x.status)).toEqual(['locked']);
    }
    const missing = await sql<{ n: number }>`select count(*)::int as n from round_reporter rr
      join reporting_round r on r.id = rr.round_id and r.status = 'closed'
      where not exists (select from submission s where s.round_id = rr.round_id and s.organization_id = rr.organization_id)`.execute(
      t.db,
    );
    expect(missing.rows[0]!.n).toBeGreaterThan(3);
    // each history is a legal walk of the state machine ending in the stored status
    const events = await sql<{
      submission_id: string;
      action: string;
      from_status: string | null;
      to_status: string;
      status: string;
      actor_name: string;
    }>`select e.submission_id, e.action, e.from_status::text, e.to_status::text, s.status::text, e.actor_name
       from submission_event e join submission s on s.id = e.submission_id order by e.submission_id, e.at, e.id`.execute(
      t.db,
    );
    const bySubmission = new Map<string, typeof events.rows>();
    for (const e of events.rows)
      bySubmission.set(e.submission_id, [...(bySubmission.get(e.submission_id) ?? []), e]);
    for (const list of bySubmission.values()) {
      expect(list[0]!.action).toBe('create');
      for (let i = 1; i < list.length; i++)
        expect(list[i]!.from_status).toBe(list[i - 1]!.to_status);
      expect(list.at(-1)!.to_status).toBe(list[0]!.status);
      for (const e of list) expect(e.actor_name.trim()).not.toBe('');
    }
    const returns = events.rows.filter((e) => e.action === 'return');
    expect(returns.length).toBeGreaterThan(10);
  });

  it('leaves 9 months 2025 open and late: partly submitted, some late, one returned with a comment on a figure', async () => {
    const nine = await rootRound('nine_months', 2025);
    expect(nine.deadline < '2026-11-23').toBe(true);
    const counts = await sql<{
      status: string;
      n: number;
    }>`select coalesce(s.status::text, 'none') as status, count(*)::int as n
      from round_reporter rr left join submission s on s.round_id = rr.round_id and s.organization_id = rr.organization_id
      where rr.round_id = ${nine.id} group by 1`.execute(t.db);
    const n = Object.fromEntries(counts.rows.map((c) => [c.status, c.n]));
    expect(n.approved).toBeGreaterThan(30);
    expect(n.submitted).toBeGreaterThan(5);
    expect(n.draft).toBeGreaterThan(5);
    expect(n.none).toBeGreaterThan(10);
    expect(n.returned).toBe(1);
    expect(n.locked).toBeUndefined();
    const late = await sql<{ n: number }>`select count(*)::int as n from submission
      where round_id = ${nine.id} and submitted_at::date > ${nine.deadline}::date`.execute(t.db);
    expect((n.none ?? 0) + (n.draft ?? 0) + late.rows[0]!.n).toBeGreaterThan(15);

    const returned = await sql<{
      code: string;
      reason: string;
      target_type: string;
      target_code: string;
      body: string;
      resolved_at: string | null;
    }>`select o.code, e.reason, c.target_type, c.target_code, c.body, c.resolved_at::text
       from submission s join organization o on o.id = s.organization_id
       join submission_event e on e.submission_id = s.id and e.action = 'return'
       join submission_comment c on c.event_id = e.id
       where s.round_id = ${nine.id} and s.status = 'returned'`.execute(t.db);
    expect(returned.rows).toHaveLength(1);
    expect(returned.rows[0]).toMatchObject({
      code: 'LHH-92',
      target_type: 'indicator',
      target_code: 'TV_Y_KIEN',
      resolved_at: null,
    });
    expect(returned.rows[0]!.reason.length).toBeGreaterThan(20);

    // the Hải Phòng union's report is a draft; its Hội Tin học's report to Hải Phòng too
    const hp = await storedValue(nine.id, await idOf({ code: 'LHH-31' }), 'DT_LOP');
    expect(hp?.status).toBe('draft');
    const hpRound = (await rounds()).find(
      (r) => r.parent_round_id === nine.id && r.organization_code === 'LHH-31',
    )!;
    const tinhoc = await storedValue(hpRound.id, await idOf({ code: 'LHH-31-HTV-002' }), 'DT_LOP');
    expect(tinhoc?.status).toBe('draft');

    // the people concerned are told
    const notes = await sql<{ username: string; kind: string }>`select u.username, n.kind
      from notification n join auth_user u on u.id = n.user_id order by 1, 2`.execute(t.db);
    const kinds = (u: string) => notes.rows.filter((x) => x.username === u).map((x) => x.kind);
    expect(kinds('cantho.bientap')).toContain('report.reviewed');
    expect(kinds('haiphong.bientap')).toEqual(['round.opened', 'round.overdue']);
    expect(kinds('trungtam.duyet')).toContain('report.submitted');
  });

  it('uses the standard rules that the form carries', () => {
    const rule = STANDARD_INDICATORS.find((i) => i.code === 'DT_LOP_TRUC_TUYEN')!
      .rule as IndicatorRule;
    expect(rule).toEqual({ kind: 'training', modes: ['online'], measure: 'count' });
  });
});
