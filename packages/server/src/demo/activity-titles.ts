/**
 * Words for plausible activity titles, by field of activity and kind: what a secretariat writes
 * in its log ("Lớp tập huấn nâng cao năng lực tư vấn, phản biện cho cán bộ hội", "Hội thảo góp ý
 * dự thảo Luật Khoa học, Công nghệ và Đổi mới sáng tạo"). Shared by the demo and the scale
 * generator; pure data and pure functions of a seeded PRNG.
 */
import type { ActivityKind, ActivityMode, ProjectLevel } from '@lienhiep/core';

type Rnd = () => number;
const pickOf = <T>(r: Rnd, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: Rnd, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

/** Subjects of training, workshops and talks by field (the codes of FIELDS_OF_ACTIVITY). */
const TOPICS: Readonly<Record<string, readonly string[]>> = {
  y_duoc: [
    'cập nhật kiến thức dược lâm sàng',
    'sử dụng kháng sinh hợp lý, an toàn',
    'thực hành tốt nhà thuốc (GPP)',
    'chăm sóc sức khỏe người cao tuổi tại cộng đồng',
    'phòng, chống bệnh không lây nhiễm',
    'y học cổ truyền kết hợp y học hiện đại',
  ],
  nong_nghiep: [
    'kỹ thuật trồng và chăm sóc cây ăn quả theo tiêu chuẩn VietGAP',
    'phòng trừ sâu bệnh hại lúa',
    'nuôi trồng thủy sản bền vững',
    'phát triển kinh tế vườn đối với hộ gia đình',
    'chăn nuôi an toàn sinh học',
    'sản xuất nông nghiệp hữu cơ',
  ],
  ky_thuat: [
    'an toàn điện trong sản xuất',
    'tiết kiệm năng lượng trong doanh nghiệp',
    'bảo trì, bảo dưỡng thiết bị cơ khí',
    'ứng dụng tự động hóa trong sản xuất',
    'năng lượng tái tạo và điện mặt trời mái nhà',
  ],
  cntt: [
    'ứng dụng trí tuệ nhân tạo (AI) trong công việc',
    'bảo đảm an toàn thông tin',
    'chuyển đổi số trong hoạt động hội',
    'kỹ năng số cho người dân',
    'phòng, chống lừa đảo trên không gian mạng',
  ],
  kinh_te: [
    'chuẩn mực kiểm toán và kế toán quốc tế',
    'quản trị tài chính doanh nghiệp nhỏ và vừa',
    'chính sách thuế mới',
    'khởi nghiệp đổi mới sáng tạo',
    'kinh tế tuần hoàn',
  ],
  luat: [
    'xây dựng pháp luật',
    'phổ biến Luật Đất đai năm 2024',
    'phòng, chống tội phạm',
    'kỹ năng hòa giải ở cơ sở',
    'pháp luật về hội',
  ],
  khxh: [
    'bảo tồn và phát huy giá trị di sản văn hóa',
    'công tác xã hội và chăm sóc trẻ em',
    'bình đẳng giới',
    'nghiên cứu lịch sử địa phương',
  ],
  tu_nhien: [
    'đổi mới phương pháp dạy học môn Toán',
    'ứng dụng vật lý hạt nhân trong y tế',
    'an toàn hóa chất trong phòng thí nghiệm',
    'khoa học dữ liệu',
  ],
  moi_truong: [
    'ứng phó với biến đổi khí hậu',
    'phân loại rác thải tại nguồn',
    'bảo vệ nguồn nước sinh hoạt',
    'quản lý chất thải nhựa',
    'phòng, chống thiên tai',
  ],
  giao_duc: [
    'giáo dục STEM trong trường phổ thông',
    'kỹ năng sống cho học sinh',
    'xây dựng xã hội học tập',
    'đổi mới kiểm tra, đánh giá học sinh',
  ],
  van_hoa: [
    'sưu tầm, bảo tồn văn nghệ dân gian',
    'phát triển du lịch cộng đồng',
    'bảo tồn nghề truyền thống',
  ],
  xay_dung: [
    'quy hoạch và phát triển đô thị bền vững',
    'an toàn lao động trong thi công xây dựng',
    'công trình xanh, tiết kiệm năng lượng',
    'kiến trúc nhà ở nông thôn',
  ],
  da_nganh: [
    'nâng cao năng lực tư vấn, phản biện cho cán bộ hội',
    'kỹ năng truyền thông khoa học',
    'công tác thi đua, khen thưởng',
    'sở hữu trí tuệ và chuyển giao công nghệ',
    'triển khai Nghị quyết số 57-NQ/TW về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  ],
};

export function topicsOf(fieldCode: string | null): readonly string[] {
  return (fieldCode && TOPICS[fieldCode]) || TOPICS.da_nganh!;
}

/** Drafts of 2024–2025 units were asked to comment on. */
const DRAFTS = [
  'dự thảo Luật Khoa học, Công nghệ và Đổi mới sáng tạo',
  'dự thảo Luật Chuyển đổi số',
  'dự thảo Luật Trí tuệ nhân tạo',
  'dự thảo Luật Công nghiệp công nghệ số',
  'dự thảo Luật Dược (sửa đổi, bổ sung)',
  'dự thảo Luật Nhà giáo',
  'dự thảo Luật Chuyển giao công nghệ (sửa đổi)',
  'dự thảo Nghị định quy định về tổ chức, hoạt động và quản lý hội',
  'dự thảo Nghị định hướng dẫn Luật Đất đai năm 2024',
  'dự thảo Luật Bảo vệ môi trường (sửa đổi)',
  'dự thảo Luật Sở hữu trí tuệ (sửa đổi)',
  'dự thảo Nghị quyết sửa đổi Hiến pháp năm 2013',
];

const PLANS = [
  'Đề án sắp xếp đơn vị hành chính cấp xã',
  'Quy hoạch tỉnh thời kỳ 2021–2030, tầm nhìn đến năm 2050',
  'Đề án phát triển nông nghiệp công nghệ cao',
  'Kế hoạch chuyển đổi số giai đoạn 2026–2030',
  'Dự án đầu tư xây dựng khu xử lý chất thải rắn',
  'Đề án phát triển du lịch sinh thái',
  'Chương trình phát triển đô thị',
];

const COUNTRIES = [
  ['Nhật Bản', 'Tokyo'],
  ['Hàn Quốc', 'Seoul'],
  ['Cộng hòa Pháp', 'Paris'],
  ['Cộng hòa Liên bang Đức', 'Berlin'],
  ['Ô-xtrây-li-a', 'Sydney'],
  ['Thái Lan', 'Băng Cốc'],
  ['Lào', 'Viêng Chăn'],
  ['Xin-ga-po', 'Xin-ga-po'],
  ['Trung Quốc', 'Bắc Kinh'],
  ['Hoa Kỳ', 'Washington'],
] as const;

export interface TitledActivity {
  kind: ActivityKind;
  subtype: string | null;
  title: string;
  mode: ActivityMode;
  projectLevel: ProjectLevel | null;
  partners: string | null;
  /** Days between start and end. */
  days: number;
  sessions: number | null;
  participants: number | null;
  attendances: number | null;
  opinions: number | null;
  documents: number | null;
  households: number | null;
  amount: number | null;
}

/** One plausible activity of a kind: title, subtype, mode and only the figures its kind records. */
export function plausibleActivity(
  r: Rnd,
  kind: ActivityKind,
  ctx: {
    fieldCode: string | null;
    /** the place in titles: "thành phố Hải Phòng", "tỉnh Lâm Đồng" */
    placeName: string | null;
    /** communes for welfare titles */
    communes: readonly string[];
    /** a bigger unit logs bigger figures */
    scale: number;
    year: number;
    /** month the activity ends (1–12): Tết gifts are given around Tết */
    month?: number;
  },
): TitledActivity {
  const topic = pickOf(r, topicsOf(ctx.fieldCode));
  const s = ctx.scale;
  const money = (min: number, max: number) => between(r, min, max) * 1_000_000;
  const base: TitledActivity = {
    kind,
    subtype: null,
    title: '',
    mode: 'offline',
    projectLevel: null,
    partners: null,
    days: 0,
    sessions: null,
    participants: null,
    attendances: null,
    opinions: null,
    documents: null,
    households: null,
    amount: null,
  };
  switch (kind) {
    case 'training': {
      const roll = r();
      const mode: ActivityMode = roll < 0.22 ? 'online' : roll < 0.3 ? 'hybrid' : 'offline';
      const form = pickOf(r, [
        'Lớp tập huấn',
        'Lớp bồi dưỡng kiến thức',
        'Khóa đào tạo ngắn hạn về',
        'Lớp tập huấn, phổ biến kiến thức về',
      ]);
      return {
        ...base,
        title: `${form} ${topic}${mode === 'online' ? ' (trực tuyến)' : ''}`,
        mode,
        days: between(r, 0, 4),
        sessions: 1,
        attendances: Math.round(between(r, 30, 160) * s),
        amount: r() < 0.7 ? money(15, 180) : null,
      };
    }
    case 'event': {
      const subtype = pickOf(r, ['workshop', 'workshop', 'conference', 'roundtable', 'forum']);
      const head =
        subtype === 'workshop'
          ? 'Hội thảo khoa học'
          : subtype === 'conference'
            ? 'Hội nghị'
            : subtype === 'roundtable'
              ? 'Tọa đàm'
              : 'Diễn đàn';
      const title =
        subtype === 'conference' && r() < 0.5
          ? `Hội nghị Ban Chấp hành lần thứ ${between(r, 2, 12)}, sơ kết công tác ${ctx.year}`
          : `${head} "${capitalise(topic)}"`;
      return {
        ...base,
        subtype,
        title,
        mode: r() < 0.15 ? 'hybrid' : 'offline',
        days: between(r, 0, 1),
        participants: Math.round(between(r, 40, 220) * s),
        amount: r() < 0.6 ? money(10, 150) : null,
      };
    }
    case 'consultancy': {
      const subtype = pickOf(r, ['comment', 'comment', 'critique', 'assessment', 'council']);
      const place = ctx.placeName ? ` ${ctx.placeName}` : '';
      const title =
        subtype === 'comment'
          ? `Hội thảo góp ý ${pickOf(r, DRAFTS)}`
          : subtype === 'critique'
            ? `Phản biện xã hội ${pickOf(r, PLANS)}${place}`
            : subtype === 'assessment'
              ? `Giám định xã hội ${pickOf(r, PLANS)}${place}`
              : `Hội đồng tư vấn thẩm định ${pickOf(r, PLANS)}${place}`;
      return {
        ...base,
        subtype,
        title,
        days: between(r, 0, 20),
        documents: between(r, 1, 3),
        opinions: between(r, 6, 45),
        participants: between(r, 5, 25),
        amount: r() < 0.5 ? money(20, 120) : null,
      };
    }
    case 'project': {
      const lr = r();
      const projectLevel: ProjectLevel =
        lr < 0.08 ? 'national' : lr < 0.25 ? 'ministerial' : lr < 0.7 ? 'provincial' : 'grassroots';
      const budget =
        projectLevel === 'national'
          ? money(3000, 9000)
          : projectLevel === 'ministerial'
            ? money(800, 3000)
            : projectLevel === 'provincial'
              ? money(250, 1200)
              : money(40, 250);
      return {
        ...base,
        title: `Đề tài "Nghiên cứu, ứng dụng giải pháp ${topic}${ctx.placeName ? ` tại ${ctx.placeName}` : ''}"`,
        projectLevel,
        days: between(r, 180, 700),
        amount: budget,
        participants: between(r, 5, 18),
      };
    }
    case 'international': {
      const subtype = pickOf(r, ['delegation_in', 'delegation_out', 'agreement', 'event']);
      const [country, city] = pickOf(r, COUNTRIES);
      const title =
        subtype === 'delegation_in'
          ? `Đón đoàn chuyên gia ${country} trao đổi về ${topic}`
          : subtype === 'delegation_out'
            ? `Đoàn công tác trao đổi kinh nghiệm về ${topic} tại ${city} (${country})`
            : subtype === 'agreement'
              ? `Ký kết biên bản ghi nhớ hợp tác với đối tác ${country}`
              : `Hội thảo quốc tế về ${topic}`;
      return {
        ...base,
        subtype,
        title,
        mode: subtype === 'event' && r() < 0.4 ? 'hybrid' : 'offline',
        partners: `Đối tác ${country}`,
        days: between(r, 0, 6),
        participants: between(r, 4, subtype === 'event' ? 180 : 25),
        amount: r() < 0.5 ? money(30, 400) : null,
      };
    }
    case 'contest': {
      const subtype = pickOf(r, ['technical', 'youth', 'other']);
      const place = ctx.placeName ?? 'toàn quốc';
      const n = between(r, 3, 19);
      const title =
        subtype === 'technical'
          ? `Hội thi Sáng tạo kỹ thuật ${place} lần thứ ${n} (${ctx.year - 1}–${ctx.year})`
          : subtype === 'youth'
            ? `Cuộc thi Sáng tạo Thanh thiếu niên Nhi đồng ${place} lần thứ ${n}`
            : `Cuộc thi tìm hiểu về ${topic}`;
      return {
        ...base,
        subtype,
        title,
        days: between(r, 30, 200),
        documents: between(r, 20, 160),
        participants: between(r, 40, 600),
        amount: money(30, 300),
      };
    }
    case 'outreach': {
      const subtype = pickOf(r, ['talk', 'talk', 'article', 'publication']);
      const title =
        subtype === 'talk'
          ? `Nói chuyện chuyên đề về ${topic}`
          : subtype === 'article'
            ? `Chuyên mục phổ biến kiến thức về ${topic} trên báo, đài ${ctx.placeName ?? 'trung ương'}`
            : `Xuất bản tài liệu, tờ gấp về ${topic}`;
      return {
        ...base,
        subtype,
        title,
        mode: subtype === 'article' ? 'online' : 'offline',
        days: subtype === 'talk' ? 0 : between(r, 10, 90),
        sessions: subtype === 'talk' ? 1 : between(r, 4, 24),
        participants: Math.round(
          (subtype === 'talk' ? between(r, 40, 400) : between(r, 500, 2500)) * s,
        ),
      };
    }
    case 'welfare': {
      const subtype = pickOf(r, ['cash', 'goods', 'goods', 'health']);
      const commune = ctx.communes.length ? pickOf(r, ctx.communes) : 'vùng cao';
      const title =
        subtype === 'cash'
          ? `Trao tiền hỗ trợ hộ nghèo tại xã ${commune}`
          : subtype === 'goods'
            ? ctx.month === 12 || ctx.month === 1 || ctx.month === 2
              ? `Trao quà Tết cho hộ gia đình có hoàn cảnh khó khăn tại xã ${commune}`
              : `Trao quà hỗ trợ hộ gia đình có hoàn cảnh khó khăn tại xã ${commune}`
            : `Khám bệnh, cấp thuốc miễn phí cho người dân xã ${commune}`;
      const households = between(r, 15, 180);
      return {
        ...base,
        subtype,
        title,
        households,
        participants: households * between(r, 3, 4),
        amount: households * between(r, 3, 12) * 100_000,
      };
    }
    case 'other': {
      const title = pickOf(r, [
        'Kiểm tra, giám sát hoạt động của các chi hội',
        'Tổng kết công tác thi đua, khen thưởng',
        'Gặp mặt trí thức tiêu biểu nhân dịp Ngày Khoa học và Công nghệ Việt Nam 18/5',
        'Kiện toàn tổ chức, nhân sự Ban Thường vụ',
        'Phát triển hội viên và thành lập chi hội mới',
      ]);
      return {
        ...base,
        title,
        days: between(r, 0, 3),
        participants: between(r, 15, 120),
        amount: r() < 0.3 ? money(5, 60) : null,
      };
    }
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** How often each kind appears in the log of a unit of a kind (weights). */
export const KIND_WEIGHTS: Readonly<Record<string, readonly [ActivityKind, number][]>> = {
  central_union: [
    ['training', 25],
    ['event', 25],
    ['consultancy', 25],
    ['international', 15],
    ['project', 5],
    ['other', 5],
  ],
  national_association: [
    ['training', 30],
    ['event', 20],
    ['consultancy', 15],
    ['project', 8],
    ['international', 8],
    ['outreach', 10],
    ['welfare', 4],
    ['contest', 1],
    ['other', 4],
  ],
  provincial_union: [
    ['training', 25],
    ['event', 15],
    ['consultancy', 20],
    ['project', 6],
    ['international', 3],
    ['contest', 5],
    ['outreach', 15],
    ['welfare', 6],
    ['other', 5],
  ],
  member_association: [
    ['training', 30],
    ['event', 15],
    ['consultancy', 8],
    ['project', 3],
    ['outreach', 25],
    ['welfare', 12],
    ['contest', 2],
    ['other', 5],
  ],
  st_organization: [
    ['training', 20],
    ['event', 15],
    ['consultancy', 10],
    ['project', 25],
    ['international', 8],
    ['outreach', 10],
    ['welfare', 7],
    ['other', 5],
  ],
  branch: [
    ['training', 40],
    ['event', 20],
    ['outreach', 25],
    ['welfare', 10],
    ['other', 5],
  ],
  club: [
    ['event', 35],
    ['outreach', 35],
    ['training', 20],
    ['other', 10],
  ],
  collective_member: [
    ['training', 40],
    ['project', 30],
    ['event', 30],
  ],
};

export function pickKind(r: Rnd, orgKind: string): ActivityKind {
  const weights = KIND_WEIGHTS[orgKind] ?? KIND_WEIGHTS.member_association!;
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [k, w] of weights) if ((x -= w) < 0) return k;
  return weights[0]![0];
}
