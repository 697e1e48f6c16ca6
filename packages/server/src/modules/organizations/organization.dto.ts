import { ORGANIZATION_KINDS, type OrganizationKind } from '@lienhiep/core';
import { openEnd } from '../../shared/dates.js';
import type { OrganizationListRow } from './organization.repository.js';
import type { RefRow, TreeRow } from './tree.repository.js';

export type Status = 'active' | 'suspended' | 'dissolved';

export interface OrganizationRefDto {
  id: string;
  code: string;
  kind: OrganizationKind;
  fullName: string;
  shortName: string | null;
}

export type KindCounts = Record<OrganizationKind, number>;

export function statusAt(
  endedOn: string | null,
  operating: 'active' | 'suspended',
  at: string,
): Status {
  return endedOn !== null && endedOn <= at ? 'dissolved' : operating;
}

export function toRef(r: RefRow): OrganizationRefDto {
  return { id: r.id, code: r.code, kind: r.kind, fullName: r.full_name, shortName: r.short_name };
}

export function emptyCounts(): KindCounts {
  return Object.fromEntries(ORGANIZATION_KINDS.map((k) => [k, 0])) as KindCounts;
}

export function sumCounts(c: KindCounts): number {
  return ORGANIZATION_KINDS.reduce((s, k) => s + c[k], 0);
}

/** Groups count rows by ancestor into complete per-kind records. */
export function countsByAncestor(
  rows: { ancestor_id: string; kind: OrganizationKind; n: number }[],
): Map<string, KindCounts> {
  const out = new Map<string, KindCounts>();
  for (const r of rows) {
    let c = out.get(r.ancestor_id);
    if (!c) {
      c = emptyCounts();
      out.set(r.ancestor_id, c);
    }
    c[r.kind] += r.n;
  }
  return out;
}

export function toSummary(r: OrganizationListRow, at: string) {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    fullName: r.full_name,
    shortName: r.short_name,
    province:
      r.province_code && r.province_name ? { code: r.province_code, name: r.province_name } : null,
    status: statusAt(r.ended_on, r.operating_status, at),
    foundedOn: r.founded_on,
    endedOn: openEnd(r.ended_on),
    parent:
      r.parent_id && r.parent_code && r.parent_kind && r.parent_full_name
        ? {
            id: r.parent_id,
            code: r.parent_code,
            kind: r.parent_kind,
            fullName: r.parent_full_name,
            shortName: r.parent_short_name,
          }
        : null,
  };
}

export function toTreeNode(
  r: TreeRow,
  at: string,
  counts: KindCounts | undefined,
  childCount: number,
) {
  const c = counts ?? emptyCounts();
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    fullName: r.full_name,
    shortName: r.short_name,
    status: statusAt(r.ended_on, r.operating_status, at),
    provinceCode: r.province_code,
    childCount,
    subtreeTotal: sumCounts(c),
    subtreeCounts: c,
  };
}
