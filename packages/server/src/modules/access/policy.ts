import type { Executor } from '../../db/database.js';
import { AppError, notFound } from '../../shared/errors.js';
import { organizationRepository } from '../organizations/organization.repository.js';
import type { Actor } from './actor.js';
import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from './roles.js';
import { scopeRepository, type Scope } from './scope.repository.js';

/**
 * The one place that decides who may do what on which subtree. Routes declare the permission
 * they need; services ask here before reading or writing a particular organisation, and
 * repositories receive the resulting Scope so that reads are limited inside the query itself.
 */

export const forbidden = (detail = 'Bạn không có quyền thực hiện thao tác này'): AppError =>
  new AppError(403, 'forbidden', detail);

export function isSystemAdmin(actor: Actor): boolean {
  return actor.assignments.some((a) => a.role === 'system_admin');
}

export function hasPermission(actor: Actor, p: Permission): boolean {
  return actor.assignments.some((a) => ROLE_PERMISSIONS[a.role].includes(p));
}

/** The roles that grant `p` (for finding the people who hold it on an organisation). */
export function rolesGranting(p: Permission): Role[] {
  return ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p));
}

/** The organisations the actor's roles are given on (its own units), each once. */
export function assignedOrganizationIds(actor: Actor): string[] {
  return [...new Set(actor.assignments.map((a) => a.organizationId))];
}

/** Where the actor holds `p`: everywhere for a system administrator, else the roots of its roles. */
export function scopeFor(actor: Actor, p: Permission): Scope {
  if (isSystemAdmin(actor)) return { kind: 'all' };
  const roots = actor.assignments
    .filter((a) => ROLE_PERMISSIONS[a.role].includes(p))
    .map((a) => a.organizationId);
  return { kind: 'subtrees', roots: [...new Set(roots)] };
}

/** The organisation named in the URL must be readable, or it does not exist for this actor. */
export async function assertReadable(
  db: Executor,
  actor: Actor,
  orgId: string,
  p: Permission = 'organization.read',
) {
  const ok = await scopeRepository.filter(db, scopeFor(actor, p), [orgId], 'read');
  if (!ok.has(orgId)) throw notFound('tổ chức');
}

/**
 * Every organisation a write touches must be writable. One the actor cannot even read answers
 * like a missing one when it is the subject named in the URL (404), and as a refused write
 * otherwise (403) — in neither case does the answer tell whether it exists.
 */
export async function assertWritable(
  db: Executor,
  actor: Actor,
  p: Permission,
  orgIds: readonly string[],
  subjectInUrl?: string,
): Promise<void> {
  const ids = [...new Set(orgIds)];
  if (subjectInUrl) await assertReadable(db, actor, subjectInUrl);
  const writable = await scopeRepository.filter(db, scopeFor(actor, p), ids, 'write');
  for (const id of ids) {
    if (!writable.has(id)) throw forbidden('Bạn không có quyền thay đổi dữ liệu của tổ chức này');
  }
}

/** Of `orgIds`, those where the actor holds `p` and may write (sorted, for a stable choice). */
export async function writableAmong(
  db: Executor,
  actor: Actor,
  p: Permission,
  orgIds: readonly string[],
): Promise<string[]> {
  const ok = await scopeRepository.filter(db, scopeFor(actor, p), orgIds, 'write');
  return orgIds.filter((id) => ok.has(id)).sort();
}

/** A role may be given only by someone who manages accounts there, and system administration only by a system administrator. */
export async function assertCanGrant(
  db: Executor,
  actor: Actor,
  role: Role,
  orgId: string,
): Promise<void> {
  if (role === 'system_admin' && !isSystemAdmin(actor)) {
    throw forbidden('Chỉ quản trị hệ thống mới cấp được quyền quản trị hệ thống');
  }
  const ok = await scopeRepository.filter(db, scopeFor(actor, 'account.manage'), [orgId], 'write');
  if (!ok.has(orgId)) throw forbidden('Bạn chỉ cấp quyền trong phạm vi đơn vị mình quản lý');
}

/**
 * Indicators and report forms are system-wide definitions: only a system administrator, or
 * someone holding form.manage through a role on the root organisation (the central union), may
 * change them — a unit administrator of a province manages its own rounds, not the catalogue.
 */
export async function assertCanManageForms(db: Executor, actor: Actor): Promise<void> {
  if (isSystemAdmin(actor)) return;
  const root = await organizationRepository.findCentralUnion(db);
  const held =
    root !== undefined &&
    actor.assignments.some(
      (a) => a.organizationId === root.id && ROLE_PERMISSIONS[a.role].includes('form.manage'),
    );
  if (!held)
    throw forbidden(
      'Chỉ quản trị của Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam mới được sửa chỉ tiêu và biểu mẫu báo cáo',
    );
}
