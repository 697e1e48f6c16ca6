import { describe, it, expect } from 'vitest';
import {
  ALLOWED_PARENT_KINDS,
  LINEAGE_EVENT_KINDS,
  LINEAGE_EVENT_KIND_LABELS,
  ORGANIZATION_KINDS,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_STATUSES,
  ORGANIZATION_STATUS_LABELS,
  canBeChildOf,
  isLineageEventKind,
  isOrganizationKind,
  isOrganizationStatus,
  type OrganizationKind,
} from './kinds.js';

describe('labels', () => {
  it('exist for every kind, status and lineage event', () => {
    expect(Object.keys(ORGANIZATION_KIND_LABELS).sort()).toEqual([...ORGANIZATION_KINDS].sort());
    expect(Object.keys(ORGANIZATION_STATUS_LABELS).sort()).toEqual(
      [...ORGANIZATION_STATUSES].sort(),
    );
    expect(Object.keys(LINEAGE_EVENT_KIND_LABELS).sort()).toEqual([...LINEAGE_EVENT_KINDS].sort());
  });

  it('use the Vietnamese terms of the system', () => {
    expect(ORGANIZATION_KIND_LABELS.national_association.vi).toBe('Hội ngành toàn quốc');
    expect(ORGANIZATION_KIND_LABELS.club.viShort).toBe('CLB');
    expect(ORGANIZATION_STATUS_LABELS.suspended.vi).toBe('Tạm ngừng hoạt động');
    expect(LINEAGE_EVENT_KIND_LABELS.move.vi).toBe('Chuyển trực thuộc');
  });
});

describe('type guards', () => {
  it('accept listed values only', () => {
    expect(isOrganizationKind('club')).toBe(true);
    expect(isOrganizationKind('member')).toBe(false);
    expect(isOrganizationKind(undefined)).toBe(false);
    expect(isOrganizationStatus('dissolved')).toBe(true);
    expect(isOrganizationStatus('Active')).toBe(false);
    expect(isLineageEventKind('merge')).toBe(true);
    expect(isLineageEventKind('absorb')).toBe(false);
  });
});

describe('canBeChildOf', () => {
  it('makes the central union the only root', () => {
    const roots = ORGANIZATION_KINDS.filter((k) => ALLOWED_PARENT_KINDS[k].length === 0);
    expect(roots).toEqual(['central_union']);
    for (const k of ORGANIZATION_KINDS) expect(canBeChildOf('central_union', k)).toBe(false);
  });

  it.each<[OrganizationKind, OrganizationKind, boolean]>([
    ['national_association', 'central_union', true],
    ['provincial_union', 'central_union', true],
    ['provincial_union', 'national_association', false],
    ['member_association', 'provincial_union', true],
    ['member_association', 'central_union', false],
    ['branch', 'national_association', true],
    ['branch', 'member_association', true],
    ['branch', 'provincial_union', false],
    ['st_organization', 'central_union', true],
    ['st_organization', 'member_association', true],
    ['st_organization', 'branch', false],
    ['club', 'provincial_union', true],
    ['club', 'central_union', false],
    ['collective_member', 'national_association', true],
    ['collective_member', 'club', false],
  ])('%s under %s: %s', (child, parent, expected) => {
    expect(canBeChildOf(child, parent)).toBe(expected);
  });

  it('lets every kind reach the root, so no kind is stranded', () => {
    const reachesRoot = (kind: OrganizationKind, seen: Set<OrganizationKind>): boolean =>
      kind === 'central_union' ||
      ALLOWED_PARENT_KINDS[kind].some((p) => !seen.has(p) && reachesRoot(p, new Set([...seen, p])));
    for (const k of ORGANIZATION_KINDS) expect(reachesRoot(k, new Set([k])), k).toBe(true);
  });

  it('never lets a kind sit under itself', () => {
    for (const k of ORGANIZATION_KINDS) expect(canBeChildOf(k, k)).toBe(false);
  });
});
