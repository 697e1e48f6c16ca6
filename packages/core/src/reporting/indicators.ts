/**
 * Indicators computed from activities are declarative rules: which activities (kind, and
 * optionally modes, subtypes, project levels) and what to take of them (how many, or the sum of a
 * figure). The server turns a rule into SQL; `ruleValue` is the same rule in plain code, for
 * tests and for what the browser explains.
 */
import {
  ACTIVITY_FIGURE_LABELS,
  ACTIVITY_KIND_LABELS,
  ACTIVITY_MODE_LABELS,
  ACTIVITY_SUBTYPES,
  PROJECT_LEVEL_LABELS,
  type ActivityFigure,
  type ActivityKind,
  type ActivityMode,
  type ProjectLevel,
} from './activities.js';

export interface IndicatorRule {
  kind: ActivityKind;
  modes?: ActivityMode[];
  subtypes?: string[];
  levels?: ProjectLevel[];
  measure: 'count' | 'sum';
  /** Required when measure is 'sum'. */
  figure?: ActivityFigure;
}

export const TREE_AGGREGATIONS = ['sum', 'average', 'max', 'distinct_count'] as const;
export type TreeAggregation = (typeof TREE_AGGREGATIONS)[number];
export const TREE_AGGREGATION_LABELS: Readonly<Record<TreeAggregation, string>> = {
  sum: 'Cộng các đơn vị',
  average: 'Trung bình các đơn vị',
  max: 'Lớn nhất trong các đơn vị',
  distinct_count: 'Số đơn vị có số liệu',
};

export const TIME_AGGREGATIONS = ['sum', 'last', 'average'] as const;
export type TimeAggregation = (typeof TIME_AGGREGATIONS)[number];
export const TIME_AGGREGATION_LABELS: Readonly<Record<TimeAggregation, string>> = {
  sum: 'Cộng các kỳ',
  last: 'Giá trị kỳ cuối',
  average: 'Trung bình các kỳ',
};

export const INDICATOR_SOURCES = ['activities', 'manual'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];
export const INDICATOR_SOURCE_LABELS: Readonly<Record<IndicatorSource, string>> = {
  activities: 'Tính từ hoạt động',
  manual: 'Nhập tay',
};

/** Categories of indicators that do not come from one kind of activity. */
export const INDICATOR_EXTRA_CATEGORIES = {
  organization: 'Tổ chức, hội viên',
  finance: 'Tài chính',
} as const;

export interface RuleActivity {
  kind: ActivityKind;
  mode: ActivityMode;
  subtype: string | null;
  projectLevel: ProjectLevel | null;
  figures: Partial<Record<ActivityFigure, number | null>>;
}

export function ruleMatches(rule: IndicatorRule, a: RuleActivity): boolean {
  if (a.kind !== rule.kind) return false;
  if (rule.modes?.length && !rule.modes.includes(a.mode)) return false;
  if (rule.subtypes?.length && (a.subtype === null || !rule.subtypes.includes(a.subtype)))
    return false;
  if (rule.levels?.length && (a.projectLevel === null || !rule.levels.includes(a.projectLevel)))
    return false;
  return true;
}

/** The value of a rule over some activities (missing figures count as 0). */
export function ruleValue(rule: IndicatorRule, activities: readonly RuleActivity[]): number {
  let total = 0;
  for (const a of activities) {
    if (!ruleMatches(rule, a)) continue;
    total += rule.measure === 'count' ? 1 : ((rule.figure ? a.figures[rule.figure] : 0) ?? 0);
  }
  return total;
}

/** "Tổng Số lượt người của hoạt động Đào tạo, tập huấn, bồi dưỡng (Trực tuyến)" */
export function describeRule(rule: IndicatorRule): string {
  const kind = ACTIVITY_KIND_LABELS[rule.kind].vi.toLocaleLowerCase('vi');
  const what =
    rule.measure === 'count' || !rule.figure
      ? `Số hoạt động ${kind}`
      : `Tổng ${ACTIVITY_FIGURE_LABELS[rule.figure].vi.toLocaleLowerCase('vi')} của hoạt động ${kind}`;
  const filters: string[] = [];
  if (rule.modes?.length)
    filters.push(rule.modes.map((m) => ACTIVITY_MODE_LABELS[m].vi).join(', '));
  if (rule.subtypes?.length) {
    const names = ACTIVITY_SUBTYPES[rule.kind] ?? {};
    filters.push(rule.subtypes.map((s) => names[s]?.vi ?? s).join(', '));
  }
  if (rule.levels?.length)
    filters.push(rule.levels.map((l) => PROJECT_LEVEL_LABELS[l].vi).join(', '));
  return filters.length ? `${what} (${filters.join('; ').toLocaleLowerCase('vi')})` : what;
}
