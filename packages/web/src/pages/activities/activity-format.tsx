import {
  ACTIVITY_FIGURE_LABELS,
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  ACTIVITY_MODE_LABELS,
  ACTIVITY_MODES,
  ACTIVITY_SUBTYPES,
  KIND_FIGURES,
  PROJECT_LEVEL_LABELS,
  PROJECT_LEVELS,
} from '@lienhiep/core';
import { Tag } from 'antd';
import { fmtDate, fmtNumber } from '../../format';
import { useLanguage, type Language } from '../../i18n';
import type {
  Activity,
  ActivityFigure,
  ActivityFigures,
  ActivityKind,
  ActivityMode,
  ProjectLevel,
} from './activity-api';

export { ACTIVITY_KINDS, ACTIVITY_MODES, PROJECT_LEVELS, KIND_FIGURES };

const pick = (l: { vi: string; en: string }, lang: Language) => (lang === 'en' ? l.en : l.vi);

export const activityKindLabel = (k: ActivityKind, lang: Language) =>
  pick(ACTIVITY_KIND_LABELS[k], lang);
export const modeLabel = (m: ActivityMode, lang: Language) => pick(ACTIVITY_MODE_LABELS[m], lang);
export const levelLabel = (l: ProjectLevel, lang: Language) => pick(PROJECT_LEVEL_LABELS[l], lang);

export function subtypeLabel(kind: ActivityKind, subtype: string | null, lang: Language) {
  if (subtype === null) return null;
  const l = ACTIVITY_SUBTYPES[kind]?.[subtype];
  return l === undefined ? subtype : pick(l, lang);
}

/** The subtypes a kind offers, for a select. */
export function subtypeOptions(kind: ActivityKind | undefined, lang: Language) {
  if (kind === undefined) return [];
  return Object.entries(ACTIVITY_SUBTYPES[kind] ?? {}).map(([value, l]) => ({
    value,
    label: pick(l, lang),
  }));
}

/** The label of a figure as the kind names it ("Số lượt học viên" for a course). */
export function figureLabel(kind: ActivityKind, figure: ActivityFigure, lang: Language): string {
  const f = KIND_FIGURES[kind].find((x) => x.figure === figure);
  return f === undefined ? pick(ACTIVITY_FIGURE_LABELS[figure], lang) : pick(f, lang);
}

/** "1.250 lượt · 3 lớp": the figures given, each with its unit, in the kind's order. */
export function figuresText(kind: ActivityKind, figures: ActivityFigures, lang: Language): string {
  return KIND_FIGURES[kind]
    .filter(({ figure }) => figures[figure] !== null)
    .map(({ figure }) => {
      const n = fmtNumber(figures[figure] ?? 0);
      return lang === 'en'
        ? `${pick(ACTIVITY_FIGURE_LABELS[figure], lang)}: ${n}`
        : `${n} ${ACTIVITY_FIGURE_LABELS[figure].unit}`;
    })
    .join(' · ');
}

/** "10/03/2025" or "10/03/2025 – 12/03/2025". */
export function dateRange(a: Pick<Activity, 'startsOn' | 'endsOn'>): string {
  return a.startsOn === a.endsOn
    ? fmtDate(a.endsOn)
    : `${fmtDate(a.startsOn)} – ${fmtDate(a.endsOn)}`;
}

export const ACTIVITY_KIND_COLORS: Readonly<Record<ActivityKind, string>> = {
  training: 'blue',
  event: 'geekblue',
  consultancy: 'purple',
  project: 'magenta',
  international: 'cyan',
  contest: 'orange',
  outreach: 'green',
  welfare: 'volcano',
  other: 'default',
};

export function ActivityKindTag({
  kind,
  subtype,
}: {
  kind: ActivityKind;
  subtype?: string | null;
}) {
  const lang = useLanguage();
  const sub = subtype === undefined ? null : subtypeLabel(kind, subtype, lang);
  const full = activityKindLabel(kind, lang);
  // the subtype says more in less room ("Hội thảo"); the kind's full name on hover
  return (
    <Tag
      color={ACTIVITY_KIND_COLORS[kind]}
      style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
      title={sub === null ? undefined : full}
    >
      {sub ?? full}
    </Tag>
  );
}

export function isActivityKind(v: string | null): v is ActivityKind {
  return v !== null && (ACTIVITY_KINDS as readonly string[]).includes(v);
}

export function isActivityMode(v: string | null): v is ActivityMode {
  return v !== null && (ACTIVITY_MODES as readonly string[]).includes(v);
}

/** "1,2 MB", "350 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${fmtNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${fmtNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
