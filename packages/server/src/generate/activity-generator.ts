import { randomUUID } from 'node:crypto';
import { pickKind, plausibleActivity } from '../demo/activity-titles.js';
import { seededRandom } from './random.js';

/** The two years of activity the generator spreads over: the windows of 2024 and 2025. */
export const GENERATED_FROM = '2023-12-15';
export const GENERATED_TO = '2025-12-14';

export interface ActivityOrg {
  id: string;
  kind: string;
  founded_on: string;
  province_code: string | null;
  field_code: string | null;
}

/** How much more a unit of a kind logs than a member association. */
const WEIGHT: Readonly<Record<string, number>> = {
  central_union: 40,
  national_association: 12,
  provincial_union: 15,
  member_association: 4,
  st_organization: 3,
  branch: 1.5,
  club: 1,
  collective_member: 0.5,
};

const SCALE: Readonly<Record<string, number>> = {
  central_union: 2,
  national_association: 1.6,
  provincial_union: 1.8,
};

export const ACTIVITY_COLUMNS = [
  'id',
  'organization_id',
  'kind',
  'subtype',
  'title',
  'starts_on',
  'ends_on',
  'province_code',
  'mode',
  'partners',
  'project_level',
  'sessions',
  'participants',
  'attendances',
  'opinions',
  'documents',
  'households',
  'amount',
] as const;

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const str = (n: number | null) => (n === null ? null : String(n));

/**
 * `n` activities in COPY order, spread over the organisations (bigger units log more) and the two
 * years, each of a kind the unit plausibly logs, with a title and only the figures its kind
 * records. Streamed: millions of rows never sit in memory.
 */
export function* generateActivities(
  n: number,
  orgs: readonly ActivityOrg[],
  seed: number,
): Generator<(string | null)[]> {
  const from = dayOf(GENERATED_FROM);
  const to = dayOf(GENERATED_TO);
  const eligible = orgs.filter((o) => dayOf(o.founded_on) <= to - 30);
  if (eligible.length === 0) throw new Error('Chưa có tổ chức nào để gắn hoạt động');
  const cumulative: number[] = [];
  let total = 0;
  for (const o of eligible) {
    total += WEIGHT[o.kind] ?? 1;
    cumulative.push(total);
  }
  const r = seededRandom(seed ^ 0x5eed);
  const noCommunes: readonly string[] = [];
  for (let i = 0; i < n; i++) {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    const o = eligible[lo]!;
    const start = Math.max(from, dayOf(o.founded_on));
    const end = start + Math.floor(r() * (to - start + 1));
    const endIso = isoOf(end);
    const year = Number(endIso.slice(0, 4));
    const a = plausibleActivity(r, pickKind(r, o.kind), {
      fieldCode: o.field_code,
      placeName: null,
      communes: noCommunes,
      scale: SCALE[o.kind] ?? 1,
      year,
      month: Number(endIso.slice(5, 7)),
    });
    const startsOn = Math.max(end - a.days, dayOf(o.founded_on));
    yield [
      randomUUID(),
      o.id,
      a.kind,
      a.subtype,
      a.title,
      isoOf(startsOn),
      endIso,
      o.province_code,
      a.mode,
      a.partners,
      a.projectLevel,
      str(a.sessions),
      str(a.participants),
      str(a.attendances),
      str(a.opinions),
      str(a.documents),
      str(a.households),
      str(a.amount),
    ];
  }
}
