import { canBeChildOf, type OrganizationKind } from '@lienhiep/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Executor } from '../../db/database.js';
import { addDays } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { createOrganization } from '../organizations/organization.service.js';
import { treeRepository as tree } from '../organizations/tree.repository.js';
import type { LineageInput } from './lineage.schemas.js';
import { recordLineageEvent } from './lineage.service.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const KIND_BY_DEPTH: OrganizationKind[] = [
  'central_union',
  'provincial_union',
  'member_association',
  'branch',
];
const BASIS = { number: '01/QĐ', date: '2000-01-01', issuer: 'Đoàn Chủ tịch' };

type Op =
  | { type: 'create'; a: number; gap: number }
  | { type: 'move' | 'merge' | 'dissolve' | 'rename'; a: number; b: number; gap: number }
  | { type: 'split'; a: number; continues: boolean; count: number; gap: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('create' as const),
      a: fc.nat(),
      gap: fc.integer({ min: 1, max: 400 }),
    }),
  },
  ...(['move', 'merge', 'dissolve', 'rename'] as const).map((type) => ({
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant(type),
      a: fc.nat(),
      b: fc.nat(),
      gap: fc.integer({ min: 1, max: 400 }),
    }),
  })),
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('split' as const),
      a: fc.nat(),
      continues: fc.boolean(),
      count: fc.integer({ min: 1, max: 2 }),
      gap: fc.integer({ min: 1, max: 400 }),
    }),
  },
);

interface Node {
  id: string;
  kind: OrganizationKind;
  founded: string;
  ended: string | null;
}

async function liveNodes(tx: Executor, at: string): Promise<Node[]> {
  const rows = await tx
    .selectFrom('organization')
    .select(['id', 'kind', 'founded_on', 'ended_on'])
    .orderBy('code')
    .execute();
  return rows
    .map((r) => ({ id: r.id, kind: r.kind, founded: r.founded_on, ended: r.ended_on }))
    .filter((n) => n.founded < at && n.ended === null);
}

const pick = <T>(xs: T[], n: number): T | undefined =>
  xs.length === 0 ? undefined : xs[n % xs.length];

/** Turns an abstract op into a concrete event against the current tree; undefined when it does not apply. */
async function concretise(
  tx: Executor,
  op: Op,
  date: string,
  seq: number,
): Promise<LineageInput | 'create' | undefined> {
  const live = await liveNodes(tx, date);
  const nonRoot = live.filter((n) => n.kind !== 'central_union');
  const common = { effectiveDate: date, legalBasis: BASIS, note: null };
  switch (op.type) {
    case 'create':
      return 'create';
    case 'rename': {
      const x = pick(live, op.a);
      return x && { kind: 'rename', ...common, organizationId: x.id, fullName: `Tên mới ${seq}` };
    }
    case 'move': {
      const x = pick(nonRoot, op.a);
      if (!x) return undefined;
      const p = pick(
        live.filter((n) => n.id !== x.id && canBeChildOf(x.kind, n.kind)),
        op.b,
      );
      return p && { kind: 'move', ...common, organizationId: x.id, newParentId: p.id };
    }
    case 'merge': {
      const x = pick(nonRoot, op.a);
      if (!x) return undefined;
      const y = pick(
        nonRoot.filter((n) => n.id !== x.id && n.kind === x.kind),
        op.b,
      );
      return y && { kind: 'merge', ...common, sourceIds: [x.id], survivorId: y.id };
    }
    case 'dissolve': {
      const x = pick(nonRoot, op.a);
      if (!x) return undefined;
      const children = await tree.openChildrenOf(tx, x.id);
      const receivers = live.filter((n) => n.id !== x.id && n.kind === x.kind);
      const r = pick(receivers, op.b);
      if (children.length > 0 && !r) return undefined;
      return {
        kind: 'dissolve',
        ...common,
        organizationId: x.id,
        ...(children.length > 0 && r ? { transferChildrenTo: r.id } : {}),
      };
    }
    case 'split': {
      const x = pick(nonRoot, op.a);
      if (!x) return undefined;
      const children = await tree.openChildrenOf(tx, x.id);
      return {
        kind: 'split',
        ...common,
        sourceId: x.id,
        sourceContinues: op.continues,
        newOrganizations: Array.from({ length: op.count }, (_, i) => ({
          kind: x.kind,
          fullName: `Tổ chức tách ${seq}.${i}`,
          code: `S${seq}-${i}`,
        })),
        childMoves: (op.continues ? children.slice(0, 1) : children).map((c, i) => ({
          childId: c,
          toIndex: i % op.count,
        })),
      };
    }
  }
}

async function createUnder(tx: Executor, a: number, date: string, seq: number): Promise<void> {
  const live = await liveNodes(tx, date);
  const candidates = live.filter((n) => n.kind !== 'branch');
  const parent = pick(candidates, a);
  if (!parent) return;
  const depth = KIND_BY_DEPTH.indexOf(parent.kind) + 1;
  const kind = KIND_BY_DEPTH[Math.min(depth, KIND_BY_DEPTH.length - 1)]!;
  await createOrganization(
    tx,
    { code: `N${seq}`, kind, fullName: `Tổ chức ${seq}`, parentId: parent.id, foundedOn: date },
    null,
  );
}

/** The naive answer: walk the parent links valid on `d` one step at a time. */
function naive(
  links: { organization_id: string; parent_id: string; valid_from: string; valid_to: string }[],
  orgs: Node[],
  d: string,
) {
  const alive = orgs
    .filter((o) => o.founded <= d && (o.ended === null || o.ended > d))
    .map((o) => o.id);
  const parent = new Map<string, string>();
  for (const l of links)
    if (l.valid_from <= d && l.valid_to > d) parent.set(l.organization_id, l.parent_id);
  const ancestors = new Map<string, string[]>();
  for (const id of alive) {
    const chain: string[] = [];
    let cur = parent.get(id);
    while (cur !== undefined && chain.length < 100) {
      chain.unshift(cur);
      cur = parent.get(cur);
    }
    ancestors.set(id, chain);
  }
  const subtree = new Map<string, string[]>();
  for (const id of alive) subtree.set(id, [id]);
  for (const [id, chain] of ancestors) for (const a of chain) subtree.get(a)?.push(id);
  return { alive, ancestors, subtree, parent };
}

class Rollback extends Error {}

it('subtree and ancestors from the closure equal a naive walk of the links, at every date', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 14 }), async (ops) => {
      await t.db
        .transaction()
        .execute(async (tx) => {
          let date = '2000-01-01';
          await createOrganization(
            tx,
            { code: 'ROOT', kind: 'central_union', fullName: 'Gốc', foundedOn: '1999-01-01' },
            null,
          );
          const dates = new Set<string>(['1999-01-01']);
          let seq = 0;
          for (const op of ops) {
            seq++;
            date = addDays(date, op.gap);
            const input = await concretise(tx, op, date, seq);
            if (input === undefined) continue;
            await sql`savepoint op`.execute(tx);
            try {
              if (input === 'create') await createUnder(tx, op.a, date, seq);
              else await recordLineageEvent(tx, input);
              await sql`release savepoint op`.execute(tx);
              dates.add(date);
            } catch (err) {
              // a refusal is fine (and must leave nothing behind); anything else is a bug
              if (!(err instanceof AppError)) throw err;
              await sql`rollback to savepoint op`.execute(tx);
            }
          }
          const links = await tree.allLinks(tx);
          const orgs = (
            await tx
              .selectFrom('organization')
              .select(['id', 'kind', 'founded_on', 'ended_on'])
              .execute()
          ).map((r) => ({ id: r.id, kind: r.kind, founded: r.founded_on, ended: r.ended_on }));
          const probe = new Set<string>();
          for (const d of dates) for (const x of [addDays(d, -1), d, addDays(d, 1)]) probe.add(x);
          for (const d of probe) {
            const want = naive(links, orgs, d);
            for (const id of want.alive) {
              expect((await tree.ancestorIdsAt(tx, id, d)).join(), `ancestors ${id} ${d}`).toBe(
                want.ancestors.get(id)!.join(),
              );
              expect((await tree.subtreeIdsAt(tx, id, d)).sort().join(), `subtree ${id} ${d}`).toBe(
                want.subtree.get(id)!.sort().join(),
              );
            }
            // every link joins two organisations alive on that date
            for (const [child, p] of want.parent) {
              expect(want.alive, `parent of ${child} alive on ${d}`).toContain(p);
              expect(want.alive).toContain(child);
            }
          }
          throw new Rollback();
        })
        .catch((err: unknown) => {
          if (!(err instanceof Rollback)) throw err;
        });
    }),
    { numRuns: 40 },
  );
}, 300_000);
