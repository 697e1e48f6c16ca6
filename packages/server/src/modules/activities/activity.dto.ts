import {
  ACTIVITY_FIGURES,
  ACTIVITY_KINDS,
  KIND_FIGURES,
  type ActivityFigure,
  type ActivityKind,
} from '@lienhiep/core';
import type { ActivityRow, ActivityTableRow, KindSums } from './activity.repository.js';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : d);

export function figuresOf(r: ActivityTableRow): Record<ActivityFigure, number | null> {
  return {
    sessions: r.sessions,
    participants: r.participants,
    attendances: r.attendances,
    opinions: r.opinions,
    documents: r.documents,
    households: r.households,
    amount: num(r.amount),
  };
}

export function toActivity(r: ActivityRow) {
  return {
    id: r.id,
    organization: {
      id: r.organization_id,
      code: r.org_code,
      kind: r.org_kind,
      fullName: r.org_full_name,
      shortName: r.org_short_name,
    },
    kind: r.kind,
    subtype: r.subtype,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    province:
      r.province_code && r.province_name ? { code: r.province_code, name: r.province_name } : null,
    mode: r.mode,
    partners: r.partners,
    projectLevel: r.project_level,
    figures: figuresOf(r),
    attachmentCount: r.attachment_count,
    imported: r.import_id !== null,
  };
}

export interface AttachmentRow {
  id: string;
  file_name: string;
  media_type: string;
  size: number;
  created_at: Date | string;
  name: string | null;
}

export function toAttachment(a: AttachmentRow) {
  return {
    id: a.id,
    fileName: a.file_name,
    mediaType: a.media_type,
    size: a.size,
    createdAt: iso(a.created_at),
    createdByName: a.name,
  };
}

export function toActivityDetail(r: ActivityRow, attachments: AttachmentRow[], canWrite: boolean) {
  return {
    ...toActivity(r),
    description: r.description,
    attachments: attachments.map(toAttachment),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    createdByName: r.created_by_name,
    canWrite,
  };
}

/** Every kind in order, with its count and the sums of the figures it records. */
export function toKindSummaries(rows: readonly KindSums[]) {
  const byKind = new Map<ActivityKind, KindSums>(rows.map((r) => [r.kind, r]));
  return ACTIVITY_KINDS.map((kind) => {
    const r = byKind.get(kind);
    return {
      kind,
      count: r?.n ?? 0,
      figures: KIND_FIGURES[kind].map(({ figure }) => ({
        figure,
        sum: num(r?.[figure]) ?? 0,
      })),
    };
  });
}

/** The audit trail's view of a stored activity (without the derived search text). */
export function auditView(r: ActivityTableRow): Record<string, unknown> {
  const { search_text: _s, created_at: _c, updated_at: _u, ...rest } = r;
  return { ...rest, amount: num(r.amount) };
}

export { ACTIVITY_FIGURES };
