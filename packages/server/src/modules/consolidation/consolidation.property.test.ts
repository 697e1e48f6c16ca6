import { COUNTED_STATUSES, SUBMISSION_STATUSES, type SubmissionStatus } from '@lienhiep/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnToday } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { createRoot } from '../../test/session.js';
import type { LineageInput } from '../lineage/lineage.schemas.js';
import { recordLineageEvent } from '../lineage/lineage.service.js';
import { createOrganization } from '../organizations/organization.service.js';
import { change, fold } from './consolidation.math.js';
import { actorWith, openRound, standardFormVersion, submit } from './consolidation.fixtures.js';
import { createConsolidationService, type ConsolidationData } from './consolidation.service.js';

/**
 * For random trees, random counted and uncounted submissions and random restructurings after the
 * period (merges, moves, dissolutions), the consolidated figures are checked against a naive
 * recomputation that walks the parent links and successor edges one step at a time in plain code:
 * total = Σ per-child rows = Σ own values of the counted leaves, in both views; the two views
 * reconcile to the same grand total; completeness never exceeds 100 %.
 */

let t: TestDatabase;
let vusta: string;
let form: string;
let seq = 0;
const CODES = ['DT_LOP', 'DT_LUOT', 'HT_SO'] as const;
const BASIS = { number: '01/QĐ', date: '2025-01-01', issuer: 'Đoàn Chủ tịch' };

beforeAll(async () => {
  t = await createTestDatabase();
  vusta = await createRoot(t.db);
  form = await standardFormVersion(t.db);
});
afterAll(async () => {
  await t.drop();
});

interface Unit {
  id: string;
  kind: 'provincial_union' | 'member_association' | 'branch';
  parent: string;
}

const statusArb = fc.constantFrom<SubmissionStatus | null>(null, ...SUBMISSION_STATUSES);
const valueArb = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null });
const treeArb = fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 0, maxLength: 3 }), {
  minLength: 2,
  maxLength: 3,
});
type OpSpec = { type: 'move' | 'merge_union' | 'merge_assoc' | 'dissolve'; a: number; b: number };
const opArb: fc.Arbitrary<OpSpec> = fc.record({
  type: fc.constantFrom('move', 'merge_union', 'merge_assoc', 'dissolve'),
  a: fc.nat(),
  b: fc.nat(),
});

async function org(kind: Unit['kind'], parentId: string): Promise<string> {
  seq++;
  return (
    await createOrganization(
      t.db,
      { code: `P-${seq}`, kind, fullName: `Đơn vị thử ${seq}`, parentId, foundedOn: '2000-01-01' },
      null,
    )
  ).id;
}

/** Parent links and successor edges as they are today, walked naively. */
async function naiveToday(today: string) {
  const links = await t.db
    .selectFrom('organization_parent')
    .select(['organization_id', 'parent_id'])
    .where('valid_from', '<=', today)
    .where('valid_to', '>', today)
    .execute();
  const parent = new Map(links.map((l) => [l.organization_id, l.parent_id]));
  const orgs = await t.db.selectFrom('organization').select(['id', 'code', 'ended_on']).execute();
  const alive = new Set(
    orgs.filter((o) => o.ended_on === null || o.ended_on > today).map((o) => o.id),
  );
  const code = new Map(orgs.map((o) => [o.id, o.code]));
  const edges = await t.db
    .selectFrom('organization_successor')
    .select(['predecessor_id', 'successor_id'])
    .execute();
  const successorToday = (id: string): string | null => {
    if (alive.has(id)) return id;
    const seen = new Set<string>([id]);
    let frontier = [id];
    const found: string[] = [];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const f of frontier)
        for (const e of edges.filter((x) => x.predecessor_id === f))
          if (!seen.has(e.successor_id)) {
            seen.add(e.successor_id);
            if (alive.has(e.successor_id)) found.push(e.successor_id);
            next.push(e.successor_id);
          }
      frontier = next;
    }
    found.sort((a, b) => (code.get(a)! < code.get(b)! ? -1 : 1));
    return found[0] ?? null;
  };
  /** The child of x on the path from x down to id (x itself when id = x), or null. */
  const childToday = (x: string, id: string | null): string | null => {
    if (id === null || !alive.has(x)) return null;
    let cur: string | undefined = id;
    let prev: string | null = null;
    while (cur !== undefined) {
      if (cur === x) return prev ?? x;
      prev = cur;
      cur = parent.get(cur);
    }
    return null;
  };
  return { successorToday, childToday };
}

const sum = (xs: (number | null)[]) =>
  xs.some((x) => x !== null) ? xs.reduce<number>((s, x) => s + (x ?? 0), 0) : null;

function childValue(c: ConsolidationData, key: string, code: string): number | null {
  return c.children.find((r) => r.key === key)?.values[code] ?? null;
}

describe('consolidation against a naive recomputation', () => {
  it('totals = Σ children = Σ counted own values in both views; views reconcile; completeness ≤ 100 %', async () => {
    const service = createConsolidationService(t.db);
    const admin = actorWith('system_admin', vusta);
    await fc.assert(
      fc.asyncProperty(
        treeArb,
        fc.array(fc.tuple(statusArb, valueArb, valueArb, valueArb), {
          minLength: 20,
          maxLength: 20,
        }),
        fc.array(opArb, { maxLength: 4 }),
        fc.constantFrom<'approved' | 'submitted'>('approved', 'submitted'),
        async (shape, subs, ops, basis) => {
          // — the tree of the period —
          const units: Unit[] = [];
          for (const assocs of shape) {
            const p = await org('provincial_union', vusta);
            units.push({ id: p, kind: 'provincial_union', parent: vusta });
            for (const branches of assocs) {
              const a = await org('member_association', p);
              units.push({ id: a, kind: 'member_association', parent: p });
              for (let b = 0; b < branches; b++) {
                const br = await org('branch', a);
                units.push({ id: br, kind: 'branch', parent: a });
              }
            }
          }
          const unions = units.filter((u) => u.kind === 'provincial_union');
          // — the round family: the central union's round, one round per union below it —
          const root = await openRound(t.db, {
            organizationId: vusta,
            formVersionId: form,
            year: 2024,
            reporters: unions.map((u) => u.id),
          });
          for (const u of unions) {
            const below = units.filter(
              (x) => x.parent === u.id || units.some((m) => m.id === x.parent && m.parent === u.id),
            );
            await openRound(t.db, {
              organizationId: u.id,
              parentRoundId: root,
              formVersionId: form,
              year: 2024,
              reporters: below.map((x) => x.id),
            });
          }
          const rounds = await t.db
            .selectFrom('round_reporter')
            .innerJoin('reporting_round', 'reporting_round.id', 'round_reporter.round_id')
            .select(['round_reporter.round_id', 'round_reporter.organization_id'])
            .where((eb) =>
              eb.or([
                eb('reporting_round.id', '=', root),
                eb('reporting_round.parent_round_id', '=', root),
              ]),
            )
            .execute();
          const roundOf = new Map(rounds.map((r) => [r.organization_id, r.round_id]));
          const own = new Map<string, Record<string, number | null>>();
          const statusOf = new Map<string, SubmissionStatus | null>();
          for (const [i, u] of units.entries()) {
            const [status, a, b, c] = subs[i % subs.length]!;
            statusOf.set(u.id, status);
            if (status === null) continue;
            const values = { DT_LOP: a, DT_LUOT: b, HT_SO: c };
            own.set(u.id, values);
            await submit(t.db, roundOf.get(u.id)!, u.id, status, values);
          }
          // — restructurings after the period —
          let day = 1;
          for (const op of ops) {
            const date = `2025-0${1 + Math.floor(day / 28)}-${String(1 + (day % 28)).padStart(2, '0')}`;
            day += 3;
            const alive = await t.db
              .selectFrom('organization')
              .select(['id', 'kind'])
              .where(
                'id',
                'in',
                units.map((u) => u.id),
              )
              .where('ended_on', 'is', null)
              .execute();
            const of = (k: string) => alive.filter((x) => x.kind === k);
            const pick = <T>(xs: T[], n: number) => (xs.length ? xs[n % xs.length] : undefined);
            const common = { effectiveDate: date, legalBasis: BASIS, note: null };
            let input: LineageInput | undefined;
            if (op.type === 'move') {
              const a = pick(of('member_association'), op.a);
              const p = pick(of('provincial_union'), op.b);
              if (a && p)
                input = { kind: 'move', ...common, organizationId: a.id, newParentId: p.id };
            } else if (op.type === 'merge_union' || op.type === 'merge_assoc') {
              const list = of(
                op.type === 'merge_union' ? 'provincial_union' : 'member_association',
              );
              const a = pick(list, op.a);
              const b = pick(
                list.filter((x) => x.id !== a?.id),
                op.b,
              );
              if (a && b) input = { kind: 'merge', ...common, sourceIds: [a.id], survivorId: b.id };
            } else {
              const a = pick(of('branch'), op.a);
              if (a) input = { kind: 'dissolve', ...common, organizationId: a.id };
            }
            if (!input) continue;
            try {
              await t.db.transaction().execute((tx) => recordLineageEvent(tx, input));
            } catch (e) {
              if (!(e instanceof AppError)) throw e;
            }
          }
          const today = vnToday();
          const naive = await naiveToday(today);
          const counted = (id: string) =>
            (COUNTED_STATUSES[basis] as readonly string[]).includes(statusOf.get(id) ?? '');
          const periodChild = (x: string, id: string): string | null => {
            // the tree of the period is the one built above (all events come after it)
            let cur: string | undefined = id;
            let prev: string | null = null;
            while (cur !== undefined) {
              if (cur === x) return prev ?? x;
              prev = cur;
              cur = units.find((u) => u.id === cur)?.parent;
            }
            return null;
          };
          for (const x of [vusta, unions[0]!.id]) {
            const both = await Promise.all(
              (['as_reported', 'restated'] as const).map((view) =>
                service.build(admin, { roundId: root, organizationId: x, view, basis }),
              ),
            );
            for (const c of both) {
              const key = (id: string) =>
                c.view === 'as_reported'
                  ? periodChild(x, id)
                  : naive.childToday(x, naive.successorToday(id));
              for (const code of CODES) {
                const leaves = units
                  .filter((u) => counted(u.id) && key(u.id) !== null)
                  .map((u) => own.get(u.id)?.[code] ?? null);
                const total = c.indicators.find((i) => i.code === code)!.value;
                expect(total, `${c.view} ${code} total`).toEqual(sum(leaves));
                const rows = c.children.filter((r) => r.role !== 'outside');
                expect(sum(rows.map((r) => r.values[code] ?? null))).toEqual(total);
                // each child row against the naive grouping
                for (const r of rows) {
                  const mine = units
                    .filter((u) => counted(u.id) && key(u.id) === r.key)
                    .map((u) => own.get(u.id)?.[code] ?? null);
                  expect(childValue(c, r.key, code), `${c.view} row ${r.name}`).toEqual(sum(mine));
                }
                const rec = c.reconciliation.indicators.find((i) => i.code === code)!;
                expect(sum([rec.asReported, rec.joinedSince])).toEqual(rec.grandTotal);
                expect(sum([rec.restated, rec.leftSince])).toEqual(rec.grandTotal);
              }
              expect(c.reconciliation.balanced).toBe(true);
              const k = c.completeness;
              expect(k.counted).toBeLessThanOrEqual(k.sent);
              expect(k.sent).toBeLessThanOrEqual(k.expected);
              expect(k.countedRatio ?? 0).toBeLessThanOrEqual(1);
              expect(k.sentRatio ?? 0).toBeLessThanOrEqual(1);
              const expected = units.filter((u) => key(u.id) !== null).length;
              expect(k.expected).toBe(expected);
              expect(k.counted).toBe(
                units.filter((u) => key(u.id) !== null && counted(u.id)).length,
              );
            }
            // both views cover the same units: the same grand total
            expect(both[0]!.reconciliation.indicators.map((i) => i.grandTotal)).toEqual(
              both[1]!.reconciliation.indicators.map((i) => i.grandTotal),
            );
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 240_000);
});

describe('consolidation arithmetic', () => {
  it('folds partials by the tree aggregation', () => {
    const parts = [
      { total: 10, n: 2, max: 7, positive: 2 },
      { total: 0, n: 1, max: 0, positive: 0 },
      { total: null, n: 0, max: null, positive: 0 },
    ];
    expect(fold(parts, 'sum')).toBe(10);
    expect(fold(parts, 'average')).toBeCloseTo(10 / 3);
    expect(fold(parts, 'max')).toBe(7);
    expect(fold(parts, 'distinct_count')).toBe(2);
    expect(fold([{ total: null, n: 0, max: null, positive: 0 }], 'sum')).toBeNull();
  });

  it('compares with a base: delta and ratio, none when the base is 0 or missing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (v, b) => {
        const c = change(v, b);
        expect(c.delta).toBe(v - b);
        expect(c.ratio).toBeCloseTo((v - b) / b);
      }),
    );
    expect(change(5, 0)).toEqual({ base: 0, delta: 5, ratio: null });
    expect(change(5, null)).toEqual({ base: null, delta: null, ratio: null });
    expect(change(null, 4)).toEqual({ base: 4, delta: null, ratio: null });
    expect(change(45, 40).ratio).toBeCloseTo(0.125);
  });
});
