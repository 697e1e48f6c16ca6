/**
 * The deterministic demo dataset of the VUSTA organisation tree: the central
 * union, 93 national associations with some branches, clubs and collective
 * members, about 60 affiliated S&T organisations, the 63 provincial unions as
 * they were before 1 July 2025 with their member associations, institutes,
 * centres, clubs and collective members, and the lineage events that turn
 * them into the 34 unions of today (plus a few older renames, moves, a split
 * and dissolutions).
 *
 * Everything is computed from the tables in `names/` and seeded PRNG streams
 * (`random.ts`); nothing reads the clock, so every call returns equal data.
 * Hải Phòng follows the published figures exactly: after the merger its
 * union has 49 member associations (29 of old Hải Phòng, 20 of old Hải
 * Dương), 12 institutes and centres, 8 clubs and 15 collective members.
 */

import type {
  DemoDataset,
  DemoFieldCode,
  DemoLegalBasis,
  DemoLineageEvent,
  DemoOrganization,
} from './dataset-types.js';
import {
  BRANCH_REGIONS,
  HANOI_OFFICES,
  NATIONAL_ASSOCIATIONS,
  NATIONAL_INSTITUTIONS,
  type NationalAssociationSeed,
} from './names/national.js';
import {
  CLUB_TEMPLATES,
  COLLECTIVE_MEMBER_TEMPLATES,
  COMMON_STREETS,
  MEMBER_ASSOCIATION_TEMPLATES,
  ST_ORGANIZATION_TEMPLATES,
  fieldOfInstitution,
  type MemberAssociationTemplate,
} from './names/provincial.js';
import {
  DEMO_CURRENT_PROVINCES,
  DEMO_HISTORIC_PROVINCES,
  bareProvinceName,
  provinceInAddress,
  provinceInName,
  type DemoCurrentProvince,
  type DemoHistoricProvince,
} from './names/provinces.js';
import {
  NATIONAL_EXTRAS,
  SPLIT_NEW_ORGANIZATION,
  SPLIT_SOURCE_KEY,
  VUSTA_ST_ORGANIZATIONS,
} from './names/vusta-units.js';
import {
  addDays,
  chance,
  maxDate,
  pick,
  randInt,
  randomWorkday,
  rngFor,
  shuffled,
  weightedOrder,
  type Rng,
} from './random.js';
import { asciiFold, initials, pad, symbolInitials } from './text.js';

export const DEMO_ROOT_KEY = 'VUSTA';
export const DEMO_MERGER_DATE = '2025-07-01';

const VUSTA_NAME = 'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam';
const VUSTA_FOUNDED_ON = '1983-03-26';
const PRESIDIUM = 'Đoàn Chủ tịch Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam';
const NATIONAL_ASSOCIATIONS_WITH_BRANCHES = 40;

// ---------------------------------------------------------------------------
// Contacts

const MOBILE_PREFIXES = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '086',
  '088',
  '089',
  '083',
  '084',
  '085',
  '081',
  '082',
  '070',
  '076',
  '077',
  '079',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
] as const;

function landline(rng: Rng, areaCode: string): string {
  const first = pick(rng, ['3', '3', '3', '6', '8']);
  if (areaCode.length === 3) {
    // Hà Nội, Hồ Chí Minh: 8-digit subscriber numbers.
    return `${areaCode} ${first}${pad(randInt(rng, 0, 999), 3)} ${pad(randInt(rng, 0, 9999), 4)}`;
  }
  return `${areaCode} ${first}${pad(randInt(rng, 0, 999), 3)} ${pad(randInt(rng, 0, 999), 3)}`;
}

function mobile(rng: Rng): string {
  return `${pick(rng, MOBILE_PREFIXES)}${randInt(rng, 0, 9)} ${pad(randInt(rng, 0, 999), 3)} ${pad(randInt(rng, 0, 999), 3)}`;
}

function hanoiOffice(rng: Rng): string {
  if (chance(rng, 0.12))
    return `Tầng ${randInt(rng, 2, 6)}, 53 Nguyễn Du, phường Hai Bà Trưng, Hà Nội`;
  const [street, ward] = pick(rng, HANOI_OFFICES);
  return `${randInt(rng, 1, 180)} ${street}, phường ${ward}, Hà Nội`;
}

const currentProvinces = new Map(DEMO_CURRENT_PROVINCES.map((c) => [c.code, c]));

function currentOf(p: DemoHistoricProvince): DemoCurrentProvince {
  const current = currentProvinces.get(p.successorCode);
  if (current === undefined) throw new Error(`no current province ${p.successorCode}`);
  return current;
}

function streetAddress(rng: Rng, p: DemoHistoricProvince): string {
  const street = pick(rng, COMMON_STREETS);
  const ward = pick(rng, p.wards);
  return `${randInt(rng, 1, 320)} ${street}, phường ${ward}, ${provinceInAddress(currentOf(p))}`;
}

const SOUTHERN_HAMLETS = [
  'ấp Tân Thạnh',
  'ấp Phú Hòa',
  'ấp Long Hưng',
  'ấp Bình Thạnh',
  'ấp An Lợi',
];
const NORTHERN_HAMLETS = ['thôn Đông', 'thôn Đoài', 'thôn Thượng', 'thôn Trung', 'thôn Tân Lập'];

function communeAddress(rng: Rng, p: DemoHistoricProvince): string {
  const southern = p.tags.includes('mekong') || Number(p.code) >= 70;
  const hamlet = pick(rng, southern ? SOUTHERN_HAMLETS : NORTHERN_HAMLETS);
  return `${hamlet}, xã ${p.commune}, ${provinceInAddress(currentOf(p))}`;
}

/** "Câu lạc bộ Nhà khoa học trẻ" → "clbnkht", for e-mail local parts. */
function mailbox(name: string): string {
  return initials(name).toLowerCase();
}

function webName(name: string): string {
  return initials(name.replace(/^Trường /u, '')).toLowerCase();
}

// ---------------------------------------------------------------------------
// Legal bases

/** Founding decision of a national association, by the authority of its time. */
function nationalFoundingDecision(rng: Rng, date: string): DemoLegalBasis {
  const n = randInt(rng, 12, 980);
  if (date < '1981-07-04') return { number: `${n}/NV`, date, issuer: 'Bộ Nội vụ' };
  if (date < '1992-09-30') return { number: `${n}/HĐBT`, date, issuer: 'Hội đồng Bộ trưởng' };
  if (date < '2002-08-05') {
    return { number: `${n}/QĐ-TCCP`, date, issuer: 'Ban Tổ chức – Cán bộ Chính phủ' };
  }
  return { number: `${n}/QĐ-BNV`, date, issuer: 'Bộ Nội vụ' };
}

function provincialCommitteeDecision(
  rng: Rng,
  p: DemoHistoricProvince,
  date: string,
): DemoLegalBasis {
  const symbol = date < '2004-01-01' ? 'QĐ-UB' : 'QĐ-UBND';
  return {
    number: `${randInt(rng, 15, 3600)}/${symbol}`,
    date,
    issuer: `Ủy ban nhân dân ${provinceInName(p.name, p.city)}`,
  };
}

function presidiumDecision(rng: Rng, date: string): DemoLegalBasis {
  return { number: `${randInt(rng, 40, 1900)}/QĐ-LHHVN`, date, issuer: PRESIDIUM };
}

function associationDecision(
  rng: Rng,
  date: string,
  issuer: string,
  shortStem: string,
): DemoLegalBasis {
  return {
    number: `${pad(randInt(rng, 3, 160), 2)}/QĐ-${symbolInitials(shortStem)}`,
    date,
    issuer,
  };
}

// ---------------------------------------------------------------------------
// Builder state

class TreeBuilder {
  readonly organizations: DemoOrganization[] = [];
  readonly events: DemoLineageEvent[] = [];
  private readonly byKey = new Map<string, DemoOrganization>();
  private readonly counters = new Map<string, number>();

  add(org: DemoOrganization): DemoOrganization {
    if (this.byKey.has(org.key)) throw new Error(`duplicate demo key ${org.key}`);
    if (org.parentKey !== null && !this.byKey.has(org.parentKey)) {
      throw new Error(`parent ${org.parentKey} of ${org.key} not added yet`);
    }
    this.byKey.set(org.key, org);
    this.organizations.push(org);
    return org;
  }

  get(key: string): DemoOrganization {
    const org = this.byKey.get(key);
    if (org === undefined) throw new Error(`unknown demo key ${key}`);
    return org;
  }

  /** Next child key under a parent: `LHH-31-HTV-001`, `HNTQ-004-CH-01`. */
  nextKey(parentKey: string, prefix: string, width: number): string {
    const counter = `${parentKey}|${prefix}`;
    const n = (this.counters.get(counter) ?? 0) + 1;
    this.counters.set(counter, n);
    return `${parentKey}-${prefix}-${pad(n, width)}`;
  }
}

interface Draft {
  name: string;
  foundedOn: string;
  field: DemoFieldCode;
  order: number;
}

/** Oldest first, so that key numbers follow founding order. */
function byFounding<T extends { foundedOn: string; order: number }>(drafts: T[]): T[] {
  return [...drafts].sort((a, b) =>
    a.foundedOn < b.foundedOn ? -1 : a.foundedOn > b.foundedOn ? 1 : a.order - b.order,
  );
}

function organization(
  fields: Pick<DemoOrganization, 'key' | 'kind' | 'fullName' | 'foundedOn' | 'parentKey'> &
    Partial<DemoOrganization>,
): DemoOrganization {
  return {
    key: fields.key,
    kind: fields.kind,
    fullName: fields.fullName.normalize('NFC'),
    shortName: fields.shortName?.normalize('NFC') ?? null,
    englishName: fields.englishName ?? null,
    provinceCode: fields.provinceCode ?? null,
    historicProvinceCode: fields.historicProvinceCode ?? null,
    fieldCode: fields.fieldCode ?? null,
    address: fields.address?.normalize('NFC') ?? null,
    phone: fields.phone ?? null,
    email: fields.email ?? null,
    website: fields.website ?? null,
    foundingDecision: fields.foundingDecision ?? null,
    foundedOn: fields.foundedOn,
    parentKey: fields.parentKey,
  };
}

// ---------------------------------------------------------------------------
// Central union and its direct units

function addRoot(t: TreeBuilder): void {
  t.add(
    organization({
      key: DEMO_ROOT_KEY,
      kind: 'central_union',
      fullName: VUSTA_NAME,
      shortName: 'Liên hiệp Hội Việt Nam',
      englishName: 'Vietnam Union of Science and Technology Associations',
      provinceCode: '01',
      fieldCode: 'da_nganh',
      address: '53 Nguyễn Du, phường Hai Bà Trưng, Hà Nội',
      phone: '024 3943 2206',
      email: 'vanphong@vusta.vn',
      website: 'https://vusta.vn',
      foundedOn: VUSTA_FOUNDED_ON,
      parentKey: null,
    }),
  );
}

function shortNameOf(name: string): string {
  return name.replace(/ Việt Nam$/u, '');
}

function nationalNameAt(seed: NationalAssociationSeed, date: string): string {
  return seed.renamed !== undefined && date >= seed.renamed.on ? seed.renamed.name : seed.name;
}

/** "Hội Dược học Việt Nam" → "Dược học", the subject used in branch names. */
function subjectOf(name: string): string {
  return shortNameOf(name).replace(/^(Tổng hội|Hội) /u, '');
}

function addNationalAssociations(t: TreeBuilder): void {
  const keyOfSeed = new Map<NationalAssociationSeed, string>();

  NATIONAL_ASSOCIATIONS.forEach((seed, i) => {
    const key = `HNTQ-${pad(i + 1, 3)}`;
    keyOfSeed.set(seed, key);
    const rng = rngFor(key);
    t.add(
      organization({
        key,
        kind: 'national_association',
        fullName: seed.name,
        shortName: shortNameOf(seed.name),
        englishName: seed.englishName,
        provinceCode: '01',
        fieldCode: seed.field,
        address: hanoiOffice(rng),
        phone: landline(rng, '024'),
        email: `vanphong@${seed.domain}`,
        website: chance(rng, 0.75) ? `https://${seed.domain}` : null,
        foundingDecision: nationalFoundingDecision(rng, seed.foundedOn),
        // Associations older than VUSTA joined it as founding members.
        foundedOn: maxDate(seed.foundedOn, VUSTA_FOUNDED_ON),
        parentKey: DEMO_ROOT_KEY,
      }),
    );
    if (seed.renamed !== undefined) {
      t.events.push({
        kind: 'rename',
        effectiveDate: seed.renamed.on,
        legalBasis: {
          number: seed.renamed.decision,
          date: seed.renamed.decisionDate,
          issuer: 'Bộ Nội vụ',
        },
        note: `Đổi tên ${seed.name} thành ${seed.renamed.name} theo Điều lệ sửa đổi được Bộ Nội vụ phê duyệt`,
        organizationKey: key,
        fullName: seed.renamed.name,
        shortName: shortNameOf(seed.renamed.name),
      });
    }
  });

  const keyOf = (seed: NationalAssociationSeed): string => {
    const key = keyOfSeed.get(seed);
    if (key === undefined) throw new Error(`unkeyed association ${seed.name}`);
    return key;
  };
  const seedNamed = (name: string): NationalAssociationSeed => {
    const seed = NATIONAL_ASSOCIATIONS.find((s) => s.name === name);
    if (seed === undefined) throw new Error(`no national association ${name}`);
    return seed;
  };

  // Branches: every association that names some, plus a seeded choice of others.
  const rng = rngFor('HNTQ:branches');
  const forced = NATIONAL_ASSOCIATIONS.filter((s) => s.branches !== undefined);
  const others = shuffled(
    rng,
    NATIONAL_ASSOCIATIONS.filter((s) => s.branches === undefined),
  ).slice(0, NATIONAL_ASSOCIATIONS_WITH_BRANCHES - forced.length);
  const withBranches = new Set([...forced, ...others]);

  for (const seed of NATIONAL_ASSOCIATIONS) {
    if (!withBranches.has(seed)) continue;
    const parentKey = keyOf(seed);
    const parent = t.get(parentKey);
    const brng = rngFor(`${parentKey}:branches`);
    const reserved = new Set(
      NATIONAL_EXTRAS.filter((x) => x.association === seed.name).map((x) => x.name),
    );
    const explicit = seed.branches ?? [];
    const count = Math.max(explicit.length, randInt(brng, 1, 5));
    const from = maxDate(addDays(parent.foundedOn, 365), '1990-01-01');
    const drafts: Draft[] = [];
    const used = new Set<string>();
    const candidates = [
      ...explicit.map((name) => ({ name, generic: false })),
      ...shuffled(brng, [
        ...(seed.sections ?? []).map((s) => `Phân hội ${s}`),
        ...NATIONAL_INSTITUTIONS[seed.field].map((inst) => `Chi hội {S} ${inst}`),
        ...BRANCH_REGIONS.map((region) => `Chi hội {S} ${region}`),
      ]).map((name) => ({ name, generic: true })),
    ];
    for (const candidate of candidates) {
      if (drafts.length >= count) break;
      const foundedOn = randomWorkday(brng, from, '2024-10-31', 1.2);
      const name = candidate.name.replace('{S}', subjectOf(nationalNameAt(seed, foundedOn)));
      if (used.has(name) || reserved.has(name)) continue;
      used.add(name);
      drafts.push({ name, foundedOn, field: seed.field, order: drafts.length });
    }
    for (const draft of byFounding(drafts)) {
      const issuer = nationalNameAt(seed, draft.foundedOn);
      t.add(
        organization({
          key: t.nextKey(parentKey, 'CH', 2),
          kind: 'branch',
          fullName: draft.name,
          provinceCode: '01',
          fieldCode: draft.field,
          phone: chance(brng, 0.5) ? mobile(brng) : null,
          foundingDecision: associationDecision(brng, draft.foundedOn, issuer, shortNameOf(issuer)),
          foundedOn: draft.foundedOn,
          parentKey,
        }),
      );
    }
  }

  // Hand-placed clubs, collective members and centres.
  const prefixes: Record<string, string> = {
    branch: 'CH',
    club: 'CLB',
    collective_member: 'HVTT',
    st_organization: 'TC',
  };
  for (const extra of NATIONAL_EXTRAS) {
    const seed = seedNamed(extra.association);
    const parentKey = keyOf(seed);
    const xrng = rngFor(`${parentKey}:${extra.name}`);
    const issuer = nationalNameAt(seed, extra.foundedOn);
    const prefix = prefixes[extra.kind] ?? 'X';
    const key = t.nextKey(parentKey, prefix, 2);
    t.add(
      organization({
        key,
        kind: extra.kind,
        fullName: extra.name,
        provinceCode: '01',
        fieldCode: seed.field,
        address: extra.kind === 'branch' ? null : hanoiOffice(xrng),
        phone: extra.kind === 'collective_member' ? landline(xrng, '024') : mobile(xrng),
        foundingDecision: associationDecision(xrng, extra.foundedOn, issuer, shortNameOf(issuer)),
        foundedOn: extra.foundedOn,
        parentKey,
      }),
    );
    if (extra.tag === 'moved-centre') {
      t.events.push({
        kind: 'move',
        effectiveDate: '2018-10-01',
        legalBasis: { number: '1876/QĐ-LHHVN', date: '2018-09-24', issuer: PRESIDIUM },
        note: `Chuyển ${extra.name} từ ${issuer} về trực thuộc ${VUSTA_NAME}`,
        organizationKey: key,
        newParentKey: DEMO_ROOT_KEY,
      });
    }
    if (extra.tag === 'dissolved-branch') {
      const issuerThen = nationalNameAt(seed, '2020-12-11');
      t.events.push({
        kind: 'dissolve',
        effectiveDate: '2020-12-18',
        legalBasis: {
          number: `86/QĐ-${symbolInitials(shortNameOf(issuerThen))}`,
          date: '2020-12-11',
          issuer: issuerThen,
        },
        note: `Giải thể ${extra.name} do không còn đủ số hội viên tối thiểu; hội viên chuyển sinh hoạt tại các chi hội khác`,
        organizationKey: key,
      });
    }
  }
}

function addVustaStOrganizations(t: TreeBuilder): void {
  for (const seed of VUSTA_ST_ORGANIZATIONS) {
    const rng = rngFor(seed.key);
    const box = seed.key === 'RIC' ? 'ric' : mailbox(seed.name);
    t.add(
      organization({
        key: seed.key,
        kind: 'st_organization',
        fullName: seed.name,
        shortName: seed.shortName,
        englishName: seed.englishName,
        provinceCode: '01',
        fieldCode: seed.field,
        address: hanoiOffice(rng),
        phone: landline(rng, '024'),
        email: `${box}@vusta.vn`,
        website: chance(rng, 0.5) || seed.shortName !== null ? `https://${box}.org.vn` : null,
        foundingDecision: presidiumDecision(rng, seed.foundedOn),
        foundedOn: seed.foundedOn,
        parentKey: DEMO_ROOT_KEY,
      }),
    );
  }

  const source = t.get(SPLIT_SOURCE_KEY);
  const rng = rngFor(SPLIT_NEW_ORGANIZATION.key);
  const date = SPLIT_NEW_ORGANIZATION.foundedOn;
  const decision: DemoLegalBasis = {
    number: '512/QĐ-LHHVN',
    date: '2021-05-20',
    issuer: PRESIDIUM,
  };
  t.events.push({
    kind: 'split',
    effectiveDate: date,
    legalBasis: decision,
    note: `Tách bộ phận nghiên cứu năng lượng của ${source.fullName} để thành lập ${SPLIT_NEW_ORGANIZATION.name}; ${source.fullName} tiếp tục hoạt động`,
    sourceKey: source.key,
    sourceContinues: true,
    newOrganizations: [
      organization({
        key: SPLIT_NEW_ORGANIZATION.key,
        kind: 'st_organization',
        fullName: SPLIT_NEW_ORGANIZATION.name,
        englishName: SPLIT_NEW_ORGANIZATION.englishName,
        provinceCode: '01',
        fieldCode: SPLIT_NEW_ORGANIZATION.field,
        address: hanoiOffice(rng),
        phone: landline(rng, '024'),
        email: `${mailbox(SPLIT_NEW_ORGANIZATION.name)}@vusta.vn`,
        foundingDecision: decision,
        foundedOn: date,
        parentKey: DEMO_ROOT_KEY,
      }),
    ],
    // Institutes have no sub-units of their own (an S&T organisation may not
    // sit under another), so nothing moves with the split.
    childMoves: [],
  });
}

// ---------------------------------------------------------------------------
// Provincial unions

interface ProvinceSpecials {
  /** Member associations that must exist, with their founding dates. */
  forcedAssociations?: Record<string, string>;
}

const PROVINCE_SPECIALS: Record<string, ProvinceSpecials> = {
  // Nghệ An: the club moved between two member associations in 2022.
  '40': { forcedAssociations: { lamvuon: '1996-05-14', sinhvatcanh: '2001-08-24' } },
};

interface ProvinceResult {
  unionKey: string;
  /** Member association key per template id. */
  associationKeys: Map<string, string>;
}

function englishProvinceName(name: string): string {
  if (name === 'Hà Nội') return 'Hanoi';
  if (name === 'Hồ Chí Minh') return 'Ho Chi Minh City';
  return asciiFold(name);
}

function unionNameOf(p: DemoHistoricProvince): string {
  return `Liên hiệp các Hội Khoa học và Kỹ thuật ${provinceInName(p.name, p.city)}`;
}

function fill(template: string, p: DemoHistoricProvince): string {
  return template
    .replace('{P}', provinceInName(p.name, p.city))
    .replace('{N}', bareProvinceName(p.name));
}

function eligible<T extends { only?: string }>(items: readonly T[], p: DemoHistoricProvince): T[] {
  return items.filter(
    (item) => item.only === undefined || (p.tags as readonly string[]).includes(item.only),
  );
}

function addProvince(t: TreeBuilder, p: DemoHistoricProvince): ProvinceResult {
  const unionKey = `LHH-${p.code}`;
  const unionName = unionNameOf(p);
  const rng = rngFor(unionKey);
  const common = { provinceCode: p.successorCode, historicProvinceCode: p.code };
  const union = t.add(
    organization({
      key: unionKey,
      kind: 'provincial_union',
      fullName: unionName,
      shortName: `Liên hiệp Hội ${bareProvinceName(p.name)}`,
      englishName: `${englishProvinceName(p.name)} Union of Science and Technology Associations`,
      ...common,
      fieldCode: 'da_nganh',
      address: streetAddress(rng, p),
      phone: landline(rng, p.areaCode),
      email: `lienhiephoi@${p.domain}.gov.vn`,
      website: chance(rng, 0.75) ? `https://lienhiephoi.${p.domain}.gov.vn` : null,
      foundingDecision: provincialCommitteeDecision(rng, p, p.unionFoundedOn),
      foundedOn: p.unionFoundedOn,
      parentKey: 'VUSTA',
    }),
  );
  const unionDecision = (r: Rng, date: string): DemoLegalBasis => ({
    number: `${pad(randInt(r, 3, 190), 2)}/QĐ-LHH`,
    date,
    issuer: unionName,
  });

  // Member associations: the core ones, forced ones, then a weighted choice.
  const specials = PROVINCE_SPECIALS[p.code] ?? {};
  const forced = specials.forcedAssociations ?? {};
  const mrng = rngFor(`${unionKey}:associations`);
  const pool = eligible(MEMBER_ASSOCIATION_TEMPLATES, p);
  const chosen: MemberAssociationTemplate[] = [];
  for (const template of [
    ...pool.filter((x) => x.core === true),
    ...pool.filter((x) => forced[x.id] !== undefined),
    ...weightedOrder(
      mrng,
      pool.filter((x) => x.core !== true),
      (x) => x.weight,
    ),
  ]) {
    if (!chosen.includes(template)) chosen.push(template);
  }
  const associationDrafts = chosen.slice(0, p.counts.memberAssociations).map((template, order) => ({
    template,
    order,
    foundedOn:
      forced[template.id] ??
      randomWorkday(
        mrng,
        addDays(union.foundedOn, 45),
        '2023-12-29',
        template.core === true ? 2 : 1.3,
      ),
  }));
  const associationKeys = new Map<string, string>();
  for (const draft of byFounding(associationDrafts)) {
    const { template } = draft;
    const key = t.nextKey(unionKey, 'HTV', 3);
    const arng = rngFor(key);
    const fullName = `${template.stem} ${provinceInName(p.name, p.city)}`;
    associationKeys.set(template.id, key);
    t.add(
      organization({
        key,
        kind: 'member_association',
        fullName,
        ...common,
        fieldCode: template.field,
        address: chance(arng, 0.8) ? streetAddress(arng, p) : null,
        phone: chance(arng, 0.7)
          ? chance(arng, 0.5)
            ? landline(arng, p.areaCode)
            : mobile(arng)
          : null,
        email: chance(arng, 0.5) ? `hoi${template.id}.${p.domain}@gmail.com` : null,
        website: chance(arng, 0.08) ? `https://hoi${template.id}${p.domain}.org.vn` : null,
        foundingDecision: provincialCommitteeDecision(arng, p, draft.foundedOn),
        foundedOn: draft.foundedOn,
        parentKey: unionKey,
      }),
    );
    // Branches and clubs of the association.
    const children = (template.children ?? [])
      .filter(() => chance(arng, 0.4))
      .map((child, order) => ({
        child,
        order,
        foundedOn: randomWorkday(arng, addDays(draft.foundedOn, 180), '2024-11-29'),
      }));
    for (const { child, foundedOn } of byFounding(children)) {
      const crng = rngFor(`${key}:${child.name}`);
      t.add(
        organization({
          key: t.nextKey(key, child.kind === 'club' ? 'CLB' : 'CH', 2),
          kind: child.kind,
          fullName: fill(child.name, p),
          ...common,
          fieldCode: template.field,
          phone: chance(crng, 0.4) ? mobile(crng) : null,
          foundingDecision: associationDecision(crng, foundedOn, fullName, template.stem),
          foundedOn,
          parentKey: key,
        }),
      );
    }
  }

  // Institutes and centres.
  const srng = rngFor(`${unionKey}:st`);
  const stDrafts = shuffled(srng, eligible(ST_ORGANIZATION_TEMPLATES, p))
    .slice(0, p.counts.stOrganizations)
    .map((template, order) => ({
      template,
      order,
      foundedOn: randomWorkday(srng, addDays(union.foundedOn, 365), '2022-12-30'),
    }));
  for (const { template, foundedOn } of byFounding(stDrafts)) {
    const key = t.nextKey(unionKey, 'TC', 3);
    const orng = rngFor(key);
    const box = template.mailbox ?? mailbox(template.name);
    t.add(
      organization({
        key,
        kind: 'st_organization',
        fullName: fill(template.name, p),
        ...common,
        fieldCode: template.field,
        address: streetAddress(orng, p),
        phone: landline(orng, p.areaCode),
        email: chance(orng, 0.7) ? `${box}.${p.domain}@gmail.com` : null,
        website: chance(orng, 0.35) ? `https://${box}${p.domain}.vn` : null,
        foundingDecision: unionDecision(orng, foundedOn),
        foundedOn,
        parentKey: unionKey,
      }),
    );
  }

  // Clubs.
  const crng = rngFor(`${unionKey}:clubs`);
  const clubDrafts = shuffled(crng, CLUB_TEMPLATES)
    .slice(0, p.counts.clubs)
    .map((template, order) => ({
      template,
      order,
      foundedOn: randomWorkday(crng, addDays(union.foundedOn, 730), '2024-06-28'),
    }));
  for (const { template, foundedOn } of byFounding(clubDrafts)) {
    addClub(t, p, unionKey, fill(template.name, p), template.field, foundedOn, unionDecision);
  }

  // Collective members: the named ones first, then generic local ones.
  const vrng = rngFor(`${unionKey}:collective`);
  const names: { name: string; field: DemoFieldCode }[] = p.collectiveMembers.map((name) => ({
    name,
    field: fieldOfInstitution(name),
  }));
  for (const template of shuffled(vrng, COLLECTIVE_MEMBER_TEMPLATES)) {
    const name = fill(template.name, p);
    // A province whose medical college is named already needs no generic one.
    const medicalCollegeNamed =
      name.startsWith('Trường Cao đẳng Y') && names.some((x) => x.name.includes('Cao đẳng Y'));
    if (!medicalCollegeNamed && !names.some((x) => x.name === name)) {
      names.push({ name, field: template.field });
    }
  }
  const collectiveDrafts = names.slice(0, p.counts.collectiveMembers).map((x, order) => ({
    ...x,
    order,
    foundedOn: randomWorkday(vrng, addDays(union.foundedOn, 365), '2024-06-28'),
  }));
  for (const draft of byFounding(collectiveDrafts)) {
    const key = t.nextKey(unionKey, 'HVTT', 3);
    const hrng = rngFor(key);
    const company = /^(Công ty|Tổng công ty|Liên doanh)/u.test(draft.name);
    const school = /^(Trường|Đại học|Phân hiệu|Học viện)/u.test(draft.name);
    t.add(
      organization({
        key,
        kind: 'collective_member',
        fullName: draft.name,
        ...common,
        fieldCode: draft.field,
        address: company && chance(hrng, 0.5) ? communeAddress(hrng, p) : streetAddress(hrng, p),
        phone: chance(hrng, 0.8) ? landline(hrng, p.areaCode) : null,
        website:
          school && chance(hrng, 0.6)
            ? `https://${webName(draft.name)}.edu.vn`
            : company && chance(hrng, 0.3)
              ? `https://${webName(draft.name.replace(/^(Công ty cổ phần|Công ty TNHH Một thành viên|Tổng công ty) /u, ''))}.com.vn`
              : null,
        foundingDecision: unionDecision(hrng, draft.foundedOn),
        foundedOn: draft.foundedOn,
        parentKey: unionKey,
      }),
    );
  }

  return { unionKey, associationKeys };
}

function addClub(
  t: TreeBuilder,
  p: DemoHistoricProvince,
  parentKey: string,
  name: string,
  field: DemoFieldCode,
  foundedOn: string,
  decision: (r: Rng, date: string) => DemoLegalBasis,
  historicProvinceCode: string | null = p.code,
): DemoOrganization {
  const key = t.nextKey(parentKey, 'CLB', parentKey.includes('-HTV-') ? 2 : 3);
  const rng = rngFor(key);
  return t.add(
    organization({
      key,
      kind: 'club',
      fullName: name,
      provinceCode: p.successorCode,
      historicProvinceCode,
      fieldCode: field,
      address: chance(rng, 0.5) ? streetAddress(rng, p) : null,
      phone: chance(rng, 0.6) ? mobile(rng) : null,
      email: chance(rng, 0.25)
        ? `${mailbox(name.replace(bareProvinceName(p.name), ''))}.${p.domain}@gmail.com`
        : null,
      foundingDecision: decision(rng, foundedOn),
      foundedOn,
      parentKey,
    }),
  );
}

function provinceByCode(code: string): DemoHistoricProvince {
  const p = DEMO_HISTORIC_PROVINCES.find((x) => x.code === code);
  if (p === undefined) throw new Error(`no historic province ${code}`);
  return p;
}

function addProvincialUnits(t: TreeBuilder): void {
  const results = new Map<string, ProvinceResult>();
  for (const p of DEMO_HISTORIC_PROVINCES) results.set(p.code, addProvince(t, p));

  const associationKey = (code: string, id: string): string => {
    const key = results.get(code)?.associationKeys.get(id);
    if (key === undefined) throw new Error(`province ${code} has no association ${id}`);
    return key;
  };

  // Nghệ An: a club of the gardening association moves to the ornamental
  // plants association in 2022.
  {
    const p = provinceByCode('40');
    const from = associationKey('40', 'lamvuon');
    const to = associationKey('40', 'sinhvatcanh');
    const fromOrg = t.get(from);
    const club = addClub(
      t,
      p,
      from,
      'Câu lạc bộ Cây cảnh nghệ thuật Thành Vinh',
      'nong_nghiep',
      '2012-05-18',
      (r, date) => associationDecision(r, date, fromOrg.fullName, 'Hội Làm vườn'),
    );
    t.events.push({
      kind: 'move',
      effectiveDate: '2022-04-01',
      legalBasis: { number: '37/QĐ-LHH', date: '2022-03-25', issuer: unionNameOf(p) },
      note: `Chuyển ${club.fullName} từ ${fromOrg.fullName} sang sinh hoạt tại ${t.get(to).fullName} cho phù hợp lĩnh vực hoạt động`,
      organizationKey: club.key,
      newParentKey: to,
    });
  }

  // Thanh Hóa: a club dissolved in 2023.
  {
    const p = provinceByCode('38');
    const unionKey = 'LHH-38';
    const club = addClub(
      t,
      p,
      unionKey,
      'Câu lạc bộ Tin học Người cao tuổi Thanh Hóa',
      'cntt',
      '2014-10-10',
      (r, date) => ({
        number: `${pad(randInt(r, 3, 190), 2)}/QĐ-LHH`,
        date,
        issuer: unionNameOf(p),
      }),
    );
    t.events.push({
      kind: 'dissolve',
      effectiveDate: '2023-09-15',
      legalBasis: { number: '112/QĐ-LHH', date: '2023-09-08', issuer: unionNameOf(p) },
      note: `Giải thể ${club.fullName} theo đề nghị của Ban Chủ nhiệm câu lạc bộ do không duy trì được sinh hoạt`,
      organizationKey: club.key,
    });
  }

  // Units founded after the merger, under the surviving unions.
  {
    const p = provinceByCode('25');
    addClub(
      t,
      p,
      'LHH-25',
      'Câu lạc bộ Trí thức Đất Tổ',
      'da_nganh',
      '2025-10-20',
      (r, date) => ({
        number: `${pad(randInt(r, 3, 190), 2)}/QĐ-LHH`,
        date,
        issuer: unionNameOf(p),
      }),
      null,
    );
  }
  {
    const p = provinceByCode('68');
    const key = t.nextKey('LHH-68', 'HTV', 3);
    const rng = rngFor(key);
    t.add(
      organization({
        key,
        kind: 'member_association',
        fullName: 'Hội Khoa học Nông nghiệp Công nghệ cao tỉnh Lâm Đồng',
        provinceCode: '68',
        historicProvinceCode: null,
        fieldCode: 'nong_nghiep',
        address: streetAddress(rng, p),
        phone: mobile(rng),
        email: `hoinnccn.lamdong@gmail.com`,
        foundingDecision: provincialCommitteeDecision(rng, p, '2025-11-14'),
        foundedOn: '2025-11-14',
        parentKey: 'LHH-68',
      }),
    );
  }
}

// ---------------------------------------------------------------------------
// The 2025 reorganisation

function addReorganisation2025(t: TreeBuilder): void {
  // Thừa Thiên Huế became Thành phố Huế on 1 January 2025.
  t.events.push({
    kind: 'rename',
    effectiveDate: '2025-01-01',
    legalBasis: {
      number: '3312/QĐ-UBND',
      date: '2024-12-27',
      issuer: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế',
    },
    note: 'Đổi tên theo Nghị quyết số 175/2024/QH15 ngày 30/11/2024 của Quốc hội về thành lập thành phố Huế trực thuộc trung ương',
    organizationKey: 'LHH-46',
    fullName: 'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Huế',
    shortName: 'Liên hiệp Hội Huế',
  });

  let number = 1234;
  for (const current of DEMO_CURRENT_PROVINCES) {
    const members = DEMO_HISTORIC_PROVINCES.filter((p) => p.successorCode === current.code);
    const sources = members.filter((p) => p.code !== current.survivorHistoricCode);
    if (sources.length === 0) continue;
    const survivorKey = `LHH-${current.survivorHistoricCode}`;
    const survivor = t.get(survivorKey);
    const sourceNames = sources.map((p) => unionNameOf(p));
    const joined =
      sourceNames.length === 1
        ? sourceNames[0]
        : `${sourceNames.slice(0, -1).join(', ')} và ${sourceNames[sourceNames.length - 1]}`;
    t.events.push({
      kind: 'merge',
      effectiveDate: DEMO_MERGER_DATE,
      legalBasis: { number: `${number++}/QĐ-LHHVN`, date: '2025-06-27', issuer: PRESIDIUM },
      note: `Hợp nhất ${joined} vào ${survivor.fullName} khi sắp xếp đơn vị hành chính cấp tỉnh theo Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội`,
      sourceKeys: sources.map((p) => `LHH-${p.code}`),
      survivorKey,
    });
  }
}

// ---------------------------------------------------------------------------

export function buildDemoDataset(): DemoDataset {
  const t = new TreeBuilder();
  addRoot(t);
  addNationalAssociations(t);
  addVustaStOrganizations(t);
  addProvincialUnits(t);
  addReorganisation2025(t);
  const events = t.events
    .map((event, index) => ({ event, index }))
    .sort((a, b) =>
      a.event.effectiveDate < b.event.effectiveDate
        ? -1
        : a.event.effectiveDate > b.event.effectiveDate
          ? 1
          : a.index - b.index,
    )
    .map((x) => x.event);
  return { organizations: t.organizations, events };
}
