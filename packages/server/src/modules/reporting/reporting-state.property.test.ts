import {
  isEditableByReporter,
  nextSubmissionStatus,
  SUBMISSION_STATUSES,
  type SubmissionStatus,
} from '@lienhiep/core';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildSmallTree } from '../../test/fixtures.js';
import { createUser, signIn, type Client } from '../../test/session.js';

/**
 * The state machine through the API: random sequences of actions by random people never reach
 * a status the core table forbids; every accepted action is in the history; every refused one
 * leaves the report exactly as it was.
 */

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildSmallTree>>;
let formVersionId: string;
let seq = 0;

const ROLES = ['unitEditor', 'centralEditor', 'centralReviewer', 'unitReviewer', 'viewer'] as const;
type Who = (typeof ROLES)[number];
const ACTIONS = ['submit', 'return', 'approve', 'lock', 'edit'] as const;
type Act = (typeof ACTIONS)[number];
const clients = new Map<Who, Client>();

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildSmallTree(t.app, t.db);
  clients.set('centralEditor', tree.api);
  const users: [Who, 'editor' | 'reviewer' | 'viewer', string][] = [
    ['unitEditor', 'editor', tree.hp.id],
    ['centralReviewer', 'reviewer', tree.vusta.id],
    ['unitReviewer', 'reviewer', tree.hp.id],
    ['viewer', 'viewer', tree.hp.id],
  ];
  for (const [who, role, org] of users) {
    await createUser(t.db, who.toLowerCase(), [{ role, organizationId: org }]);
    clients.set(who, await signIn(t.app, who.toLowerCase()));
  }
  formVersionId = (
    await t.db
      .selectFrom('report_form_version as v')
      .innerJoin('report_form as f', 'f.id', 'v.form_id')
      .select('v.id')
      .where('f.code', '=', 'BC-DINH-KY')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await t.close();
});

/** A fresh round of the centre expecting Hải Phòng, and Hải Phòng's draft in it. */
async function freshDraft(): Promise<string> {
  const res = await tree.api.post('/api/rounds', {
    organizationId: tree.vusta.id,
    formVersionId,
    periodType: 'year',
    year: 1990 + ++seq,
    deadline: '2099-01-01',
    reporterIds: [tree.hp.id],
  });
  expect(res.statusCode, res.body).toBe(201);
  const start = await clients
    .get('unitEditor')!
    .post(`/api/rounds/${res.json<{ id: string }>().id}/submissions`, {
      organizationId: tree.hp.id,
    });
  expect(start.statusCode, start.body).toBe(201);
  return start.json<{ id: string }>().id;
}

interface Snapshot {
  status: SubmissionStatus;
  history: { action: string; fromStatus: string | null; toStatus: string }[];
  value: number | null;
}
async function snapshot(id: string): Promise<Snapshot> {
  const d = (await clients.get('centralReviewer')!.get(`/api/submissions/${id}`)).json<{
    status: SubmissionStatus;
    history: Snapshot['history'];
    items: { code?: string; ownValue?: number | null }[];
  }>();
  return {
    status: d.status,
    history: d.history,
    value: d.items.find((i) => i.code === 'TC_HOI_VIEN_MOI')?.ownValue ?? null,
  };
}

const canSubmit = (w: Who) => w === 'unitEditor' || w === 'centralEditor';

function expectedAccept(who: Who, act: Act, status: SubmissionStatus): boolean {
  if (act === 'edit') return canSubmit(who) && isEditableByReporter(status);
  if (act === 'submit') return canSubmit(who) && nextSubmissionStatus(status, 'submit') !== null;
  return who === 'centralReviewer' && nextSubmissionStatus(status, act) !== null;
}

async function perform(who: Who, act: Act, id: string, n: number) {
  const c = clients.get(who)!;
  switch (act) {
    case 'edit':
      return c.put(`/api/submissions/${id}/values/TC_HOI_VIEN_MOI`, { value: n });
    case 'submit':
      return c.post(`/api/submissions/${id}/submit`);
    case 'return':
      return c.post(`/api/submissions/${id}/review`, {
        action: 'return',
        reason: 'Cần bổ sung số liệu',
        comments: [{ targetType: 'indicator', targetCode: 'DT_LUOT', body: 'Xem lại' }],
      });
    case 'approve':
    case 'lock':
      return c.post(`/api/submissions/${id}/review`, { action: act });
  }
}

it('no sequence of actions by anyone reaches a status the table forbids', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          who: fc.constantFrom(...ROLES),
          act: fc.constantFrom(...ACTIONS),
          n: fc.integer({ min: 0, max: 500 }),
        }),
        { minLength: 1, maxLength: 10 },
      ),
      async (steps) => {
        const id = await freshDraft();
        let before = await snapshot(id);
        expect(before.status).toBe('draft');
        for (const { who, act, n } of steps) {
          const res = await perform(who, act, id, n);
          const after = await snapshot(id);
          const accept = expectedAccept(who, act, before.status);
          expect(SUBMISSION_STATUSES).toContain(after.status);
          if (res.statusCode < 300) {
            expect(accept, `${who} ${act} from ${before.status} accepted`).toBe(true);
            if (act === 'edit') {
              expect(after.status).toBe(before.status);
              expect(after.value).toBe(n);
              expect(after.history).toEqual(before.history);
            } else {
              // the table's own answer, and one more event saying so
              expect(after.status).toBe(nextSubmissionStatus(before.status, act));
              expect(after.history).toHaveLength(before.history.length + 1);
              expect(after.history.at(-1)).toMatchObject({
                action: act,
                fromStatus: before.status,
                toStatus: after.status,
              });
            }
          } else {
            expect(accept, `${who} ${act} from ${before.status}: ${res.body}`).toBe(false);
            expect([403, 409]).toContain(res.statusCode);
            expect(after).toEqual(before);
          }
          before = after;
        }
        // the history chains: each event starts where the previous one ended
        before.history.forEach((e, i) => {
          if (i > 0) expect(e.fromStatus).toBe(before.history[i - 1]!.toStatus);
        });
      },
    ),
    { numRuns: 25 },
  );
}, 300_000);
