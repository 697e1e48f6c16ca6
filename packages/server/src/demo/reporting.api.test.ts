import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { signIn, type Client } from '../test/session.js';
import { DEMO_PASSWORD, loadDemoAccountsIfMissing } from './accounts.js';
import { loadDemo } from './loader.js';
import { loadDemoReporting } from './reporting.js';

/** The demo's 9-month round played through the API with the demo accounts, as in the browser. */
let t: TestApp;
const as: Record<string, Client> = {};
let nineMonths: string;
let hpNineMonths: string;
const idOf = new Map<string, string>();
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db);
  await loadDemoAccountsIfMissing(t.db);
  await loadDemoReporting(t.db);
  for (const u of [
    'vanphong',
    'trungtam.duyet',
    'cantho.bientap',
    'haiphong.bientap',
    'haiphong.duyet',
    'haiphong.tinhoc.bientap',
    'duochoc.bientap',
  ])
    as[u] = await signIn(t.app, u, DEMO_PASSWORD);
  const rounds = await t.db
    .selectFrom('reporting_round as r')
    .innerJoin('organization as o', 'o.id', 'r.organization_id')
    .select(['r.id', 'o.code'])
    .where('r.period_type', '=', 'nine_months')
    .where('r.year', '=', 2025)
    .execute();
  nineMonths = rounds.find((r) => r.code === 'VUSTA')!.id;
  hpNineMonths = rounds.find((r) => r.code === 'LHH-31')!.id;
  for (const o of await t.db
    .selectFrom('organization')
    .select(['id', 'code', 'full_name'])
    .where('code', 'in', ['VUSTA', 'LHH-92', 'LHH-31', 'LHH-31-HTV-002', 'HNTQ-004'])
    .execute())
    idOf.set(o.code, o.id);
});
afterAll(async () => {
  await t.close();
});

const submissionOf = async (roundId: string, code: string) => {
  const r = await t.db
    .selectFrom('submission')
    .select('id')
    .where('round_id', '=', roundId)
    .where('organization_id', '=', idOf.get(code)!)
    .executeTakeFirstOrThrow();
  return r.id;
};

interface Item {
  type: string;
  code?: string;
  computedValue?: number | null;
  ownValue?: number | null;
  overridden?: boolean;
  subunitsValue?: number | null;
  comments?: { body: string }[];
}
interface Detail {
  status: string;
  items: Item[];
}

describe('the demo 9-month round through the API', () => {
  it("shows Dược học's approved report with its figures traceable to its activities", async () => {
    const id = await submissionOf(nineMonths, 'HNTQ-004');
    const res = await as['duochoc.bientap']!.get(`/api/submissions/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<Detail>();
    expect(d.status).toBe('approved');
    const luot = d.items.find((i) => i.code === 'DT_LUOT')!;
    expect(luot).toMatchObject({ ownValue: 20_415, computedValue: 20_415, overridden: false });
    const sources = await as['duochoc.bientap']!.get(
      `/api/submissions/${id}/values/DT_LUOT/sources?pageSize=100`,
    );
    expect(sources.statusCode, sources.body).toBe(200);
    expect(sources.json<{ own: { total: number } }>().own.total).toBe(58);
  });

  it('Cần Thơ fixes its returned report and resubmits; the central reviewer approves it', async () => {
    const id = await submissionOf(nineMonths, 'LHH-92');
    const before = (await as['cantho.bientap']!.get(`/api/submissions/${id}`)).json<Detail>();
    expect(before.status).toBe('returned');
    const commented = before.items.find((i) => i.code === 'TV_Y_KIEN')!;
    expect(commented.comments?.[0]?.body).toContain('Số ý kiến góp ý');
    const sent = await as['cantho.bientap']!.post(`/api/submissions/${id}/submit`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json<{ submission: Detail }>().submission.status).toBe('resubmitted');
    const ok = await as['trungtam.duyet']!.post(`/api/submissions/${id}/review`, {
      action: 'approve',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ submission: Detail }>().submission.status).toBe('approved');
  });

  it("Hải Phòng's Hội Tin học submits its draft; Hải Phòng's reviewer approves; it reaches the union's sub-units column", async () => {
    const hp = await submissionOf(nineMonths, 'LHH-31');
    const hpBefore = (await as['haiphong.bientap']!.get(`/api/submissions/${hp}`)).json<Detail>();
    const before = hpBefore.items.find((i) => i.code === 'DT_LOP')!.subunitsValue ?? 0;

    const id = await submissionOf(hpNineMonths, 'LHH-31-HTV-002');
    const draft = (
      await as['haiphong.tinhoc.bientap']!.get(`/api/submissions/${id}`)
    ).json<Detail>();
    expect(draft.status).toBe('draft');
    const own = draft.items.find((i) => i.code === 'DT_LOP')!.ownValue ?? 0;
    const sent = await as['haiphong.tinhoc.bientap']!.post(`/api/submissions/${id}/submit`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    const ok = await as['haiphong.duyet']!.post(`/api/submissions/${id}/review`, {
      action: 'approve',
    });
    expect(ok.statusCode, ok.body).toBe(200);

    const hpAfter = (await as['haiphong.bientap']!.get(`/api/submissions/${hp}`)).json<Detail>();
    expect(hpAfter.status).toBe('draft');
    expect(hpAfter.items.find((i) => i.code === 'DT_LOP')!.subunitsValue).toBe(before + own);
  });

  it('lists the demo rounds for the central union and for Hải Phòng, the 9-month ones open', async () => {
    const all = await as['vanphong']!.get('/api/rounds?pageSize=100');
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json<{ items: { id: string; title: string; status: string }[] }>().items;
    expect(
      items
        .filter((r) => r.status === 'open')
        .map((r) => r.id)
        .sort(),
    ).toEqual([nineMonths, hpNineMonths].sort());
    expect(items.map((r) => r.title)).toContain('Báo cáo tổng kết năm 2024');
    const hp = await as['haiphong.bientap']!.get(`/api/rounds/${hpNineMonths}`);
    expect(hp.statusCode, hp.body).toBe(200);
  });

  it('writes the consolidated Word report of the demo round', async () => {
    const posted = await as['vanphong']!.post('/api/documents', {
      kind: 'consolidated_docx',
      roundId: nineMonths,
      organizationId: idOf.get('VUSTA'),
    });
    expect(posted.statusCode, posted.body).toBe(202);
    const id = posted.json<{ id: string }>().id;
    const job = await as['vanphong']!.get(`/api/documents/${id}`);
    expect(job.json<{ status: string; error: string | null }>()).toMatchObject({
      status: 'done',
      error: null,
    });
    const file = await as['vanphong']!.get(`/api/documents/${id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('consolidates the round at the central union with the seed figures of the named units', async () => {
    const res = await as['vanphong']!.get(
      `/api/rounds/${nineMonths}/consolidation?organizationId=${idOf.get('VUSTA')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<{
      children: { organizationId: string | null; values: Record<string, number | null> }[];
      completeness: { expected: number };
    }>();
    const duoc = c.children.find((x) => x.organizationId === idOf.get('HNTQ-004'))!;
    expect(duoc.values.DT_LUOT).toBe(20_415);
    expect(c.completeness.expected).toBeGreaterThan(150);
  });

  it('compares the open round with the same period of 2024, whose consolidation the demo holds too', async () => {
    const api = as['vanphong']!;
    const last = await t.db
      .selectFrom('reporting_round')
      .select('id')
      .where('period_type', '=', 'nine_months')
      .where('year', '=', 2024)
      .where('parent_round_id', 'is', null)
      .executeTakeFirstOrThrow();
    type C = {
      comparison: { sameLastYear: { title: string } | null };
      indicators: {
        code: string;
        value: number | null;
        sameLastYear: { base: number | null; delta: number | null };
      }[];
    };
    const now = (await api.get(`/api/rounds/${nineMonths}/consolidation`)).json<C>();
    const then = (await api.get(`/api/rounds/${last.id}/consolidation`)).json<C>();
    expect(now.comparison.sameLastYear?.title).toBe('Báo cáo sơ kết 9 tháng đầu năm 2024');
    const luot = now.indicators.find((i) => i.code === 'DT_LUOT')!;
    const base = then.indicators.find((i) => i.code === 'DT_LUOT')!.value;
    expect(base).toBeGreaterThan(0);
    expect(luot.sameLastYear.base).toBe(base);
    expect(luot.sameLastYear.delta).toBe(luot.value! - base!);
  });
});
