import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { createRoot } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';
import { STATUS_RANK } from './people.dto.js';
import { peopleRepository as people } from './people.repository.js';
import {
  MEMBERSHIP_EVENT_KINDS,
  MEMBERSHIP_STATUSES,
  type MembershipEventKind,
  type MembershipStatus,
} from './people.schemas.js';
import { membershipTransitionError, membershipTransitionRefusal } from './people.service.js';

/**
 * The membership rule lives in one SQL query (membershipStatusesAt). Here it is checked against
 * the rule written naively in TypeScript, for random histories recorded in any order, with
 * several events on one day, in two organisations: per organisation (the profile, with the date
 * the status holds since), and as the best status of the person (the list filter). A death
 * recorded in one organisation makes the person deceased in both, from its date.
 */

let t: TestDatabase;
let orgs: string[];
let seq = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  const root = await createRoot(t.db);
  orgs = [];
  for (const code of ['A', 'B']) {
    const r = await createOrganization(
      t.db,
      {
        code: `LHH-${code}`,
        kind: 'provincial_union',
        fullName: `Liên hiệp Hội ${code}`,
        parentId: root,
        foundedOn: '1990-01-01',
      },
      null,
    );
    orgs.push(r.id);
  }
});
afterAll(async () => {
  await t.drop();
});

interface Ev {
  org: number;
  kind: MembershipEventKind;
  /** Days after 1/1/2020, from a small set so that days repeat. */
  day: number;
}

const BASE = '2020-01-01';
const evArb: fc.Arbitrary<Ev> = fc.record({
  org: fc.integer({ min: 0, max: 1 }),
  kind: fc.constantFrom(...MEMBERSHIP_EVENT_KINDS),
  day: fc.constantFrom(0, 0, 1, 10, 100, 365, 366, 1000),
});

/**
 * The rule, naively: the last event on or before the date, in recording order within a day —
 * unless a death was recorded in any organisation by then: deceased, since the first death.
 */
function naiveStatus(
  events: Ev[],
  org: number,
  at: string,
): { status: MembershipStatus; since: string } | null {
  let last: Ev | undefined;
  for (const e of events) {
    if (e.org !== org || addDays(BASE, e.day) > at) continue;
    if (!last || e.day >= last.day) last = e;
  }
  if (!last) return null;
  const deaths = events
    .filter((e) => e.kind === 'deceased' && addDays(BASE, e.day) <= at)
    .map((e) => e.day);
  if (deaths.length > 0) {
    return { status: 'deceased', since: addDays(BASE, Math.min(...deaths)) };
  }
  const since = addDays(BASE, last.day);
  switch (last.kind) {
    case 'join':
    case 'renew':
    case 'transfer':
      return { status: 'active', since };
    case 'suspend':
      return { status: 'suspended', since };
    case 'leave':
      return { status: 'ended', since };
    case 'deceased':
      return { status: 'deceased', since };
  }
}

describe('membership status on a date', () => {
  it('equals the naive recomputation, per organisation and as the best of them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(evArb, { minLength: 0, maxLength: 8 }), async (events) => {
        const key = `k${++seq}z`;
        const person = await people.insert(t.db, { full_name: `Người Thử ${key}` });
        // one transaction: the recording order must hold even within it
        await t.db.transaction().execute(async (tx) => {
          for (const e of events) {
            await people.insertEvent(tx, {
              organization_id: orgs[e.org]!,
              person_id: person.id,
              kind: e.kind,
              effective_date: addDays(BASE, e.day),
            });
          }
        });
        const days = [...new Set(events.map((e) => e.day))];
        const dates = [
          addDays(BASE, -1),
          ...days.flatMap((d) => [addDays(BASE, d - 1), addDays(BASE, d)]),
          '2030-01-01',
        ];
        for (const at of dates) {
          const expected = [0, 1].map((o) => naiveStatus(events, o, at));
          for (const o of [0, 1]) {
            const got = await people.statusOf(t.db, person.id, orgs[o]!, at);
            expect(got ? { status: got.status, since: got.since } : null, `${at} org ${o}`).toEqual(
              expected[o],
            );
          }
          const known = expected.flatMap((s) => (s === null ? [] : [s.status]));
          const best = known.length
            ? known.reduce((a, b) => (STATUS_RANK[a] <= STATUS_RANK[b] ? a : b))
            : null;
          const listedAs: MembershipStatus[] = [];
          for (const status of MEMBERSHIP_STATUSES) {
            const rows = await people.search(t.db, {
              scope: { kind: 'all' },
              at,
              tokens: [key],
              searchExpertise: false,
              statusRank: STATUS_RANK[status],
              limit: 10,
              offset: 0,
            });
            if (rows.length > 0) listedAs.push(status);
          }
          expect(listedAs, `${at} list`).toEqual(best ? [best] : []);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('which event may follow which', () => {
  it.each<[MembershipStatus | null, MembershipEventKind | null, MembershipEventKind, boolean]>([
    [null, null, 'join', true],
    [null, null, 'transfer', true],
    [null, null, 'renew', false],
    [null, null, 'suspend', false],
    [null, null, 'leave', false],
    ['active', 'join', 'join', false],
    ['active', 'join', 'suspend', true],
    ['active', 'join', 'leave', true],
    ['active', 'join', 'deceased', true],
    ['suspended', 'suspend', 'suspend', false],
    ['suspended', 'suspend', 'renew', true],
    ['suspended', 'suspend', 'leave', true],
    ['ended', 'leave', 'join', true],
    ['ended', 'leave', 'renew', false],
    ['ended', 'deceased', 'join', false],
    ['deceased', 'deceased', 'join', false],
    ['deceased', 'deceased', 'transfer', false],
    ['deceased', 'deceased', 'renew', false],
    ['deceased', 'deceased', 'deceased', false],
  ])('%s (after %s) → %s: %s', (current, last, kind, allowed) => {
    expect(membershipTransitionError(current, last, kind) === null).toBe(allowed);
  });

  it('refuses anything after a death, whatever the event before it', () => {
    for (const kind of MEMBERSHIP_EVENT_KINDS) {
      expect(membershipTransitionRefusal('deceased', kind), kind).toBe('deceased');
    }
  });
});
