import {
  ACTIVITY_KIND_LABELS,
  compareVietnamese,
  COUNTED_STATUSES,
  INDICATOR_EXTRA_CATEGORIES,
  ORGANIZATION_KIND_LABELS,
  provinceByCode,
  type ConsolidationBasis,
  type IndicatorRule,
  type OrganizationKind,
  type SubmissionStatus,
  type TreeAggregation,
} from '@lienhiep/core';
import type { Executor } from '../../db/database.js';
import { vnToday } from '../../shared/dates.js';
import { invalid, notFound } from '../../shared/errors.js';
import type { Actor } from '../access/actor.js';
import { assertReadable, scopeFor } from '../access/policy.js';
import { scopeRepository, type Scope } from '../access/scope.repository.js';
import {
  asTreeAggregation,
  change,
  fold,
  isCounted,
  isSent,
  share,
  type Change,
} from './consolidation.math.js';
import {
  consolidationRepository as repo,
  type FormIndicatorRow,
  type PartialRow,
  type PlacementParams,
  type ReporterRow,
  type RoundRow,
} from './consolidation.repository.js';
import type { ConsolidationView, DashboardQuery, DrillQuery } from './consolidation.schemas.js';

/**
 * Consolidation of a round family at an organisation X, live from the tables: totals per
 * indicator, per child, per category; completeness; comparison; drill-down; the two views and
 * their reconciliation. See ARCHITECTURE.md "Consolidation, documents and dashboard".
 */

export interface IndicatorDef {
  code: string;
  label: string;
  unit: string;
  group: string | null;
  category: string;
  aggregation: TreeAggregation;
  source: 'activities' | 'manual';
  rule: IndicatorRule | null;
}

export interface OrgRef {
  id: string;
  code: string;
  kind: OrganizationKind;
  fullName: string;
  shortName: string | null;
}

export interface RoundBrief {
  id: string;
  title: string;
  periodType: RoundRow['period_type'];
  year: number;
  quarter: number | null;
  windowFrom: string;
  windowTo: string;
}

export interface ChildRow {
  key: string;
  organizationId: string | null;
  name: string;
  shortName: string | null;
  kind: OrganizationKind | null;
  role: 'self' | 'child' | 'outside';
  ownStatus: SubmissionStatus | null;
  expected: number;
  sent: number;
  counted: number;
  values: Record<string, number | null>;
}

export interface CountRow {
  key: string;
  label: string;
  expected: number;
  sent: number;
  counted: number;
}

export interface Completeness {
  expected: number;
  sent: number;
  counted: number;
  sentRatio: number | null;
  countedRatio: number | null;
  /** Late by the one rule (see `lateSql`): not in hand when due, or first sent after it. */
  late: number;
  /** Of those, the ones still not in hand (the "quá hạn chưa nộp" of the page and the report). */
  overdue: number;
  byStatus: Record<
    'notStarted' | 'draft' | 'submitted' | 'returned' | 'resubmitted' | 'approved' | 'locked',
    number
  >;
  byProvince: CountRow[];
  byKind: CountRow[];
  nonReporters: {
    organizationId: string;
    name: string;
    kind: OrganizationKind;
    provinceName: string | null;
    status: SubmissionStatus | null;
    late: boolean;
    deadline: string;
    submissionId: string | null;
  }[];
}

export interface Consolidation {
  round: RoundBrief & {
    rootRoundId: string;
    deadline: string;
    graceDays: number;
    status: 'open' | 'closed';
    opener: OrgRef;
    familyRounds: number;
  };
  organization: OrgRef;
  view: ConsolidationView;
  basis: ConsolidationBasis;
  today: string;
  namesAt: string;
  comparison: { sameLastYear: RoundBrief | null; previous: RoundBrief | null };
  indicators: (Omit<IndicatorDef, 'rule'> & {
    value: number | null;
    sameLastYear: Change;
    previous: Change;
  })[];
  children: ChildRow[];
  categories: {
    category: string;
    label: string;
    indicators: { code: string; label: string; unit: string; value: number | null }[];
  }[];
  completeness: Completeness;
  reconciliation: {
    balanced: boolean;
    indicators: {
      code: string;
      asReported: number | null;
      restated: number | null;
      joinedSince: number | null;
      leftSince: number | null;
      grandTotal: number | null;
    }[];
  };
}

/** Internal extras the documents use: the reporters and the form's sections. */
export interface ConsolidationData extends Consolidation {
  reporters: ReporterRow[];
  sections: FormIndicatorRow[];
  rootRound: RoundRow;
}

const OUTSIDE = 'outside';

/** Which partial aggregates the indicators fold by (sum and average need only sums and counts). */
const needsOf = (defs: readonly { aggregation: TreeAggregation }[]) => ({
  max: defs.some((d) => d.aggregation === 'max'),
  positive: defs.some((d) => d.aggregation === 'distinct_count'),
});

export function categoryLabel(category: string): string {
  if (category in ACTIVITY_KIND_LABELS) {
    return ACTIVITY_KIND_LABELS[category as keyof typeof ACTIVITY_KIND_LABELS].vi;
  }
  if (category in INDICATOR_EXTRA_CATEGORIES) {
    return INDICATOR_EXTRA_CATEGORIES[category as keyof typeof INDICATOR_EXTRA_CATEGORIES];
  }
  return category === 'members' ? 'Hội viên' : category;
}

export function toBrief(r: RoundRow): RoundBrief {
  return {
    id: r.id,
    title: r.title,
    periodType: r.period_type,
    year: r.year,
    quarter: r.quarter,
    windowFrom: r.window_from,
    windowTo: r.window_to,
  };
}

export function indicatorsOf(items: readonly FormIndicatorRow[]): IndicatorDef[] {
  const out: IndicatorDef[] = [];
  let group: string | null = null;
  for (const it of items) {
    if (it.item_type === 'group') group = it.label;
    if (it.item_type !== 'indicator' || !it.indicator_code) continue;
    out.push({
      code: it.indicator_code,
      label: it.label,
      unit: it.unit ?? '',
      group,
      category: it.category ?? 'other',
      aggregation: asTreeAggregation(it.tree_aggregation),
      source: it.source === 'manual' ? 'manual' : 'activities',
      rule: it.source === 'activities' && it.rule ? (it.rule as IndicatorRule) : null,
    });
  }
  return out;
}

const keyOf =
  (view: ConsolidationView) => (r: { as_child: string | null; re_child: string | null }) =>
    (view === 'as_reported' ? r.as_child : r.re_child) ?? OUTSIDE;

/** Folds partials into a figure per indicator, for the partials that pass `keep`. */
function totals(
  parts: readonly PartialRow[],
  defs: readonly IndicatorDef[],
  keep: (p: PartialRow) => boolean,
): Map<string, number | null> {
  const by = new Map<string, PartialRow[]>();
  for (const p of parts) {
    if (!keep(p)) continue;
    let list = by.get(p.code);
    if (!list) by.set(p.code, (list = []));
    list.push(p);
  }
  return new Map(defs.map((d) => [d.code, fold(by.get(d.code) ?? [], d.aggregation)]));
}

async function orgRef(db: Executor, id: string, at: string | null): Promise<OrgRef> {
  const m = await repo.organizations(db, [id], at);
  const o = m.get(id);
  if (!o) throw notFound('tổ chức');
  return {
    id: o.id,
    code: o.code,
    kind: o.kind as OrganizationKind,
    fullName: o.full_name,
    shortName: o.short_name,
  };
}

/** The completeness of a set of expected reporters. */
export function completenessOf(
  reporters: readonly ReporterRow[],
  basis: ConsolidationBasis,
): Completeness {
  const byStatus: Completeness['byStatus'] = {
    notStarted: 0,
    draft: 0,
    submitted: 0,
    returned: 0,
    resubmitted: 0,
    approved: 0,
    locked: 0,
  };
  const province = new Map<string, CountRow>();
  const kind = new Map<string, CountRow>();
  let sent = 0;
  let counted = 0;
  let late = 0;
  let overdue = 0;
  const nonReporters: Completeness['nonReporters'] = [];
  const bump = (
    m: Map<string, CountRow>,
    key: string,
    label: string,
    s: boolean,
    c: boolean,
    n: number,
  ) => {
    let row = m.get(key);
    if (!row) m.set(key, (row = { key, label, expected: 0, sent: 0, counted: 0 }));
    row.expected += n;
    if (s) row.sent += n;
    if (c) row.counted += n;
  };
  let expected = 0;
  for (const r of reporters) {
    const s = isSent(r.status);
    const c = isCounted(r.status, basis);
    const n = r.cnt;
    expected += n;
    if (r.status === null) byStatus.notStarted += n;
    else byStatus[r.status] += n;
    if (s) sent += n;
    if (c) counted += n;
    const provinceName = r.province_code_at_open
      ? (provinceByCode(r.province_code_at_open)?.name ?? r.province_code_at_open)
      : null;
    bump(province, r.province_code_at_open ?? 'none', provinceName ?? 'Chưa xác định', s, c, n);
    bump(
      kind,
      r.kind_at_open,
      ORGANIZATION_KIND_LABELS[r.kind_at_open as OrganizationKind]?.vi ?? r.kind_at_open,
      s,
      c,
      n,
    );
    if (r.late) late += n;
    // a unit that has not sent always has a row of its own
    if (!s && r.org_id !== null && r.deadline !== null) {
      if (r.late) overdue++;
      nonReporters.push({
        organizationId: r.org_id,
        name: r.name_at_open ?? '',
        kind: r.kind_at_open as OrganizationKind,
        provinceName,
        status: r.status,
        late: r.late,
        deadline: r.deadline,
        submissionId: r.submission_id,
      });
    }
  }
  nonReporters.sort((a, b) => compareVietnamese(a.name, b.name));
  const byLabel = (a: CountRow, b: CountRow) =>
    b.expected - a.expected || compareVietnamese(a.label, b.label);
  return {
    expected,
    sent,
    counted,
    sentRatio: share(sent, expected),
    countedRatio: share(counted, expected),
    late,
    overdue,
    byStatus,
    byProvince: [...province.values()].sort(byLabel),
    byKind: [...kind.values()].sort(byLabel),
    nonReporters,
  };
}

export interface ConsolidateInput {
  roundId: string;
  organizationId?: string | undefined;
  view: ConsolidationView;
  basis: ConsolidationBasis;
}

/** The rounds a family is compared with: same period a year before, and the round before. */
async function comparisonRoots(db: Executor, root: RoundRow) {
  const [[sameLastYear], [previous]] = await Promise.all([
    repo.rootsOpenedBy(db, root.organization_id, {
      periodType: root.period_type,
      year: root.year - 1,
      quarter: root.quarter,
    }),
    repo.rootsOpenedBy(db, root.organization_id, { before: root.window_to }),
  ]);
  return { sameLastYear, previous };
}

export function createConsolidationService(db: Executor) {
  async function resolve(actor: Actor, roundId: string, organizationId: string | undefined) {
    // independent lookups go to the pool together: each is a round trip of its own
    const [round, root, scope] = await Promise.all([
      repo.round(db, roundId),
      repo.familyRoot(db, roundId),
      scopeRepository.widen(db, scopeFor(actor, 'organization.read')),
    ]);
    if (!round || !root) throw notFound('kỳ báo cáo');
    const orgId = organizationId ?? round.organization_id;
    await assertReadable(db, actor, orgId);
    return { round, root, orgId, scope };
  }

  /** The view's total per indicator of another family at X (for comparisons and trends). */
  async function viewTotals(
    rootId: string,
    orgId: string,
    scope: Scope,
    view: ConsolidationView,
    basis: ConsolidationBasis,
    defs: readonly IndicatorDef[],
    today: string,
  ): Promise<Map<string, number | null>> {
    const parts = await repo.partials(
      db,
      {
        rootId,
        organizationId: orgId,
        today,
        scope,
        asReported: view === 'as_reported',
        restated: view === 'restated',
      },
      COUNTED_STATUSES[basis],
      defs.map((d) => d.code),
      needsOf(defs),
    );
    const key = keyOf(view);
    return totals(parts, defs, (p) => key(p) !== OUTSIDE);
  }

  async function build(
    actor: Actor,
    input: ConsolidateInput,
    extra?: { trendRoots?: RoundRow[]; withNames?: boolean },
  ): Promise<ConsolidationData & { trend?: Map<string, Map<string, number | null>> }> {
    const { root, orgId, scope } = await resolve(actor, input.roundId, input.organizationId);
    const today = vnToday();
    const { view, basis } = input;
    const [items, cmp] = await Promise.all([
      repo.formItems(db, root.form_version_id),
      comparisonRoots(db, root),
    ]);
    const defs = indicatorsOf(items);
    const p: PlacementParams = {
      rootId: root.id,
      organizationId: orgId,
      today,
      scope,
      asReported: true,
      restated: true,
    };
    const key = keyOf(view);
    const namesAt = view === 'as_reported' ? root.window_to : today;
    // everything that does not depend on another result runs at once on the pool
    const [
      { reporters, partials: parts },
      lastYear,
      previous,
      familyRounds,
      trend,
      organization,
      opener,
    ] = await Promise.all([
      repo.familyFacts(db, p, COUNTED_STATUSES[basis], needsOf(defs), extra?.withNames ?? false),
      cmp.sameLastYear
        ? viewTotals(cmp.sameLastYear.id, orgId, scope, view, basis, defs, today)
        : undefined,
      cmp.previous
        ? viewTotals(cmp.previous.id, orgId, scope, view, basis, defs, today)
        : undefined,
      repo.familySize(db, root.id),
      extra?.trendRoots
        ? Promise.all(
            extra.trendRoots.map(async (r) =>
              r.id === root.id
                ? undefined
                : ([r.id, await viewTotals(r.id, orgId, scope, view, basis, defs, today)] as const),
            ),
          )
        : undefined,
      orgRef(db, orgId, namesAt),
      orgRef(db, root.organization_id, root.window_to),
    ]);

    // — totals and reconciliation —
    const viewTotal = totals(parts, defs, (x) => key(x) !== OUTSIDE);
    const asRep = totals(parts, defs, (x) => x.as_child !== null);
    const restated = totals(parts, defs, (x) => x.re_child !== null);
    const joined = totals(parts, defs, (x) => x.as_child === null);
    const left = totals(parts, defs, (x) => x.re_child === null);
    const grand = totals(parts, defs, () => true);

    // — per child —
    const viewReporters = reporters.filter((r) => key(r) !== OUTSIDE);
    const rowKeys = new Set<string>();
    for (const r of reporters) rowKeys.add(key(r));
    for (const x of parts) rowKeys.add(key(x));
    const childIds = [...rowKeys].filter((k) => k !== OUTSIDE);
    const names = await repo.organizations(db, childIds, view === 'as_reported' ? namesAt : null);
    const selfName = organization.shortName ?? organization.fullName;
    const reportersBy = groupBy(reporters, key);
    const partsBy = groupBy(parts, key);
    const children: ChildRow[] = [...rowKeys].map((k) => {
      const rs = reportersBy.get(k) ?? [];
      const own = rs.find((r) => r.org_id === k);
      const values = totals(partsBy.get(k) ?? [], defs, () => true);
      const o = names.get(k);
      const role: ChildRow['role'] = k === OUTSIDE ? 'outside' : k === orgId ? 'self' : 'child';
      return {
        key: k,
        organizationId: k === OUTSIDE ? null : k,
        name:
          role === 'outside'
            ? view === 'as_reported'
              ? `Đơn vị nay thuộc ${selfName}, tại kỳ báo cáo thuộc tổ chức khác`
              : `Đơn vị tại kỳ báo cáo thuộc ${selfName}, nay không còn thuộc (đã chuyển đi, giải thể)`
            : role === 'self'
              ? `Cơ quan ${selfName}`
              : (o?.full_name ?? k),
        shortName: role === 'child' ? (o?.short_name ?? null) : null,
        kind: role === 'outside' ? null : ((o?.kind as OrganizationKind | undefined) ?? null),
        role,
        ownStatus: own?.status ?? null,
        expected: rs.reduce((n, r) => n + r.cnt, 0),
        sent: rs.reduce((n, r) => n + (isSent(r.status) ? r.cnt : 0), 0),
        counted: rs.reduce((n, r) => n + (isCounted(r.status, basis) ? r.cnt : 0), 0),
        values: Object.fromEntries(values),
      };
    });
    const rank = (r: ChildRow) => (r.role === 'self' ? 0 : r.role === 'child' ? 1 : 2);
    children.sort((a, b) => rank(a) - rank(b) || compareVietnamese(a.name, b.name));

    const indicators = defs.map(({ rule: _rule, ...d }) => {
      const value = viewTotal.get(d.code) ?? null;
      return {
        ...d,
        value,
        sameLastYear: change(value, lastYear ? (lastYear.get(d.code) ?? null) : null),
        previous: change(value, previous ? (previous.get(d.code) ?? null) : null),
      };
    });
    const categories: Consolidation['categories'] = [];
    for (const d of indicators) {
      let c = categories.find((x) => x.category === d.category);
      if (!c) {
        categories.push(
          (c = { category: d.category, label: categoryLabel(d.category), indicators: [] }),
        );
      }
      c.indicators.push({ code: d.code, label: d.label, unit: d.unit, value: d.value });
    }
    const recon = defs.map((d) => ({
      code: d.code,
      asReported: asRep.get(d.code) ?? null,
      restated: restated.get(d.code) ?? null,
      joinedSince: joined.get(d.code) ?? null,
      leftSince: left.get(d.code) ?? null,
      grandTotal: grand.get(d.code) ?? null,
    }));
    return {
      round: {
        ...toBrief(root),
        rootRoundId: root.id,
        deadline: root.deadline,
        graceDays: root.grace_days,
        status: root.status,
        opener,
        familyRounds,
      },
      organization,
      view,
      basis,
      today,
      namesAt,
      comparison: {
        sameLastYear: cmp.sameLastYear ? toBrief(cmp.sameLastYear) : null,
        previous: cmp.previous ? toBrief(cmp.previous) : null,
      },
      indicators,
      children,
      categories,
      completeness: completenessOf(viewReporters, basis),
      reconciliation: {
        // the grand total is the same set of units in both views by construction; this says so
        balanced: recon.every(
          (r) =>
            sameFigure(add(r.asReported, r.joinedSince), r.grandTotal, defs, r.code) &&
            sameFigure(add(r.restated, r.leftSince), r.grandTotal, defs, r.code),
        ),
        indicators: recon,
      },
      reporters: viewReporters,
      sections: items.filter((i) => i.item_type === 'section'),
      rootRound: root,
      ...(trend
        ? {
            trend: new Map(
              trend.filter((t): t is NonNullable<typeof t> => t !== undefined).map((t) => [...t]),
            ),
          }
        : {}),
    };
  }

  return {
    /** The full consolidation (API response plus what documents need). */
    build,

    async consolidate(actor: Actor, input: ConsolidateInput): Promise<Consolidation> {
      const { reporters: _r, sections: _s, rootRound: _root, ...out } = await build(actor, input);
      return out;
    },

    async drill(actor: Actor, roundId: string, q: DrillQuery) {
      const { root, orgId, scope } = await resolve(actor, roundId, q.organizationId);
      const today = vnToday();
      const defs = indicatorsOf(await repo.formItems(db, root.form_version_id));
      const def = defs.find((d) => d.code === q.indicator);
      if (!def)
        throw invalid('indicator', `Mẫu báo cáo của kỳ này không có chỉ tiêu ${q.indicator}`);
      const view = q.view;
      const p: PlacementParams = {
        rootId: root.id,
        organizationId: orgId,
        today,
        scope,
        asReported: view === 'as_reported',
        restated: view === 'restated',
      };
      const key = keyOf(view);
      const [parts, subs, organization] = await Promise.all([
        repo.partials(db, p, COUNTED_STATUSES[q.basis], [def.code], needsOf([def])),
        repo.drillSubmissions(db, p, def.code, view, q.childId, 500),
        orgRef(db, orgId, view === 'as_reported' ? root.window_to : today),
      ]);
      const keys = [...new Set(parts.map(key))];
      const names = await repo.organizations(
        db,
        keys.filter((k) => k !== OUTSIDE),
        view === 'as_reported' ? root.window_to : null,
      );
      const selfName = organization.shortName ?? organization.fullName;
      const children = keys
        .map((k) => {
          const role: 'self' | 'child' | 'outside' =
            k === OUTSIDE ? 'outside' : k === orgId ? 'self' : 'child';
          return {
            key: k,
            organizationId: k === OUTSIDE ? null : k,
            name:
              role === 'outside'
                ? 'Ngoài cơ cấu của tổ chức theo cách xem này'
                : role === 'self'
                  ? `Cơ quan ${selfName}`
                  : (names.get(k)?.full_name ?? k),
            role,
            value: fold(
              parts.filter((x) => key(x) === k),
              def.aggregation,
            ),
          };
        })
        .filter((c) => c.role !== 'outside')
        .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
      let activities = null;
      if (q.submissionId) {
        const s = await repo.submission(db, q.submissionId);
        const inDrill = subs.rows.some((r) => r.submission_id === q.submissionId);
        if (!s || !inDrill) {
          // outside this figure, or outside what the actor reads: it does not exist here
          throw notFound('báo cáo');
        }
        const values = await repo.submissionValues(db, s.id);
        const v = values.find((x) => x.indicator_code === def.code);
        const rows = def.rule
          ? await repo.activitiesBehind(
              db,
              s.organization_id,
              { from: s.window_from, to: s.window_to },
              def.rule,
              500,
            )
          : [];
        activities = {
          submissionId: s.id,
          organizationName: s.full_name,
          ownValue: v?.own_value ?? null,
          computedValue: v?.computed_value ?? null,
          overrideReason: v?.override_reason ?? null,
          fromActivities: def.rule ? (rows[0]?.value ?? 0) : null,
          total: rows[0]?.total ?? 0,
          items: rows.map((a) => ({
            id: a.id,
            title: a.title,
            kind: a.kind,
            subtype: a.subtype,
            startsOn: a.starts_on,
            endsOn: a.ends_on,
            mode: a.mode,
            provinceCode: a.province_code,
            contribution: a.contribution,
          })),
        };
      }
      return {
        indicator: {
          code: def.code,
          label: def.label,
          unit: def.unit,
          aggregation: def.aggregation,
          source: def.source,
        },
        view,
        basis: q.basis,
        value: fold(
          parts.filter((x) => key(x) !== OUTSIDE),
          def.aggregation,
        ),
        children,
        submissions: {
          total: subs.total,
          truncated: subs.total > subs.rows.length,
          items: subs.rows.map((r) => ({
            organizationId: r.org_id,
            name: r.name_at_open,
            nameToday: r.name_today,
            kind: r.kind_at_open as OrganizationKind,
            childKey: key(r),
            roundId: r.round_id,
            submissionId: r.submission_id,
            status: r.status,
            counted: isCounted(r.status, q.basis),
            ownValue: r.own_value,
            subunitsValue: r.subunits_value,
            computedValue: r.computed_value,
            overrideReason: r.override_reason,
          })),
        },
        activities,
      };
    },

    async dashboard(actor: Actor, q: DashboardQuery) {
      const orgId = q.organizationId ?? defaultOrganization(actor);
      if (!orgId) throw invalid('organizationId', 'Hãy chọn tổ chức để xem bảng điều khiển');
      await assertReadable(db, actor, orgId);
      const root = q.roundId
        ? await repo.familyRoot(db, q.roundId)
        : await repo.latestFamilyOf(db, orgId);
      if (q.roundId && !root) throw notFound('kỳ báo cáo');
      if (!root) {
        return {
          organization: await orgRef(db, orgId, null),
          view: q.view,
          basis: q.basis,
          round: null,
          rounds: [],
          indicators: [],
          headline: [],
          trend: { rounds: [], series: [] },
          ranking: { code: null, label: null, unit: null, items: [] },
          completeness: null,
        };
      }
      const opened = await repo.rootsOpenedBy(db, root.organization_id, {});
      const trendRoots = opened
        .filter((r) => r.window_to <= root.window_to)
        .slice(0, 8)
        .reverse();
      const c = await build(
        actor,
        { roundId: root.id, organizationId: orgId, view: q.view, basis: q.basis },
        { trendRoots },
      );
      const byCode = new Map(c.indicators.map((i) => [i.code, i]));
      // one headline figure per group of the form: its first indicator
      const seen = new Set<string | null>();
      const headline = c.indicators
        .filter((i) => (seen.has(i.group) ? false : (seen.add(i.group), true)))
        .slice(0, 8);
      const chosen = (q.indicators?.split(',') ?? headline.slice(0, 3).map((h) => h.code)).filter(
        (code) => byCode.has(code),
      );
      const rankCode = q.rankBy && byCode.has(q.rankBy) ? q.rankBy : (headline[0]?.code ?? null);
      const rankDef = rankCode ? byCode.get(rankCode)! : null;
      const current = new Map(c.indicators.map((i) => [i.code, i.value]));
      return {
        organization: c.organization,
        view: c.view,
        basis: c.basis,
        round: c.round,
        rounds: opened.map(toBrief),
        indicators: c.indicators.map((i) => ({ code: i.code, label: i.label, unit: i.unit })),
        headline: headline.map((i) => ({
          code: i.code,
          label: i.label,
          unit: i.unit,
          value: i.value,
          sameLastYear: i.sameLastYear,
          previous: i.previous,
        })),
        trend: {
          rounds: trendRoots.map(toBrief),
          series: chosen.map((code) => {
            const d = byCode.get(code)!;
            return {
              code,
              label: d.label,
              unit: d.unit,
              values: trendRoots.map((r) =>
                r.id === root.id
                  ? (current.get(code) ?? null)
                  : (c.trend?.get(r.id)?.get(code) ?? null),
              ),
            };
          }),
        },
        ranking: {
          code: rankCode,
          label: rankDef?.label ?? null,
          unit: rankDef?.unit ?? null,
          items: rankCode
            ? c.children
                .filter((r) => r.role !== 'outside')
                .map((r) => ({
                  organizationId: r.organizationId,
                  name: r.shortName ?? r.name,
                  value: r.values[rankCode] ?? null,
                }))
                .sort((a, b) => (b.value ?? -1) - (a.value ?? -1))
                .slice(0, 20)
            : [],
        },
        completeness: c.completeness,
      };
    },
  };
}

/** The dashboard opens on the first organisation the user's roles are given on. */
function defaultOrganization(actor: Actor): string | undefined {
  return (
    actor.assignments.find((a) => a.role !== 'system_admin')?.organizationId ??
    actor.assignments[0]?.organizationId
  );
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(x);
  }
  return out;
}

function add(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return a + b;
}

/** Additive aggregations reconcile exactly; average and max are compared on the grand set only. */
function sameFigure(
  x: number | null,
  grand: number | null,
  defs: readonly IndicatorDef[],
  code: string,
): boolean {
  const how = defs.find((d) => d.code === code)?.aggregation ?? 'sum';
  if (how === 'average' || how === 'max') return true;
  return Math.abs((x ?? 0) - (grand ?? 0)) < 1e-6;
}

export type ConsolidationService = ReturnType<typeof createConsolidationService>;
