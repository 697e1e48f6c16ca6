import { describe, it, expect } from 'vitest';
import { buildDemoDataset } from './dataset.js';
import type { DemoDataset, DemoOrganization, OrganizationKind } from './dataset-types.js';

const data = buildDemoDataset();

/** Organisations of the dataset plus those created by splits. */
const allOrganizations: DemoOrganization[] = [
  ...data.organizations,
  ...data.events.flatMap((e) => (e.kind === 'split' ? e.newOrganizations : [])),
];
const byKey = new Map(allOrganizations.map((o) => [o.key, o]));

function org(key: string): DemoOrganization {
  const o = byKey.get(key);
  if (o === undefined) throw new Error(`unknown key ${key}`);
  return o;
}

// Same rule as ALLOWED_PARENT_KINDS in @lienhiep/core.
const ALLOWED_PARENT_KINDS: Record<OrganizationKind, readonly OrganizationKind[]> = {
  central_union: [],
  national_association: ['central_union'],
  provincial_union: ['central_union'],
  member_association: ['provincial_union'],
  branch: ['national_association', 'member_association'],
  st_organization: [
    'central_union',
    'national_association',
    'provincial_union',
    'member_association',
  ],
  club: ['national_association', 'provincial_union', 'member_association'],
  collective_member: ['national_association', 'provincial_union', 'member_association'],
};

interface Node {
  org: DemoOrganization;
  parentKey: string | null;
  fullName: string;
  /** First day it no longer exists. */
  endsOn: string | null;
}

/**
 * Replays the events in order. Returns the tree as of `date` (inclusive):
 * organisations founded by then and not yet ended, with their parent and name
 * after every event effective on or before that date.
 */
function stateAt(dataset: DemoDataset, date: string): Map<string, Node> {
  const nodes = new Map<string, Node>();
  const addNode = (o: DemoOrganization): void => {
    nodes.set(o.key, { org: o, parentKey: o.parentKey, fullName: o.fullName, endsOn: null });
  };
  dataset.organizations.forEach(addNode);
  const node = (key: string): Node => {
    const n = nodes.get(key);
    if (n === undefined) throw new Error(`unknown key ${key}`);
    return n;
  };
  for (const e of dataset.events) {
    if (e.effectiveDate > date) break;
    switch (e.kind) {
      case 'merge':
        for (const source of e.sourceKeys) {
          node(source).endsOn = e.effectiveDate;
          for (const n of nodes.values()) if (n.parentKey === source) n.parentKey = e.survivorKey;
        }
        break;
      case 'rename':
        node(e.organizationKey).fullName = e.fullName;
        break;
      case 'move':
        node(e.organizationKey).parentKey = e.newParentKey;
        break;
      case 'split':
        e.newOrganizations.forEach(addNode);
        for (const m of e.childMoves) node(m.childKey).parentKey = m.toKey;
        if (!e.sourceContinues) node(e.sourceKey).endsOn = e.effectiveDate;
        break;
      case 'dissolve':
        node(e.organizationKey).endsOn = e.effectiveDate;
        break;
    }
  }
  const alive = new Map<string, Node>();
  for (const [key, n] of nodes) {
    if (n.org.foundedOn <= date && (n.endsOn === null || date < n.endsOn)) alive.set(key, n);
  }
  return alive;
}

function childrenByKind(state: Map<string, Node>, parentKey: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of state.values()) {
    if (n.parentKey === parentKey) counts[n.org.kind] = (counts[n.org.kind] ?? 0) + 1;
  }
  return counts;
}

function countKind(state: Map<string, Node>, kind: OrganizationKind): number {
  return [...state.values()].filter((n) => n.org.kind === kind).length;
}

/** End date of every organisation that ends, from the events. */
const endsOn = new Map<string, string>();
for (const e of data.events) {
  if (e.kind === 'merge') for (const k of e.sourceKeys) endsOn.set(k, e.effectiveDate);
  if (e.kind === 'dissolve') endsOn.set(e.organizationKey, e.effectiveDate);
  if (e.kind === 'split' && !e.sourceContinues) endsOn.set(e.sourceKey, e.effectiveDate);
}
const aliveOn = (key: string, date: string): boolean => {
  const o = byKey.get(key);
  const end = endsOn.get(key);
  return o !== undefined && o.foundedOn <= date && (end === undefined || date < end);
};

describe('demo dataset: organisations', () => {
  it('has unique ASCII keys', () => {
    const keys = allOrganizations.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[A-Z0-9-]+$/);
  });

  it('has a single root, the central union', () => {
    const roots = data.organizations.filter((o) => o.parentKey === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({
      key: 'VUSTA',
      kind: 'central_union',
      fullName: 'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam',
      shortName: 'Liên hiệp Hội Việt Nam',
      foundedOn: '1983-03-26',
      provinceCode: '01',
      address: '53 Nguyễn Du, phường Hai Bà Trưng, Hà Nội',
    });
  });

  it('attaches every unit to an existing parent of a sensible kind, alive when the unit is founded', () => {
    for (const o of allOrganizations) {
      if (o.parentKey === null) continue;
      const parent = org(o.parentKey);
      expect(parent.foundedOn <= o.foundedOn, `${o.key} founded before ${parent.key}`).toBe(true);
      expect(aliveOn(parent.key, o.foundedOn), `${parent.key} gone when ${o.key} founded`).toBe(
        true,
      );
      expect(ALLOWED_PARENT_KINDS[o.kind], `${o.kind} under ${parent.kind}`).toContain(parent.kind);
    }
  });

  it('has plausible dates and founding decisions', () => {
    for (const o of allOrganizations) {
      expect(o.foundedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(o.foundedOn >= '1983-03-26' && o.foundedOn <= '2025-12-31').toBe(true);
      if (o.foundingDecision !== null) {
        expect(o.foundingDecision.date <= o.foundedOn, o.key).toBe(true);
        expect(o.foundingDecision.number).toMatch(/^\d+[/-]/);
        expect(o.foundingDecision.issuer.length).toBeGreaterThan(5);
      }
    }
  });

  it('has the expected size', () => {
    expect(allOrganizations.length).toBeGreaterThanOrEqual(2000);
    expect(allOrganizations.length).toBeLessThanOrEqual(3500);
    const count = (kind: OrganizationKind) =>
      allOrganizations.filter((o) => o.kind === kind).length;
    expect(count('central_union')).toBe(1);
    expect(count('national_association')).toBe(93);
    expect(count('provincial_union')).toBe(63);
    const directSt = allOrganizations.filter(
      (o) => o.kind === 'st_organization' && o.parentKey === 'VUSTA',
    );
    expect(directSt.length).toBeGreaterThanOrEqual(55);
    expect(directSt.length).toBeLessThanOrEqual(65);
  });

  it('names the national associations of the seed articles', () => {
    const state = stateAt(data, '2025-12-31');
    const names = new Set(
      [...state.values()]
        .filter((n) => n.org.kind === 'national_association')
        .map((n) => n.fullName),
    );
    for (const name of [
      'Hội Dược học Việt Nam',
      'Hội Nghiên cứu bệnh học thực vật Việt Nam',
      'Hội Kiểm toán viên hành nghề Việt Nam',
      'Hội Vô tuyến Điện tử Việt Nam',
      'Hội Sinh vật cảnh Việt Nam',
      'Hội Quy hoạch và Phát triển đô thị Việt Nam',
      'Hội Giống cây trồng Việt Nam',
      'Tổng hội Địa chất Việt Nam',
      'Tổng hội Xây dựng Việt Nam',
      'Hội Tin học Việt Nam',
    ]) {
      expect(names, name).toContain(name);
    }
    expect(org('RIC')).toMatchObject({
      kind: 'st_organization',
      parentKey: 'VUSTA',
      shortName: 'Trung tâm RIC',
    });
    expect(org('RIC').fullName).toContain('(RIC)');
    expect(allOrganizations.map((o) => o.fullName)).toContain(
      'Chi hội Dược học Bệnh viện Bạch Mai',
    );
  });

  it('uses clean, NFC Vietnamese names', () => {
    for (const o of allOrganizations) {
      for (const s of [o.fullName, o.shortName, o.address]) {
        if (s === null) continue;
        expect(s, o.key).toBe(s.normalize('NFC'));
        expect(s, o.key).not.toMatch(/\b(Org|Test|Lorem)\b|Hội \d+$/);
        expect(s, o.key).not.toMatch(/[{}]|undefined|null|\s{2}|^\s|\s$/);
      }
    }
    for (const e of data.events) {
      if (e.kind === 'rename') expect(e.fullName).toBe(e.fullName.normalize('NFC'));
      expect(e.note).toBe(e.note.normalize('NFC'));
    }
  });

  it('gives siblings distinct names', () => {
    const seen = new Set<string>();
    for (const o of allOrganizations) {
      const id = `${o.parentKey ?? ''}|${o.fullName}`;
      expect(seen.has(id), id).toBe(false);
      seen.add(id);
    }
  });

  it('has plausible contacts and codes', () => {
    const fields = new Set([
      'y_duoc',
      'nong_nghiep',
      'ky_thuat',
      'cntt',
      'kinh_te',
      'luat',
      'khxh',
      'tu_nhien',
      'moi_truong',
      'giao_duc',
      'van_hoa',
      'xay_dung',
      'da_nganh',
    ]);
    for (const o of allOrganizations) {
      if (o.fieldCode !== null) expect(fields, o.key).toContain(o.fieldCode);
      if (o.phone !== null) expect(o.phone, o.key).toMatch(/^0\d{2,3} \d{3,4} \d{3,4}$/);
      if (o.email !== null) expect(o.email, o.key).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]{2,}$/);
      if (o.website !== null)
        expect(o.website, o.key).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}$/);
      if (o.address !== null) expect(o.address, o.key).toMatch(/(phường|xã) .+, .+$/);
    }
    expect(org('LHH-31').phone).toMatch(/^0225 /);
    expect(org('HNTQ-004').email).toBe('vanphong@hoiduochoc.vn');
  });

  it('gives provincial units their historic and current province', () => {
    const historicOf = (o: DemoOrganization): string | null => {
      let cur: DemoOrganization | undefined = o;
      while (cur !== undefined && cur.kind !== 'provincial_union') {
        cur = cur.parentKey === null ? undefined : byKey.get(cur.parentKey);
      }
      return cur?.historicProvinceCode ?? null;
    };
    for (const o of allOrganizations) {
      const union = historicOf(o);
      if (union === null) {
        expect(o.historicProvinceCode, o.key).toBeNull();
        continue;
      }
      // Units founded after the merger belong to no pre-2025 province.
      if (o.foundedOn >= '2025-07-01') expect(o.historicProvinceCode, o.key).toBeNull();
      else expect(o.historicProvinceCode, o.key).toBe(union);
      expect(o.provinceCode, o.key).toBe(org(`LHH-${union}`).provinceCode);
    }
    expect(org('LHH-30')).toMatchObject({
      fullName: 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hải Dương',
      historicProvinceCode: '30',
      provinceCode: '31',
    });
    expect(org('LHH-79').fullName).toBe(
      'Liên hiệp các Hội Khoa học và Kỹ thuật Thành phố Hồ Chí Minh',
    );
    expect(org('LHH-24')).toMatchObject({ historicProvinceCode: '24', provinceCode: '24' }); // Bắc Giang
    expect(org('LHH-27')).toMatchObject({ historicProvinceCode: '27', provinceCode: '24' }); // Bắc Ninh
  });

  it('is deterministic', () => {
    expect(buildDemoDataset()).toEqual(buildDemoDataset());
    expect(buildDemoDataset()).toEqual(data);
  });
});

describe('demo dataset: lineage events', () => {
  it('is sorted by effective date', () => {
    const dates = data.events.map((e) => e.effectiveDate);
    expect(dates).toEqual([...dates].sort());
  });

  it('refers only to organisations alive at the event date, with sensible kinds', () => {
    const kindOf = (key: string) => org(key).kind;
    for (const e of data.events) {
      const d = e.effectiveDate;
      expect(e.legalBasis.date <= d, `${e.kind} ${d}`).toBe(true);
      switch (e.kind) {
        case 'merge':
          expect(aliveOn(e.survivorKey, d)).toBe(true);
          expect(e.sourceKeys).not.toContain(e.survivorKey);
          for (const k of e.sourceKeys) {
            expect(aliveOn(k, d) || endsOn.get(k) === d, k).toBe(true);
            expect(org(k).foundedOn < d).toBe(true);
            expect(kindOf(k)).toBe(kindOf(e.survivorKey));
          }
          break;
        case 'rename':
          expect(aliveOn(e.organizationKey, d)).toBe(true);
          expect(e.fullName).not.toBe(org(e.organizationKey).fullName);
          break;
        case 'move':
          expect(aliveOn(e.organizationKey, d)).toBe(true);
          expect(aliveOn(e.newParentKey, d)).toBe(true);
          expect(ALLOWED_PARENT_KINDS[kindOf(e.organizationKey)]).toContain(kindOf(e.newParentKey));
          break;
        case 'split':
          expect(aliveOn(e.sourceKey, d)).toBe(true);
          expect(e.newOrganizations.length).toBeGreaterThan(0);
          for (const o of e.newOrganizations) {
            expect(o.foundedOn).toBe(d);
            expect(data.organizations.some((x) => x.key === o.key)).toBe(false);
          }
          for (const m of e.childMoves) {
            expect(org(m.childKey).parentKey).toBe(e.sourceKey);
            expect(e.newOrganizations.map((o) => o.key)).toContain(m.toKey);
          }
          break;
        case 'dissolve': {
          expect(aliveOn(e.organizationKey, d) || endsOn.get(e.organizationKey) === d).toBe(true);
          const children = childrenByKind(stateAt(data, d), e.organizationKey);
          expect(children).toEqual({});
          break;
        }
      }
    }
  });

  it('has a realistic history besides the 2025 merger', () => {
    const kinds = (pred: (d: string) => boolean) =>
      data.events.filter((e) => pred(e.effectiveDate)).map((e) => e.kind);
    const before2025 = kinds((d) => d < '2025-01-01');
    expect(before2025.filter((k) => k === 'rename').length).toBeGreaterThanOrEqual(2);
    expect(before2025.filter((k) => k === 'move').length).toBeGreaterThanOrEqual(2);
    expect(before2025.filter((k) => k === 'split')).toHaveLength(1);
    expect(before2025.filter((k) => k === 'dissolve').length).toBeGreaterThanOrEqual(1);
  });

  it('renames the Huế union when the province became a city', () => {
    const rename = data.events.find((e) => e.kind === 'rename' && e.organizationKey === 'LHH-46');
    expect(rename).toMatchObject({
      effectiveDate: '2025-01-01',
      fullName: 'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Huế',
    });
  });
});

describe('demo dataset: the 2025 merger', () => {
  it('has 63 provincial unions before and 34 after 1 July 2025', () => {
    expect(countKind(stateAt(data, '2025-06-30'), 'provincial_union')).toBe(63);
    expect(countKind(stateAt(data, '2025-07-01'), 'provincial_union')).toBe(34);
    expect(countKind(stateAt(data, '2099-12-31'), 'provincial_union')).toBe(34);
    const merges = data.events.filter((e) => e.kind === 'merge');
    expect(merges).toHaveLength(23);
    for (const m of merges) expect(m.effectiveDate).toBe('2025-07-01');
  });

  it('leaves one union per current province, keeping the name of the province', () => {
    const unions = [...stateAt(data, '2025-07-01').values()].filter(
      (n) => n.org.kind === 'provincial_union',
    );
    expect(new Set(unions.map((n) => n.org.provinceCode)).size).toBe(34);
    const keys = unions.map((n) => n.org.key).sort();
    expect(keys).toContain('LHH-31'); // Hải Phòng absorbs Hải Dương
    expect(keys).toContain('LHH-25'); // Phú Thọ absorbs Vĩnh Phúc and Hòa Bình
    expect(keys).toContain('LHH-27'); // Bắc Ninh absorbs Bắc Giang
    expect(keys).toContain('LHH-64'); // Gia Lai absorbs Bình Định
    expect(keys).not.toContain('LHH-30');
    expect(keys).not.toContain('LHH-24');
    const names = unions.map((n) => n.fullName);
    expect(names).toContain('Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Huế');
    expect(names).toContain('Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng');
  });

  it('gives Hải Phòng 49 member associations, 12 institutes and centres, 8 clubs and 15 collective members', () => {
    const before = stateAt(data, '2025-06-30');
    expect(childrenByKind(before, 'LHH-31').member_association).toBe(29);
    expect(childrenByKind(before, 'LHH-30').member_association).toBe(20);

    for (const date of ['2025-07-01', '2025-12-31']) {
      const after = stateAt(data, date);
      expect(childrenByKind(after, 'LHH-31')).toEqual({
        member_association: 49,
        st_organization: 12,
        club: 8,
        collective_member: 15,
      });
      const members = [...after.values()].filter(
        (n) => n.parentKey === 'LHH-31' && n.org.kind === 'member_association',
      );
      expect(members.filter((n) => n.org.historicProvinceCode === '31')).toHaveLength(29);
      expect(members.filter((n) => n.org.historicProvinceCode === '30')).toHaveLength(20);
      expect(members.every((n) => n.org.provinceCode === '31')).toBe(true);
    }
  });

  it('brings the named units of Phú Thọ, Vĩnh Phúc and Hòa Bình under one union', () => {
    const after = stateAt(data, '2025-07-01');
    const under25 = [...after.values()].filter((n) => n.parentKey === 'LHH-25');
    const names = under25.map((n) => n.fullName);
    for (const name of [
      'Trường Đại học Công nghiệp Việt Trì',
      'Trường Đại học Hùng Vương',
      'Trường Cao đẳng Y Dược Phú Thọ',
      'Viện Khoa học kỹ thuật nông lâm nghiệp miền núi phía Bắc',
      'Hội Văn nghệ dân gian tỉnh Phú Thọ',
      'Hội Khoa học Lịch sử tỉnh Phú Thọ',
      'Hội Luật gia tỉnh Phú Thọ',
    ]) {
      expect(names, name).toContain(name);
    }
    const historic = new Set(under25.map((n) => n.org.historicProvinceCode));
    expect(historic).toEqual(new Set(['25', '26', '17']));
  });
});
