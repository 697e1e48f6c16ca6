import { FIELDS_OF_ACTIVITY, PROVINCES, type OrganizationKind } from '@lienhiep/core';
import { randomUUID } from 'node:crypto';
import { seededRandom } from './random.js';

export interface GeneratedOrg {
  id: string;
  code: string;
  kind: OrganizationKind;
  fullName: string;
  shortName: string | null;
  provinceCode: string | null;
  fieldCode: string | null;
  foundedOn: string;
  parentId: string;
  linkFrom: string;
}

const ASSOCIATION_SUBJECTS = [
  'Luật gia',
  'Y học',
  'Dược học',
  'Đông y',
  'Làm vườn',
  'Tin học',
  'Kinh tế',
  'Khoa học Lịch sử',
  'Văn nghệ dân gian',
  'Kiến trúc sư',
  'Xây dựng',
  'Cơ khí',
  'Điện lực',
  'Thủy lợi',
  'Nuôi ong',
  'Sinh vật cảnh',
  'Khoa học Tâm lý – Giáo dục',
  'Châm cứu',
  'Điều dưỡng',
  'Kế toán và Kiểm toán',
  'Địa lý',
  'Môi trường',
  'Giống cây trồng',
  'Thú y',
  'Nông học',
  'Ngôn ngữ học',
  'Toán học',
  'Vật lý',
  'Hóa học',
  'Công nghệ sinh học',
  'Khuyến học',
  'Y tế công cộng',
  'Phục hồi chức năng',
];
const UNIT_PREFIXES = [
  'Viện Nghiên cứu',
  'Trung tâm Tư vấn',
  'Trung tâm Chuyển giao Công nghệ',
  'Viện Phát triển',
  'Trung tâm Ứng dụng',
];
const UNIT_TOPICS = [
  'Phát triển Cộng đồng',
  'Năng lượng tái tạo',
  'Nông nghiệp bền vững',
  'Y tế cộng đồng',
  'Môi trường và Biến đổi khí hậu',
  'Kinh tế số',
  'Giáo dục STEM',
  'Công nghệ thông tin',
];
const CLUB_TOPICS = [
  'Nhà khoa học trẻ',
  'Trí thức hưu trí',
  'Doanh nhân khoa học',
  'Sáng tạo trẻ',
  'Nữ trí thức',
  'Chuyển đổi số',
];
const COLLECTIVE = [
  'Trường Đại học',
  'Trường Cao đẳng',
  'Công ty Cổ phần Công nghệ',
  'Công ty TNHH Tư vấn',
  'Bệnh viện Đa khoa',
];
const COLLECTIVE_TOPICS = [
  'Kỹ thuật',
  'Y Dược',
  'Nông Lâm',
  'Kinh tế – Kỹ thuật',
  'Sư phạm',
  'Xanh',
  'Phương Nam',
  'Miền Trung',
];

function isoDate(r: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A national-size tree under an existing central union: national associations and provincial
 * unions, then member associations, institutes, clubs, collective members and branches in the
 * proportions of the real system, until `total` organisations exist.
 */
export function generateTree(opts: {
  total: number;
  seed: number;
  prefix: string;
  rootId: string;
  rootFounded: string;
}): GeneratedOrg[] {
  const r = seededRandom(opts.seed);
  const pickOf = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: GeneratedOrg[] = [];
  const later = (a: string, b: string) => (a > b ? a : b);
  const add = (o: Omit<GeneratedOrg, 'id' | 'code' | 'linkFrom'>, parentFounded: string) => {
    const org = {
      ...o,
      id: randomUUID(),
      code: `${opts.prefix}-${String(out.length + 1).padStart(6, '0')}`,
      linkFrom: later(o.foundedOn, parentFounded),
    };
    out.push(org);
    return org;
  };
  const nationals: GeneratedOrg[] = [];
  const provincials: GeneratedOrg[] = [];
  const members: GeneratedOrg[] = [];
  const nationalCount = Math.min(93, Math.max(1, Math.floor(opts.total * 0.01)));
  for (let i = 0; i < nationalCount && out.length < opts.total; i++) {
    const subject = ASSOCIATION_SUBJECTS[i % ASSOCIATION_SUBJECTS.length]!;
    const field = pickOf(FIELDS_OF_ACTIVITY);
    nationals.push(
      add(
        {
          kind: 'national_association',
          fullName: `Hội ${subject} Việt Nam${i >= ASSOCIATION_SUBJECTS.length ? ` (phân ngành ${Math.floor(i / ASSOCIATION_SUBJECTS.length) + 1})` : ''}`,
          shortName: `Hội ${subject}`,
          provinceCode: '01',
          fieldCode: field.code,
          foundedOn: isoDate(r, 1960, 2015),
          parentId: opts.rootId,
        },
        opts.rootFounded,
      ),
    );
  }
  for (const p of PROVINCES) {
    if (out.length >= opts.total) break;
    const place = p.type === 'city' ? 'thành phố' : 'tỉnh';
    provincials.push(
      add(
        {
          kind: 'provincial_union',
          fullName: `Liên hiệp các Hội Khoa học và Kỹ thuật ${place} ${p.name} (mô phỏng)`,
          shortName: `Liên hiệp Hội ${p.name}`,
          provinceCode: p.code,
          fieldCode: 'da_nganh',
          foundedOn: isoDate(r, 1988, 2008),
          parentId: opts.rootId,
        },
        opts.rootFounded,
      ),
    );
  }
  const provinceName = (code: string | null) => PROVINCES.find((p) => p.code === code)?.name ?? '';
  while (out.length < opts.total) {
    const roll = r();
    if (roll < 0.45 && provincials.length > 0) {
      const parent = pickOf(provincials);
      members.push(
        add(
          {
            kind: 'member_association',
            fullName: `Hội ${pickOf(ASSOCIATION_SUBJECTS)} ${provinceName(parent.provinceCode)} ${members.length + 1}`,
            shortName: null,
            provinceCode: parent.provinceCode,
            fieldCode: pickOf(FIELDS_OF_ACTIVITY).code,
            foundedOn: isoDate(r, 1990, 2024),
            parentId: parent.id,
          },
          parent.foundedOn,
        ),
      );
    } else if (roll < 0.6) {
      const parent =
        r() < 0.5 && provincials.length > 0
          ? pickOf(provincials)
          : nationals.length > 0
            ? pickOf(nationals)
            : pickOf(provincials);
      add(
        {
          kind: 'st_organization',
          fullName: `${pickOf(UNIT_PREFIXES)} ${pickOf(UNIT_TOPICS)} ${out.length + 1}`,
          shortName: null,
          provinceCode: parent.provinceCode,
          fieldCode: pickOf(FIELDS_OF_ACTIVITY).code,
          foundedOn: isoDate(r, 1995, 2024),
          parentId: parent.id,
        },
        parent.foundedOn,
      );
    } else if (roll < 0.7) {
      const parent =
        members.length > 0 && r() < 0.5
          ? pickOf(members)
          : provincials.length > 0
            ? pickOf(provincials)
            : pickOf(nationals);
      add(
        {
          kind: 'club',
          fullName:
            `Câu lạc bộ ${pickOf(CLUB_TOPICS)} ${provinceName(parent.provinceCode)} ${out.length + 1}`.replace(
              /\s+/g,
              ' ',
            ),
          shortName: null,
          provinceCode: parent.provinceCode,
          fieldCode: null,
          foundedOn: isoDate(r, 2000, 2025),
          parentId: parent.id,
        },
        parent.foundedOn,
      );
    } else if (roll < 0.82 && provincials.length > 0) {
      const parent = pickOf(provincials);
      add(
        {
          kind: 'collective_member',
          fullName: `${pickOf(COLLECTIVE)} ${pickOf(COLLECTIVE_TOPICS)} ${provinceName(parent.provinceCode)} ${out.length + 1}`,
          shortName: null,
          provinceCode: parent.provinceCode,
          fieldCode: null,
          foundedOn: isoDate(r, 1970, 2024),
          parentId: parent.id,
        },
        parent.foundedOn,
      );
    } else {
      const parent =
        members.length > 0 && r() < 0.4
          ? pickOf(members)
          : nationals.length > 0
            ? pickOf(nationals)
            : pickOf(members);
      add(
        {
          kind: 'branch',
          fullName: `Chi hội ${parent.shortName ?? parent.fullName} số ${out.length + 1}`,
          shortName: null,
          provinceCode: parent.provinceCode,
          fieldCode: parent.fieldCode,
          foundedOn: isoDate(r, 2000, 2025),
          parentId: parent.id,
        },
        parent.foundedOn,
      );
    }
  }
  return out;
}
