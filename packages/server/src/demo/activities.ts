/**
 * The demo's activity log: what the demo units did from 15/12/2023 (the start of the 2024
 * windows) to 31/12/2025, deterministic for a given tree (one PRNG stream per organisation code).
 *
 * Where the seeds give figures, the log reproduces them exactly (SEED_FIGURES, asserted by
 * reporting.test.ts from the database):
 * - Hội Dược học Việt Nam, 9 months of 2025 (15/12/2024–14/9/2025): 58 courses, 20.415 lượt
 *   ("hơn 20.000 lượt đào tạo");
 * - Hội Kiểm toán viên hành nghề Việt Nam, same window: 64 courses, all online;
 * - Liên hiệp Hội Hải Phòng, year 2025 (15/12/2024–14/12/2025): the union's own log — 25
 *   consultancy workshops and 33 training courses with 33.180 lượt. The report says the union
 *   "chủ trì" them, so they belong to the union itself (LHH-31), not to its member associations,
 *   whose own activities come on top in the subtree;
 * - Trung tâm RIC: cash aid to 152 + 135 = 287 households in two communes (9 months of 2025).
 */
import {
  HISTORIC_PROVINCES,
  PROVINCES,
  type ActivityKind,
  type ActivityMode,
  type ProjectLevel,
} from '@lienhiep/core';
import { plausibleActivity, pickKind, topicsOf } from './activity-titles.js';
import { DEMO_HISTORIC_PROVINCES } from './names/provinces.js';
import { addDays, randInt, randomWorkday, rngFor, type Rng } from './random.js';

export const DEMO_ACTIVITIES_FROM = '2023-12-15';
export const DEMO_ACTIVITIES_TO = '2025-12-31';

export interface DemoActivityOrg {
  id: string;
  code: string;
  kind: string;
  full_name: string;
  founded_on: string;
  ended_on: string | null;
  province_code: string | null;
  historic_province_code: string | null;
  field_code: string | null;
}

export interface DemoActivityRow {
  organization_id: string;
  kind: ActivityKind;
  subtype: string | null;
  title: string;
  starts_on: string;
  ends_on: string;
  province_code: string | null;
  mode: ActivityMode;
  partners: string | null;
  description: string | null;
  project_level: ProjectLevel | null;
  sessions: number | null;
  participants: number | null;
  attendances: number | null;
  opinions: number | null;
  documents: number | null;
  households: number | null;
  amount: number | null;
}

/** Activities a year, by kind of unit (branches, clubs and collective members log little). */
const PER_YEAR: Readonly<Record<string, readonly [number, number]>> = {
  central_union: [36, 44],
  national_association: [10, 26],
  provincial_union: [14, 30],
  member_association: [3, 8],
  st_organization: [2, 6],
  branch: [0, 2],
  club: [0, 1],
  collective_member: [0, 0],
};

const SCALE: Readonly<Record<string, number>> = {
  central_union: 2,
  national_association: 1.6,
  provincial_union: 1.8,
  member_association: 1,
  st_organization: 0.8,
  branch: 0.6,
  club: 0.5,
  collective_member: 0.6,
};

export const NINE_MONTHS_2025 = { from: '2024-12-15', to: '2025-09-14' } as const;
export const YEAR_2025 = { from: '2024-12-15', to: '2025-12-14' } as const;

/** The figures of the seeds, as the demo reproduces them. */
export const SEED_FIGURES = {
  duocHoc: {
    name: 'Hội Dược học Việt Nam',
    window: NINE_MONTHS_2025,
    courses: 58,
    attendances: 20_415,
  },
  kiemToan: {
    name: 'Hội Kiểm toán viên hành nghề Việt Nam',
    window: NINE_MONTHS_2025,
    onlineCourses: 64,
  },
  haiPhong: {
    code: 'LHH-31',
    window: YEAR_2025,
    consultancyWorkshops: 25,
    courses: 33,
    attendances: 33_180,
  },
  ric: { code: 'RIC', window: NINE_MONTHS_2025, households: 287, communes: 2 },
} as const;

/** Kinds of activity whose random entries are left out for an organisation in a window. */
interface Reserved {
  kind: ActivityKind;
  from: string;
  to: string;
}

const communesBySuccessor = new Map<string, string[]>();
for (const p of DEMO_HISTORIC_PROVINCES) {
  const list = communesBySuccessor.get(p.successorCode) ?? [];
  list.push(p.commune);
  communesBySuccessor.set(p.successorCode, list);
}
const ALL_COMMUNES = DEMO_HISTORIC_PROVINCES.map((p) => p.commune);
const provinceName = new Map(
  PROVINCES.map((p) => [p.code, `${p.type === 'city' ? 'thành phố' : 'tỉnh'} ${p.name}`]),
);
const historicName = new Map(
  HISTORIC_PROVINCES.map((p) => [
    p.code,
    p.fullName.replace(/^Tỉnh/u, 'tỉnh').replace(/^Thành phố/u, 'thành phố'),
  ]),
);

function placeOf(o: DemoActivityOrg, on: string): string | null {
  if (o.kind === 'central_union' || o.kind === 'national_association') return null;
  if (o.historic_province_code && on < '2025-07-01')
    return historicName.get(o.historic_province_code) ?? null;
  return o.province_code ? (provinceName.get(o.province_code) ?? null) : null;
}

function row(
  o: DemoActivityOrg,
  a: ReturnType<typeof plausibleActivity>,
  startsOn: string,
  endsOn: string,
  description: string | null = null,
): DemoActivityRow {
  return {
    organization_id: o.id,
    kind: a.kind,
    subtype: a.subtype,
    title: a.title,
    starts_on: startsOn,
    ends_on: endsOn,
    province_code: o.province_code,
    mode: a.mode,
    partners: a.partners,
    description,
    project_level: a.projectLevel,
    sessions: a.sessions,
    participants: a.participants,
    attendances: a.attendances,
    opinions: a.opinions,
    documents: a.documents,
    households: a.households,
    amount: a.amount,
  };
}

/** n values in [min, max] whose sum is exactly `total` (the last ones absorb the difference). */
function splitTotal(rng: Rng, n: number, total: number, min: number, max: number): number[] {
  const xs = Array.from({ length: n }, () => randInt(rng, min, max));
  let diff = total - xs.reduce((s, x) => s + x, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % n) {
    const step = Math.sign(diff) * Math.min(Math.abs(diff), 25);
    xs[i] = Math.max(1, xs[i]! + step);
    diff -= step;
  }
  return xs;
}

function seedActivities(
  o: DemoActivityOrg,
  name: string,
): { rows: DemoActivityRow[]; reserved: Reserved[] } {
  const rng = rngFor(`activities:seed:${o.code}`);
  const ctx = {
    fieldCode: o.field_code,
    placeName: null,
    communes: [],
    scale: 1,
    year: 2025,
  };
  const out: DemoActivityRow[] = [];
  const dated = (from: string, to: string, days: number) => {
    const end = randomWorkday(rng, from, to);
    const start = addDays(end, -days);
    return [start < from ? from : start, end] as const;
  };
  if (name === SEED_FIGURES.duocHoc.name) {
    const f = SEED_FIGURES.duocHoc;
    const attendances = splitTotal(rng, f.courses, f.attendances, 220, 480);
    attendances.forEach((att, i) => {
      const topic = topicsOf('y_duoc')[i % topicsOf('y_duoc').length]!;
      const a = plausibleActivity(rng, 'training', ctx);
      const online = i % 5 === 0;
      const [s, e] = dated(f.window.from, f.window.to, randInt(rng, 0, 2));
      out.push(
        row(
          o,
          {
            ...a,
            title: `Lớp đào tạo liên tục ${topic} cho dược sĩ${online ? ' (trực tuyến)' : ''}`,
            mode: online ? 'online' : 'offline',
            attendances: att,
          },
          s,
          e,
          'Đào tạo liên tục cho người hành nghề dược theo Luật Dược năm 2016.',
        ),
      );
    });
    return { rows: out, reserved: [{ kind: 'training', ...f.window }] };
  }
  if (name === SEED_FIGURES.kiemToan.name) {
    const f = SEED_FIGURES.kiemToan;
    const subjects = [
      'chuẩn mực kiểm toán Việt Nam',
      'chuẩn mực báo cáo tài chính quốc tế (IFRS)',
      'đạo đức nghề nghiệp kế toán, kiểm toán',
      'kiểm toán công nghệ thông tin',
      'thuế thu nhập doanh nghiệp',
      'kiểm soát chất lượng dịch vụ kiểm toán',
      'phòng, chống rửa tiền',
      'định giá tài sản',
    ];
    for (let i = 0; i < f.onlineCourses; i++) {
      const a = plausibleActivity(rng, 'training', ctx);
      const [s, e] = dated(f.window.from, f.window.to, randInt(rng, 0, 2));
      out.push(
        row(
          o,
          {
            ...a,
            title: `Lớp cập nhật kiến thức chuyên môn về ${subjects[i % subjects.length]!} cho kiểm toán viên (trực tuyến)`,
            mode: 'online',
            attendances: randInt(rng, 45, 160),
          },
          s,
          e,
          'Bồi dưỡng chuyên môn trực tuyến cho hội viên trong và ngoài nước.',
        ),
      );
    }
    return { rows: out, reserved: [{ kind: 'training', ...f.window }] };
  }
  if (o.code === SEED_FIGURES.haiPhong.code) {
    const f = SEED_FIGURES.haiPhong;
    const place = 'thành phố Hải Phòng';
    const subjects = [
      'Quy hoạch thành phố Hải Phòng thời kỳ 2021–2030, tầm nhìn đến năm 2050',
      'Đề án sắp xếp đơn vị hành chính cấp xã của thành phố Hải Phòng',
      'dự thảo Luật Khoa học, Công nghệ và Đổi mới sáng tạo',
      'Đề án phát triển kinh tế biển thành phố Hải Phòng',
      'dự thảo Nghị quyết về chính sách thu hút nhân lực chất lượng cao của thành phố',
      'Dự án đầu tư xây dựng tuyến đường ven biển',
      'Chương trình chuyển đổi số thành phố Hải Phòng giai đoạn 2026–2030',
    ];
    for (let i = 0; i < f.consultancyWorkshops; i++) {
      const a = plausibleActivity(rng, 'consultancy', { ...ctx, placeName: place });
      const subject = subjects[i % subjects.length]!;
      const [s, e] = dated(f.window.from, f.window.to, randInt(rng, 0, 1));
      out.push(
        row(
          o,
          {
            ...a,
            subtype: subject.startsWith('dự thảo') ? 'comment' : 'critique',
            title: `Hội thảo tư vấn, phản biện ${subject}${i >= subjects.length ? ` (lần ${Math.floor(i / subjects.length) + 1})` : ''}`,
          },
          s,
          e,
          'Lấy ý kiến các chuyên gia, nhà khoa học; kết quả gửi Ủy ban nhân dân thành phố.',
        ),
      );
    }
    const topics = [
      'xây dựng pháp luật',
      'phát triển kinh tế vườn đối với hộ gia đình',
      'kỹ thuật nuôi trồng thủy hải sản',
      'phòng, chống tội phạm',
      'phòng, chống và điều trị một số loại bệnh',
      'trí tuệ nhân tạo (AI)',
    ];
    const attendances = splitTotal(rng, f.courses, f.attendances, 700, 1_350);
    attendances.forEach((att, i) => {
      const a = plausibleActivity(rng, 'training', { ...ctx, placeName: place });
      const [s, e] = dated(f.window.from, f.window.to, randInt(rng, 0, 2));
      out.push(
        row(
          o,
          {
            ...a,
            title: `Lớp tập huấn, phổ biến kiến thức về ${topics[i % topics.length]!} cho hội viên`,
            mode: i % 6 === 5 ? 'hybrid' : 'offline',
            attendances: att,
          },
          s,
          e,
        ),
      );
    });
    return {
      rows: out,
      reserved: [
        { kind: 'consultancy', ...f.window },
        { kind: 'training', ...f.window },
      ],
    };
  }
  if (o.code === SEED_FIGURES.ric.code) {
    const places: [string, number, string, string][] = [
      ['Mường Lói, tỉnh Điện Biên', 152, '2025-03-10', '2025-03-12'],
      ['Tà Xùa, tỉnh Sơn La', 135, '2025-08-18', '2025-08-20'],
    ];
    for (const [commune, households, s, e] of places) {
      const a = plausibleActivity(rng, 'welfare', { ...ctx, communes: [commune] });
      out.push(
        row(
          { ...o, province_code: commune.includes('Điện Biên') ? '11' : '14' },
          {
            ...a,
            subtype: 'cash',
            title: `Trao tiền hỗ trợ hộ nghèo tại xã ${commune}`,
            households,
            participants: households * 4,
            amount: households * 2_000_000,
          },
          s,
          e,
          'Hỗ trợ sinh kế cho hộ nghèo, hộ cận nghèo trong dự án phát triển cộng đồng nông thôn.',
        ),
      );
    }
    return { rows: out, reserved: [{ kind: 'welfare', ...YEAR_2025 }] };
  }
  return { rows: [], reserved: [] };
}

/** The demo's activities for the organisations of the demo tree (as read from the database). */
export function buildDemoActivities(orgs: readonly DemoActivityOrg[]): DemoActivityRow[] {
  const out: DemoActivityRow[] = [];
  for (const o of [...orgs].sort((a, b) => a.code.localeCompare(b.code))) {
    const from = o.founded_on > DEMO_ACTIVITIES_FROM ? o.founded_on : DEMO_ACTIVITIES_FROM;
    const lastDay = o.ended_on ? addDays(o.ended_on, -1) : DEMO_ACTIVITIES_TO;
    const to = lastDay < DEMO_ACTIVITIES_TO ? lastDay : DEMO_ACTIVITIES_TO;
    if (to < from) continue;
    const seeded = seedActivities(o, o.full_name);
    out.push(...seeded.rows);
    const [min, max] = PER_YEAR[o.kind] ?? [0, 0];
    const rng = rngFor(`activities:${o.code}`);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    const n = Math.round((randInt(rng, min, max) * days) / 365);
    const scale = SCALE[o.kind] ?? 1;
    for (let i = 0; i < n; i++) {
      const kind = pickKind(rng, o.kind);
      const endsOn = randomWorkday(rng, from, to);
      if (seeded.reserved.some((r) => r.kind === kind && endsOn >= r.from && endsOn <= r.to))
        continue;
      const a = plausibleActivity(rng, kind, {
        fieldCode: o.field_code,
        placeName: placeOf(o, endsOn),
        communes: (o.province_code && communesBySuccessor.get(o.province_code)) || ALL_COMMUNES,
        scale,
        year: Number(endsOn.slice(0, 4)),
        month: Number(endsOn.slice(5, 7)),
      });
      let startsOn = addDays(endsOn, -a.days);
      // an activity starts after its unit was founded (a long project may start before the log)
      if (startsOn < o.founded_on) startsOn = o.founded_on;
      out.push(row(o, a, startsOn, endsOn));
    }
  }
  return out;
}
