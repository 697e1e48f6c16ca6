import {
  ACTIVITY_KINDS,
  ACTIVITY_MODES,
  ACTIVITY_SUBTYPES,
  KIND_FIGURES,
  PROJECT_LEVELS,
  ruleValue,
  type ActivityFigure,
  type ActivityKind,
  type IndicatorRule,
  type RuleActivity,
} from '@lienhiep/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { createRoot } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';
import { activityFiguresRepository } from './activity-figures.repository.js';
import { STANDARD_INDICATORS } from './standard-form.js';

/**
 * An indicator rule is written twice: as SQL (activity-figures.repository.ts, what reports are
 * filled from) and as plain code (ruleValue in @lienhiep/core). For random activities in two
 * organisations, random windows and random rules, the two must give the same figures — and
 * activities ending outside the window or in another organisation must never count.
 */

let t: TestDatabase;
let orgs: [string, string];
let seq = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  const root = await createRoot(t.db);
  const make = async (code: string) =>
    (
      await createOrganization(
        t.db,
        {
          code,
          kind: 'national_association',
          fullName: `Hội thử nghiệm ${code}`,
          parentId: root,
          foundedOn: '2000-01-01',
        },
        null,
      )
    ).id;
  orgs = [await make('HOI-A'), await make('HOI-B')];
});

afterAll(async () => {
  await t.drop();
});

const day = fc.integer({ min: 0, max: 120 }).map((n) => {
  const d = new Date(Date.UTC(2025, 0, 1 + n));
  return d.toISOString().slice(0, 10);
});

interface GenActivity extends RuleActivity {
  org: 0 | 1;
  endsOn: string;
}

const activityArb: fc.Arbitrary<GenActivity> = fc
  .constantFrom(...ACTIVITY_KINDS)
  .chain((kind: ActivityKind) => {
    const subtypes = Object.keys(ACTIVITY_SUBTYPES[kind] ?? {});
    const figures = KIND_FIGURES[kind].map((f) => f.figure);
    return fc.record({
      org: fc.constantFrom(0 as const, 1 as const),
      kind: fc.constant(kind),
      mode: fc.constantFrom(...ACTIVITY_MODES),
      subtype: subtypes.length ? fc.option(fc.constantFrom(...subtypes)) : fc.constant(null),
      projectLevel:
        kind === 'project' ? fc.option(fc.constantFrom(...PROJECT_LEVELS)) : fc.constant(null),
      endsOn: day,
      figures: fc.record(
        Object.fromEntries(
          figures.map((f) => [f, fc.option(fc.integer({ min: 0, max: 5000 }))]),
        ) as Record<ActivityFigure, fc.Arbitrary<number | null>>,
        { requiredKeys: [] },
      ),
    });
  });

const ruleArb: fc.Arbitrary<IndicatorRule> = fc
  .constantFrom(...ACTIVITY_KINDS)
  .chain((kind: ActivityKind) => {
    const subtypes = Object.keys(ACTIVITY_SUBTYPES[kind] ?? {});
    const figures = KIND_FIGURES[kind].map((f) => f.figure);
    return fc.record({
      kind: fc.constant(kind),
      modes: fc.subarray([...ACTIVITY_MODES]),
      subtypes: subtypes.length ? fc.subarray(subtypes) : fc.constant([]),
      levels: kind === 'project' ? fc.subarray([...PROJECT_LEVELS]) : fc.constant([]),
      measure: fc.constantFrom('count' as const, 'sum' as const),
      figure: fc.constantFrom(...figures),
    });
  });

async function store(activities: GenActivity[]): Promise<void> {
  await t.db.deleteFrom('activity').execute();
  if (activities.length === 0) return;
  await t.db
    .insertInto('activity')
    .values(
      activities.map((a) => ({
        organization_id: orgs[a.org],
        kind: a.kind,
        subtype: a.subtype,
        title: `Hoạt động ${++seq}`,
        starts_on: a.endsOn,
        ends_on: a.endsOn,
        mode: a.mode,
        project_level: a.projectLevel,
        sessions: a.figures.sessions ?? null,
        participants: a.figures.participants ?? null,
        attendances: a.figures.attendances ?? null,
        opinions: a.figures.opinions ?? null,
        documents: a.figures.documents ?? null,
        households: a.figures.households ?? null,
        amount: a.figures.amount ?? null,
      })),
    )
    .execute();
}

describe('indicator rules: SQL and plain code agree', () => {
  it('for random activities, windows and rules (and the standard indicators)', async () => {
    const standard = STANDARD_INDICATORS.flatMap((i) =>
      i.rule ? [{ code: i.code, rule: i.rule }] : [],
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(activityArb, { maxLength: 40 }),
        fc.array(ruleArb, { maxLength: 6 }),
        day,
        day,
        async (activities, rules, d1, d2) => {
          const window = d1 <= d2 ? { from: d1, to: d2 } : { from: d2, to: d1 };
          await store(activities);
          const items = [...standard, ...rules.map((rule, i) => ({ code: `R${i}`, rule }))];
          const values = await activityFiguresRepository.ownValues(t.db, orgs, window, items);
          for (const [index, org] of orgs.entries()) {
            const mine = activities.filter(
              (a) => a.org === index && a.endsOn >= window.from && a.endsOn <= window.to,
            );
            for (const item of items) {
              expect(
                values.get(org)?.[item.code],
                `${item.code} ${JSON.stringify(item.rule)}`,
              ).toBe(ruleValue(item.rule, mine));
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('counts the Hội Dược học way: online training courses and attendances in the window', async () => {
    await store([
      {
        org: 0,
        kind: 'training',
        mode: 'online',
        subtype: null,
        projectLevel: null,
        endsOn: '2025-01-10',
        figures: { attendances: 1200, sessions: 3 },
      },
      {
        org: 0,
        kind: 'training',
        mode: 'offline',
        subtype: null,
        projectLevel: null,
        endsOn: '2025-02-10',
        figures: { attendances: 800 },
      },
      {
        org: 0,
        kind: 'training',
        mode: 'online',
        subtype: null,
        projectLevel: null,
        endsOn: '2025-06-10',
        figures: { attendances: 5000 },
      },
      {
        org: 1,
        kind: 'training',
        mode: 'online',
        subtype: null,
        projectLevel: null,
        endsOn: '2025-01-10',
        figures: { attendances: 99 },
      },
    ]);
    const values = await activityFiguresRepository.ownValues(
      t.db,
      orgs,
      { from: '2024-12-15', to: '2025-03-14' },
      STANDARD_INDICATORS.flatMap((i) => (i.rule ? [{ code: i.code, rule: i.rule }] : [])),
    );
    expect(values.get(orgs[0])).toMatchObject({
      DT_LOP: 2,
      DT_LOP_TRUC_TUYEN: 1,
      DT_LUOT: 2000,
      HT_SO: 0,
    });
    expect(values.get(orgs[1])).toMatchObject({ DT_LOP: 1, DT_LOP_TRUC_TUYEN: 1, DT_LUOT: 99 });
  });
});
