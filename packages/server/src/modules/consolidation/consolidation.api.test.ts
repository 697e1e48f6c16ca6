import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildSmallTree, BASIS } from '../../test/fixtures.js';
import { createUser, signIn, type Client } from '../../test/session.js';
import { openZip } from '../imports/zip-reader.js';
import { openRound, standardFormVersion, submit } from './consolidation.fixtures.js';

/**
 * A realistic small system: the central union's 9-month rounds of 2024 and 2025 (with the rounds
 * the provincial unions open for their member associations below them), the 6-month round of 2025,
 * and the merger of the Hải Dương union into Hải Phòng on 1 July 2025. Figures are checked by hand.
 */

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildSmallTree>>;
let admin: Client;
let r924: string;
let r925: string;
let r625: string;
let hpRound25: string;
let hpSubmission25: string;

interface Consolidation {
  round: { title: string; familyRounds: number };
  organization: { fullName: string };
  indicators: {
    code: string;
    value: number | null;
    sameLastYear: { base: number | null; ratio: number | null; delta: number | null };
    previous: { base: number | null; ratio: number | null };
  }[];
  children: {
    key: string;
    name: string;
    role: string;
    values: Record<string, number | null>;
    expected: number;
    counted: number;
  }[];
  completeness: {
    expected: number;
    sent: number;
    counted: number;
    late: number;
    overdue: number;
    sentRatio: number;
    nonReporters: { name: string; late: boolean }[];
    byProvince: { key: string; expected: number }[];
    byKind: { key: string; expected: number }[];
  };
  reconciliation: {
    balanced: boolean;
    indicators: {
      code: string;
      asReported: number;
      restated: number;
      joinedSince: number | null;
      leftSince: number | null;
      grandTotal: number;
    }[];
  };
}

const value = (c: Consolidation, code: string) => c.indicators.find((i) => i.code === code)!;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildSmallTree(t.app, t.db);
  admin = tree.api;
  const { vusta, hp, hd, dl, hpLaw, hdLaw, hdMed, hdClub, pharma } = tree;
  const form = await standardFormVersion(t.db);
  const nine = (year: number) => ({
    formVersionId: form,
    periodType: 'nine_months' as const,
    year,
    windowFrom: `${year - 1}-12-15`,
    windowTo: `${year}-09-14`,
    deadline: `${year}-09-25`,
    title: `Báo cáo sơ kết 9 tháng đầu năm ${year}`,
  });
  // — 9 months of 2024: before the merger —
  r924 = await openRound(t.db, {
    ...nine(2024),
    organizationId: vusta.id,
    reporters: [hp.id, hd.id, dl.id, pharma.id],
  });
  const hp24 = await openRound(t.db, {
    ...nine(2024),
    organizationId: hp.id,
    parentRoundId: r924,
    reporters: [hpLaw.id],
  });
  const hd24 = await openRound(t.db, {
    ...nine(2024),
    organizationId: hd.id,
    parentRoundId: r924,
    reporters: [hdLaw.id, hdMed.id, hdClub.id],
  });
  await submit(
    t.db,
    r924,
    hp.id,
    'approved',
    { DT_LUOT: 1000, DT_LOP: 10 },
    { subunits: { DT_LUOT: 500 } },
  );
  await submit(t.db, hp24, hpLaw.id, 'approved', { DT_LUOT: 500, DT_LOP: 5 });
  await submit(t.db, r924, hd.id, 'locked', { DT_LUOT: 800, DT_LOP: 8 });
  await submit(t.db, hd24, hdLaw.id, 'approved', { DT_LUOT: 300, DT_LOP: 3 });
  await submit(t.db, hd24, hdMed.id, 'submitted', { DT_LUOT: 200, DT_LOP: 2 });
  await submit(t.db, r924, dl.id, 'approved', { DT_LUOT: 400, DT_LOP: 4 });
  await submit(t.db, r924, pharma.id, 'approved', { DT_LUOT: 15000, DT_LOP: 30 });

  // — 6 months of 2025: the previous round —
  r625 = await openRound(t.db, {
    formVersionId: form,
    periodType: 'half_year',
    year: 2025,
    windowFrom: '2024-12-15',
    windowTo: '2025-06-14',
    deadline: '2025-06-25',
    title: 'Báo cáo sơ kết 6 tháng đầu năm 2025',
    organizationId: vusta.id,
    reporters: [hp.id, hd.id, dl.id, pharma.id],
  });
  await submit(t.db, r625, pharma.id, 'approved', { DT_LUOT: 11000, DT_LOP: 20 });
  await submit(t.db, r625, hp.id, 'approved', { DT_LUOT: 700, DT_LOP: 6 });

  // — the merger: Hải Dương into Hải Phòng, 1 July 2025 —
  const merge = await admin.post('/api/lineage-events', {
    kind: 'merge',
    effectiveDate: '2025-07-01',
    legalBasis: BASIS,
    sourceIds: [hd.id],
    survivorId: hp.id,
  });
  expect(merge.statusCode, merge.body).toBe(201);

  // — 9 months of 2025: after the merger (the associations of Hải Dương now report to Hải Phòng) —
  r925 = await openRound(t.db, {
    ...nine(2025),
    organizationId: vusta.id,
    reporters: [hp.id, dl.id, pharma.id],
  });
  hpRound25 = await openRound(t.db, {
    ...nine(2025),
    organizationId: hp.id,
    parentRoundId: r925,
    reporters: [hpLaw.id, hdLaw.id, hdMed.id, hdClub.id],
  });
  hpSubmission25 = await submit(
    t.db,
    r925,
    hp.id,
    'approved',
    { DT_LUOT: 1200, DT_LOP: 12, DT_LOP_TRUC_TUYEN: 4, HT_SO: 3 },
    {
      subunits: { DT_LUOT: 1350, DT_LOP: 13 },
      documentNumber: '27/BC-LHH',
      sections: {
        results: 'Liên hiệp Hội đã hoàn thành các nhiệm vụ trọng tâm của 9 tháng.',
        shortcomings: 'Một số hội thành viên còn chậm gửi báo cáo.',
        directions: 'Tập trung tổ chức Hội nghị tổng kết năm 2025.',
        proposals: 'Đề nghị Liên hiệp Hội Việt Nam hỗ trợ kinh phí tập huấn.',
      },
    },
  );
  await submit(t.db, hpRound25, hpLaw.id, 'approved', { DT_LUOT: 600, DT_LOP: 6 });
  await submit(t.db, hpRound25, hdLaw.id, 'approved', { DT_LUOT: 400, DT_LOP: 4 });
  await submit(t.db, hpRound25, hdMed.id, 'locked', { DT_LUOT: 250, DT_LOP: 2 });
  await submit(t.db, hpRound25, hdClub.id, 'returned', { DT_LUOT: 100, DT_LOP: 1 });
  await submit(t.db, r925, dl.id, 'draft', { DT_LUOT: 90 });
  await submit(
    t.db,
    r925,
    pharma.id,
    'approved',
    { DT_LUOT: 20350, DT_LOP: 45, DT_LOP_TRUC_TUYEN: 12 },
    {
      sections: { shortcomings: 'Kinh phí cho đào tạo liên tục còn hạn chế.' },
    },
  );
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('GET /rounds/:id/consolidation', () => {
  it('sums the own values of the approved reports below the organisation, never the sub-units column', async () => {
    const res = await admin.get(`/api/rounds/${r925}/consolidation`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<Consolidation>();
    expect(c.organization.fullName).toBe('Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam');
    expect(c.round.familyRounds).toBe(2);
    // 1200 + 600 + 400 + 250 + 20350 (the club's report is returned, Đắk Lắk's is a draft)
    expect(value(c, 'DT_LUOT').value).toBe(22800);
    expect(value(c, 'DT_LOP').value).toBe(12 + 6 + 4 + 2 + 45);
    // same period of 2024: 1000 + 500 + 800 + 300 + 400 + 15000 (Hội Đông y was only submitted)
    expect(value(c, 'DT_LUOT').sameLastYear).toEqual({
      base: 18000,
      delta: 4800,
      ratio: 4800 / 18000,
    });
    // the round before: 6 months of 2025
    expect(value(c, 'DT_LUOT').previous.base).toBe(11700);
    expect(value(c, 'HT_SO').sameLastYear.ratio).toBeNull();
    const rows = c.children.filter((r) => r.role !== 'outside');
    expect(rows.map((r) => r.name)).toEqual([
      'Hội Dược học Việt Nam',
      'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng',
      'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Đắk Lắk',
    ]);
    const hpRow = c.children.find((r) => r.key === tree.hp.id)!;
    expect(hpRow.values.DT_LUOT).toBe(2450);
    expect(hpRow.expected).toBe(5);
    expect(hpRow.counted).toBe(4);
    expect(rows.reduce((s, r) => s + (r.values.DT_LUOT ?? 0), 0)).toBe(22800);
  });

  it('counts every sent report on the submitted basis', async () => {
    const c = (
      await admin.get(`/api/rounds/${r925}/consolidation?basis=submitted`)
    ).json<Consolidation>();
    expect(value(c, 'DT_LUOT').value).toBe(22800);
    const c24 = (
      await admin.get(`/api/rounds/${r924}/consolidation?basis=submitted`)
    ).json<Consolidation>();
    expect(value(c24, 'DT_LUOT').value).toBe(18200);
  });

  it('reports completeness from the expected reporters: late, not reported, by province and kind', async () => {
    const c = (await admin.get(`/api/rounds/${r925}/consolidation`)).json<Consolidation>();
    const k = c.completeness;
    expect(k.expected).toBe(7);
    expect(k.sent).toBe(5);
    expect(k.counted).toBe(5);
    expect(k.sentRatio).toBeCloseTo(5 / 7);
    // the deadline of 25/09/2025 has passed: the draft and the returned report are late
    expect(k.late).toBe(2);
    expect(k.overdue).toBe(2);
    expect(k.nonReporters.map((n) => n.name)).toEqual([
      'Câu lạc bộ Nhà khoa học trẻ Hải Dương',
      'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Đắk Lắk',
    ]);
    expect(k.byProvince.find((p) => p.key === '31')!.expected).toBe(5);
    expect(k.byKind.find((p) => p.key === 'member_association')!.expected).toBe(3);
  });

  it("restates an old round on today's tree and reconciles both views", async () => {
    const asReported = (
      await admin.get(`/api/rounds/${r924}/consolidation?organizationId=${tree.hp.id}`)
    ).json<Consolidation>();
    const restated = (
      await admin.get(
        `/api/rounds/${r924}/consolidation?organizationId=${tree.hp.id}&view=restated`,
      )
    ).json<Consolidation>();
    // in 2024 Hải Phòng held only its office and its law association
    expect(value(asReported, 'DT_LUOT').value).toBe(1500);
    // today it also holds what Hải Dương and its associations reported: 800 + 300
    expect(value(restated, 'DT_LUOT').value).toBe(2600);
    const self = restated.children.find((r) => r.role === 'self')!;
    expect(self.name).toBe('Cơ quan Liên hiệp Hội Hải Phòng');
    expect(self.values.DT_LUOT).toBe(1800);
    const outside = asReported.children.find((r) => r.role === 'outside')!;
    expect(outside.values.DT_LUOT).toBe(1100);
    const rec = asReported.reconciliation.indicators.find((i) => i.code === 'DT_LUOT')!;
    expect(rec).toEqual({
      code: 'DT_LUOT',
      asReported: 1500,
      restated: 2600,
      joinedSince: 1100,
      leftSince: null,
      grandTotal: 2600,
    });
    expect(asReported.reconciliation.balanced).toBe(true);
    // the same period a year before, restated: Hải Phòng 9 months 2025 against 2024 on today's tree
    const now = (
      await admin.get(
        `/api/rounds/${r925}/consolidation?organizationId=${tree.hp.id}&view=restated`,
      )
    ).json<Consolidation>();
    expect(value(now, 'DT_LUOT').value).toBe(2450);
    expect(value(now, 'DT_LUOT').sameLastYear.base).toBe(2600);
    // at the top, both views hold every unit: the same total
    const top = await Promise.all(
      ['as_reported', 'restated'].map(
        async (v) =>
          value(
            (await admin.get(`/api/rounds/${r924}/consolidation?view=${v}`)).json<Consolidation>(),
            'DT_LUOT',
          ).value,
      ),
    );
    expect(top).toEqual([18000, 18000]);
  });

  it("answers 404 outside the reader's subtree and lists only what is inside", async () => {
    await createUser(t.db, 'xem.hp', [{ role: 'viewer', organizationId: tree.hp.id }]);
    await createUser(t.db, 'duyet.dl', [{ role: 'reviewer', organizationId: tree.dl.id }]);
    const hpViewer = await signIn(t.app, 'xem.hp');
    const dlReviewer = await signIn(t.app, 'duyet.dl');
    expect((await hpViewer.get(`/api/rounds/${r925}/consolidation`)).statusCode).toBe(404);
    expect(
      (await hpViewer.get(`/api/rounds/${r925}/consolidation?organizationId=${tree.dl.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await dlReviewer.get(`/api/rounds/${r925}/consolidation?organizationId=${tree.hp.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await dlReviewer.get(
          `/api/rounds/${r925}/consolidation/drill?organizationId=${tree.hp.id}&indicator=DT_LUOT`,
        )
      ).statusCode,
    ).toBe(404);
    const mine = await hpViewer.get(
      `/api/rounds/${r925}/consolidation?organizationId=${tree.hp.id}`,
    );
    expect(mine.statusCode).toBe(200);
    const c = mine.json<Consolidation>();
    expect(value(c, 'DT_LUOT').value).toBe(2450);
    expect(c.children.map((r) => r.name).join()).not.toMatch(/Dược|Đắk Lắk/u);
    // a merged union stays readable through its successor
    expect(
      (await hpViewer.get(`/api/rounds/${r924}/consolidation?organizationId=${tree.hd.id}`))
        .statusCode,
    ).toBe(200);
    const dash = await hpViewer.get('/api/dashboard');
    expect(dash.statusCode, dash.body).toBe(200);
    expect(dash.json<{ organization: { id: string } }>().organization.id).toBe(tree.hp.id);
    expect((await hpViewer.get(`/api/dashboard?organizationId=${tree.dl.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses an unknown view or indicator with a Vietnamese message naming the field', async () => {
    const bad = await admin.get(`/api/rounds/${r925}/consolidation?view=moi`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toContain('Cách xem');
    const unknown = await admin.get(`/api/rounds/${r925}/consolidation/drill?indicator=KHONG_CO`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ detail: string }>().detail).toContain('KHONG_CO');
    expect((await admin.get(`/api/rounds/${tree.hp.id}/consolidation`)).statusCode).toBe(404);
  });
});

describe('drill-down', () => {
  it('goes from a figure to the children, the reports behind it and the activities behind a report', async () => {
    await t.db
      .insertInto('activity')
      .values([
        {
          organization_id: tree.hp.id,
          kind: 'training',
          title: 'Tập huấn chuyển đổi số',
          starts_on: '2025-03-01',
          ends_on: '2025-03-02',
          attendances: 700,
        },
        {
          organization_id: tree.hp.id,
          kind: 'training',
          title: 'Lớp bồi dưỡng phản biện',
          starts_on: '2025-05-01',
          ends_on: '2025-05-03',
          attendances: 500,
          mode: 'online',
        },
        {
          organization_id: tree.hp.id,
          kind: 'event',
          title: 'Hội thảo khoa học',
          starts_on: '2025-05-01',
          ends_on: '2025-05-01',
          participants: 80,
        },
        {
          organization_id: tree.hp.id,
          kind: 'training',
          title: 'Lớp ngoài kỳ',
          starts_on: '2025-10-01',
          ends_on: '2025-10-02',
          attendances: 999,
        },
      ])
      .execute();
    const d = await admin.get(
      `/api/rounds/${r925}/consolidation/drill?indicator=DT_LUOT&childId=${tree.hp.id}`,
    );
    expect(d.statusCode, d.body).toBe(200);
    const drill = d.json<{
      value: number;
      children: { name: string; value: number }[];
      submissions: {
        total: number;
        items: {
          name: string;
          ownValue: number | null;
          subunitsValue: number | null;
          counted: boolean;
          submissionId: string | null;
          status: string | null;
        }[];
      };
    }>();
    expect(drill.value).toBe(22800);
    expect(drill.children[0]).toMatchObject({ name: 'Hội Dược học Việt Nam', value: 20350 });
    expect(drill.submissions.total).toBe(5);
    const hpItem = drill.submissions.items.find((i) => i.submissionId === hpSubmission25)!;
    expect(hpItem).toMatchObject({ ownValue: 1200, subunitsValue: 1350, counted: true });
    const club = drill.submissions.items.find(
      (i) => i.name === 'Câu lạc bộ Nhà khoa học trẻ Hải Dương',
    )!;
    expect(club).toMatchObject({ status: 'returned', counted: false });
    const a = await admin.get(
      `/api/rounds/${r925}/consolidation/drill?indicator=DT_LUOT&childId=${tree.hp.id}&submissionId=${hpSubmission25}`,
    );
    const act = a.json<{
      activities: {
        ownValue: number;
        fromActivities: number;
        total: number;
        items: { title: string; contribution: number }[];
      };
    }>().activities;
    expect(act.ownValue).toBe(1200);
    expect(act.fromActivities).toBe(1200);
    expect(act.total).toBe(2);
    expect(act.items.map((i) => i.contribution).sort()).toEqual([500, 700]);
    // a report outside the figure is not found
    const other = await admin.get(
      `/api/rounds/${r925}/consolidation/drill?indicator=DT_LUOT&childId=${tree.dl.id}&submissionId=${hpSubmission25}`,
    );
    expect(other.statusCode).toBe(404);
  });
});

describe('GET /dashboard', () => {
  it('shows headline figures, the trend over the rounds, the ranking and the completeness', async () => {
    const res = await admin.get(
      `/api/dashboard?organizationId=${tree.vusta.id}&indicators=DT_LUOT,DT_LOP&rankBy=DT_LUOT`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<{
      round: { id: string };
      headline: { code: string; value: number }[];
      trend: { rounds: { title: string }[]; series: { code: string; values: (number | null)[] }[] };
      ranking: { items: { name: string; value: number | null }[] };
      completeness: { byProvince: unknown[]; byKind: unknown[] };
    }>();
    expect(d.round.id).toBe(r925);
    expect(d.headline[0]).toMatchObject({ code: 'DT_LOP', value: 69 });
    expect(d.trend.rounds.map((r) => r.title)).toEqual([
      'Báo cáo sơ kết 9 tháng đầu năm 2024',
      'Báo cáo sơ kết 6 tháng đầu năm 2025',
      'Báo cáo sơ kết 9 tháng đầu năm 2025',
    ]);
    expect(d.trend.series.find((s) => s.code === 'DT_LUOT')!.values).toEqual([18000, 11700, 22800]);
    expect(d.ranking.items[0]).toEqual(
      expect.objectContaining({ name: 'Hội Dược học Việt Nam', value: 20350 }),
    );
    expect(d.completeness.byKind.length).toBeGreaterThan(0);
  });
});

// — documents —

function documentText(buf: Buffer): { xml: string; paragraphs: string[] } {
  const zip = openZip(buf, { maxInflatedBytes: 50 * 1024 * 1024, maxEntries: 200 });
  const xml = zip.read('word/document.xml')!.toString('utf8');
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const paragraphs = xml
    .split('</w:p>')
    .map((p) =>
      decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    )
    .filter((p) => p.trim() !== '');
  return { xml, paragraphs };
}

async function makeDocument(
  body: Record<string, unknown>,
): Promise<{ buf: Buffer; disposition: string; type: string }> {
  const res = await admin.post('/api/documents', body);
  expect(res.statusCode, res.body).toBe(202);
  const { id } = res.json<{ id: string }>();
  const status = await admin.get(`/api/documents/${id}`);
  expect(status.json<{ status: string; progress: number; error: string | null }>()).toMatchObject({
    status: 'done',
    progress: 100,
    error: null,
  });
  const file = await admin.get(`/api/documents/${id}/file`);
  expect(file.statusCode).toBe(200);
  return {
    buf: file.rawPayload,
    disposition: String(file.headers['content-disposition']),
    type: String(file.headers['content-type']),
  };
}

describe('documents', () => {
  it('writes the consolidated report in the form of Nghị định 30 with the figures in vi-VN', async () => {
    const { buf, disposition, type } = await makeDocument({
      kind: 'consolidated_docx',
      roundId: r925,
      documentNumber: '15/BC-LHH',
      date: '2025-10-05',
      signerName: 'Phan Xuân Dũng',
    });
    expect(type).toContain('wordprocessingml');
    expect(disposition).toContain(
      "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20t%E1%BB%95ng%20h%E1%BB%A3p",
    );
    const { xml, paragraphs } = documentText(buf);
    // A4, margins 20/20/30/15 mm, page numbers from page 2
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toContain('Times New Roman');
    const text = paragraphs.join('\n');
    expect(paragraphs).toContain('LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT VIỆT NAM');
    expect(paragraphs).toContain('Số: 15/BC-LHH');
    expect(paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(paragraphs).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(paragraphs).toContain('Hà Nội, ngày 05 tháng 10 năm 2025');
    expect(paragraphs).toContain('BÁO CÁO');
    expect(paragraphs).toContain(
      'Kết quả hoạt động 9 tháng đầu năm và nhiệm vụ trọng tâm quý IV năm 2025',
    );
    for (const h of [
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
      'II. TỒN TẠI, HẠN CHẾ',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ',
      'IV. KIẾN NGHỊ, ĐỀ XUẤT',
    ]) {
      expect(paragraphs).toContain(h);
    }
    expect(text).toContain(
      'Trong 9 tháng đầu năm 2025, các đơn vị đã tổ chức 69 lớp đào tạo, tập huấn, bồi dưỡng (trong đó 16 lớp trực tuyến) với hơn 22.000 lượt người tham gia, tăng 26,7% so với cùng kỳ năm 2024.',
    );
    expect(text).toContain('Hội Dược học Việt Nam (hơn 20.000 lượt người)');
    expect(text).toContain('22.800');
    expect(text).toContain('có 5/7 đơn vị đã gửi báo cáo (đạt 71,4%)');
    expect(text).toContain(
      'Các đơn vị chưa gửi báo cáo: Câu lạc bộ Nhà khoa học trẻ Hải Dương, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Đắk Lắk.',
    );
    // sections II–IV: the central union has no report of its own, the units' texts are summarised
    expect(text).toContain('Hội Dược học Việt Nam: Kinh phí cho đào tạo liên tục còn hạn chế.');
    expect(paragraphs).toContain('TM. BAN CHẤP HÀNH');
    expect(paragraphs).toContain('CHỦ TỊCH');
    expect(paragraphs).toContain('Phan Xuân Dũng');
    expect(paragraphs).toContain('Nơi nhận:');
    expect(paragraphs).toContain('- Lưu: VT, VP.');
  });

  it("writes one unit's report with its own number, figures and sections", async () => {
    const { buf } = await makeDocument({
      kind: 'submission_docx',
      roundId: r925,
      submissionId: hpSubmission25,
    });
    const { paragraphs } = documentText(buf);
    const text = paragraphs.join('\n');
    expect(paragraphs).toContain('LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT VIỆT NAM');
    expect(paragraphs).toContain('LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT THÀNH PHỐ HẢI PHÒNG');
    expect(paragraphs).toContain('Số: 27/BC-LHH');
    expect(paragraphs.some((p) => /^Hải Phòng, ngày \d{2} tháng \d{1,2} năm \d{4}$/u.test(p))).toBe(
      true,
    );
    // own 1200 + sub-units 1350 = 2550 attendances; 12 + 13 = 25 classes
    expect(text).toContain(
      'đã tổ chức 25 lớp đào tạo, tập huấn, bồi dưỡng (trong đó 4 lớp trực tuyến) với hơn 2.500 lượt người tham gia',
    );
    expect(paragraphs).toContain('Một số hội thành viên còn chậm gửi báo cáo.');
    expect(paragraphs).toContain('Đề nghị Liên hiệp Hội Việt Nam hỗ trợ kinh phí tập huấn.');
  });

  it("writes the annex whose totals are the consolidation's", async () => {
    const api = (await admin.get(`/api/rounds/${r925}/consolidation`)).json<Consolidation>();
    const { buf, type } = await makeDocument({ kind: 'annex_xlsx', roundId: r925 });
    expect(type).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(5).values as (string | undefined)[];
    const rows: { name: string; values: unknown[] }[] = [];
    ws.eachRow((r, n) => {
      if (n > 5) rows.push({ name: r.getCell(2).text, values: r.values as unknown[] });
    });
    const total = rows.find((r) => r.name.startsWith('TỔNG CỘNG'))!;
    const luot = header.findIndex(
      (h) => typeof h === 'string' && h.startsWith('Số lượt người được đào tạo'),
    );
    expect(luot).toBeGreaterThan(0);
    expect(total.values[luot]).toBe(value(api, 'DT_LUOT').value);
    // subtotal of Hải Phòng = its row in the API = the sum of its units' own figures
    const hpIndex = rows.findIndex(
      (r) => r.name === 'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng',
    );
    expect(rows[hpIndex]!.values[luot]).toBe(2450);
    const unitRows = rows.slice(hpIndex + 1, hpIndex + 6);
    expect(unitRows.map((r) => r.values[luot] ?? null)).toEqual([1200, null, 250, 600, 400]);
  });

  it('is refused for a report of another round family and for a reader outside', async () => {
    const res = await admin.post('/api/documents', {
      kind: 'submission_docx',
      roundId: r924,
      submissionId: hpSubmission25,
    });
    expect(res.statusCode).toBe(404);
    const missing = await admin.post('/api/documents', { kind: 'submission_docx', roundId: r925 });
    expect(missing.statusCode).toBe(400);
    const viewer = await signIn(t.app, 'xem.hp');
    expect(
      (await viewer.post('/api/documents', { kind: 'consolidated_docx', roundId: r925 }))
        .statusCode,
    ).toBe(404);
    const ok = await viewer.post('/api/documents', {
      kind: 'annex_xlsx',
      roundId: r925,
      organizationId: tree.hp.id,
    });
    expect(ok.statusCode).toBe(202);
    const dlReviewer = await signIn(t.app, 'duyet.dl');
    expect(
      (await dlReviewer.get(`/api/documents/${ok.json<{ id: string }>().id}`)).statusCode,
    ).toBe(404);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'report_document.%')
      .execute();
    expect(
      audit.filter((a) => a.action === 'report_document.generated').length,
    ).toBeGreaterThanOrEqual(4);
  });
});

// last: its round is the newest, which the dashboard tests above would otherwise pick up
describe('lateness', () => {
  it('counts late reports by the same rule as the round page: not in hand when due, or sent after', async () => {
    const { vusta, hp, dl, pharma, hpLaw } = tree;
    const form = await standardFormVersion(t.db);
    // due on 31/10/2026 plus 5 days' grace: long past by the time this runs
    const round = await openRound(t.db, {
      formVersionId: form,
      organizationId: vusta.id,
      periodType: 'custom',
      year: 2026,
      windowFrom: '2026-01-01',
      windowTo: '2026-09-30',
      deadline: '2026-10-31',
      graceDays: 5,
      title: 'Báo cáo chuyên đề năm 2026',
      reporters: [hp.id, dl.id, pharma.id, hpLaw.id],
    });
    // on the last day of grace (Vietnam time): on time
    await submit(
      t.db,
      round,
      hp.id,
      'approved',
      { DT_LUOT: 1 },
      { submittedAt: '2026-11-05T16:00:00Z' },
    );
    // an hour into the next day in Vietnam: sent late
    await submit(
      t.db,
      round,
      dl.id,
      'submitted',
      { DT_LUOT: 2 },
      { submittedAt: '2026-11-05T18:00:00Z' },
    );
    // sent on time, returned, not sent again: not in hand when due
    await submit(
      t.db,
      round,
      pharma.id,
      'returned',
      { DT_LUOT: 3 },
      { submittedAt: '2026-10-20T03:00:00Z' },
    );
    // hpLaw has nothing

    const c = (
      await admin.get(`/api/rounds/${round}/consolidation?organizationId=${vusta.id}`)
    ).json<Consolidation>();
    expect(c.completeness.late).toBe(3);
    expect(c.completeness.overdue).toBe(2);
    expect(c.completeness.nonReporters.map((n) => [n.name, n.late]).sort()).toEqual(
      [
        ['Hội Luật gia thành phố Hải Phòng', true],
        ['Hội Dược học Việt Nam', true],
      ].sort(),
    );

    const r = (await admin.get(`/api/rounds/${round}`)).json<{
      completeness: { late: number };
      reporters: { organization: { id: string }; late: boolean }[];
    }>();
    expect(r.completeness.late).toBe(c.completeness.late);
    const lateIds = r.reporters.filter((x) => x.late).map((x) => x.organization.id);
    expect(lateIds.sort()).toEqual([dl.id, pharma.id, hpLaw.id].sort());
  });
});
