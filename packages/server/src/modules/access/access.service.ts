import type { Database, Executor } from '../../db/database.js';
import { AppError, conflict, notFound } from '../../shared/errors.js';
import { audit } from '../audit/audit.service.js';
import { hashPassword } from 'better-auth/crypto';
import { accessRepository as repo } from './access.repository.js';
import type { Actor, RequestContext } from './actor.js';
import { assertCanGrant, forbidden, hasPermission, isSystemAdmin, scopeFor } from './policy.js';
import { PERMISSIONS, type Role } from './roles.js';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

async function rolesOf(db: Executor, userIds: string[]) {
  const rows = await repo.assignmentsWithOrgs(db, userIds);
  const by = new Map<
    string,
    {
      id: string;
      role: Role;
      organization: {
        id: string;
        code: string;
        kind: (typeof rows)[number]['kind'];
        fullName: string;
        shortName: string | null;
      };
    }[]
  >();
  for (const r of rows) {
    const list = by.get(r.user_id) ?? [];
    list.push({
      id: r.id,
      role: r.role,
      organization: {
        id: r.org_id,
        code: r.code,
        kind: r.kind,
        fullName: r.full_name,
        shortName: r.short_name,
      },
    });
    by.set(r.user_id, list);
  }
  return by;
}

function toUser(
  u: Pick<
    UserRow,
    | 'id'
    | 'name'
    | 'username'
    | 'email'
    | 'locked'
    | 'locked_until'
    | 'two_factor_enabled'
    | 'must_change_password'
    | 'last_sign_in_at'
    | 'created_at'
  >,
  roles: Awaited<ReturnType<typeof rolesOf>>,
) {
  return {
    id: u.id,
    name: u.name,
    username: u.username,
    email: u.email,
    locked: u.locked,
    lockedUntil:
      u.locked_until && u.locked_until > new Date() ? u.locked_until.toISOString() : null,
    twoFactorEnabled: u.two_factor_enabled,
    mustChangePassword: u.must_change_password,
    lastSignInAt: u.last_sign_in_at ? u.last_sign_in_at.toISOString() : null,
    createdAt: u.created_at.toISOString(),
    roles: roles.get(u.id) ?? [],
  };
}

/** Creates an account with a password and its roles (better-auth hashes the password). */
export async function createAccount(
  tx: Executor,
  v: {
    name: string;
    username: string;
    email: string;
    password: string;
    mustChangePassword: boolean;
    isDemo?: boolean;
    roles: { role: Role; organizationId: string }[];
  },
): Promise<string> {
  const taken = await repo.loginTaken(tx, v.username, v.email);
  if (taken === 'username') throw conflict(`Tên đăng nhập ${v.username} đã được dùng`, 'username');
  if (taken === 'email') throw conflict(`Thư điện tử ${v.email} đã được dùng`, 'email');
  const id = crypto.randomUUID();
  await repo.insertUser(tx, {
    id,
    name: v.name,
    email: v.email,
    username: v.username,
    mustChangePassword: v.mustChangePassword,
    isDemo: v.isDemo ?? false,
  });
  // better-auth's own hashing (scrypt), so its sign-in verifies it
  await repo.setPassword(tx, id, await hashPassword(v.password));
  for (const r of v.roles) await repo.insertAssignment(tx, id, r.role, r.organizationId);
  return id;
}

export function createAccessService(db: Database) {
  async function managedUser(tx: Executor, actor: Actor, userId: string): Promise<UserRow> {
    const user = await repo.findUserById(tx, userId);
    if (!user || !(await repo.userWithinScope(tx, scopeFor(actor, 'account.manage'), userId))) {
      throw notFound('tài khoản');
    }
    return user;
  }
  async function view(tx: Executor, userId: string) {
    const u = await repo.findUserById(tx, userId);
    if (!u) throw notFound('tài khoản');
    return toUser(u, await rolesOf(tx, [userId]));
  }
  const orgOf = (roles: { organizationId: string }[]) => roles[0]?.organizationId ?? null;

  return {
    async me(actor: Actor) {
      const roles = (await rolesOf(db, [actor.userId])).get(actor.userId) ?? [];
      return {
        id: actor.userId,
        name: actor.name,
        username: actor.username,
        email: actor.email,
        twoFactorEnabled: actor.twoFactorEnabled,
        mustChangePassword: actor.mustChangePassword,
        twoFactorSetupRequired: isSystemAdmin(actor) && !actor.twoFactorEnabled,
        roles,
        permissions: PERMISSIONS.filter((p) => hasPermission(actor, p)),
      };
    },

    async list(ctx: RequestContext, q: string | undefined, page: number, pageSize: number) {
      const rows = await repo.listUsers(
        db,
        scopeFor(ctx.actor!, 'account.manage'),
        q,
        pageSize,
        (page - 1) * pageSize,
      );
      const roles = await rolesOf(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => toUser(r, roles)),
        total: rows[0]?.total ?? 0,
        page,
        pageSize,
      };
    },

    async create(
      ctx: RequestContext,
      v: {
        name: string;
        username: string;
        email: string;
        password: string;
        roles: { role: Role; organizationId: string }[];
      },
    ) {
      const actor = ctx.actor!;
      return db.transaction().execute(async (tx) => {
        for (const r of v.roles) await assertCanGrant(tx, actor, r.role, r.organizationId);
        const id = await createAccount(tx, { ...v, mustChangePassword: true });
        const user = await view(tx, id);
        await audit(tx, ctx, {
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          organizationId: orgOf(v.roles),
          after: { ...user, password: undefined },
        });
        return user;
      });
    },

    async update(
      ctx: RequestContext,
      userId: string,
      v: { name?: string | undefined; email?: string | undefined; locked?: boolean | undefined },
    ) {
      const actor = ctx.actor!;
      return db.transaction().execute(async (tx) => {
        const before = await managedUser(tx, actor, userId);
        if (v.locked === true && userId === actor.userId)
          throw new AppError(400, 'self_lock', 'Không thể tự khóa tài khoản của mình', 'locked');
        if (v.email && (await repo.emailTaken(tx, v.email, userId)))
          throw conflict(`Thư điện tử ${v.email} đã được dùng`, 'email');
        await repo.updateUser(tx, userId, {
          ...(v.name !== undefined ? { name: v.name } : {}),
          ...(v.email !== undefined ? { email: v.email.toLowerCase() } : {}),
          ...(v.locked !== undefined ? { locked: v.locked, locked_until: null } : {}),
        });
        if (v.locked) await repo.deleteSessions(tx, userId);
        const after = await view(tx, userId);
        const beforeView = toUser(before, await rolesOf(tx, [userId]));
        const action =
          v.locked === true
            ? 'user.lock'
            : v.locked === false && before.locked
              ? 'user.unlock'
              : 'user.update';
        await audit(tx, ctx, {
          action,
          entityType: 'user',
          entityId: userId,
          organizationId: orgOf(await repo.assignmentsOf(tx, userId)),
          before: beforeView,
          after,
        });
        return after;
      });
    },

    /** An administrator sets a new password (no mail server assumed): the user must change it, and every session ends. */
    async resetPassword(ctx: RequestContext, userId: string, newPassword: string) {
      const actor = ctx.actor!;
      await db.transaction().execute(async (tx) => {
        await managedUser(tx, actor, userId);
        await repo.setPassword(tx, userId, await hashPassword(newPassword));
        await repo.updateUser(tx, userId, { must_change_password: true, locked_until: null });
        await repo.deleteSessions(tx, userId);
        await audit(tx, ctx, {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: userId,
          organizationId: orgOf(await repo.assignmentsOf(tx, userId)),
        });
      });
    },

    async revokeSessions(ctx: RequestContext, userId: string) {
      const actor = ctx.actor!;
      await db.transaction().execute(async (tx) => {
        await managedUser(tx, actor, userId);
        const n = await repo.deleteSessions(tx, userId);
        await audit(tx, ctx, {
          action: 'user.sessions_revoked',
          entityType: 'user',
          entityId: userId,
          organizationId: orgOf(await repo.assignmentsOf(tx, userId)),
          after: { sessions: n },
        });
      });
    },

    async grant(ctx: RequestContext, userId: string, role: Role, organizationId: string) {
      const actor = ctx.actor!;
      return db.transaction().execute(async (tx) => {
        const user = await repo.findUserById(tx, userId);
        if (!user) throw notFound('tài khoản');
        // an account with roles elsewhere is not this manager's to extend
        const existing = await repo.assignmentsOf(tx, userId);
        if (
          existing.length > 0 &&
          !(await repo.userWithinScope(tx, scopeFor(actor, 'account.manage'), userId))
        ) {
          throw notFound('tài khoản');
        }
        await assertCanGrant(tx, actor, role, organizationId);
        await repo.insertAssignment(tx, userId, role, organizationId);
        const after = await view(tx, userId);
        await audit(tx, ctx, {
          action: 'user.role_granted',
          entityType: 'user',
          entityId: userId,
          organizationId,
          after: { role, organizationId },
        });
        return after;
      });
    },

    async revoke(ctx: RequestContext, userId: string, assignmentId: string) {
      const actor = ctx.actor!;
      return db.transaction().execute(async (tx) => {
        await managedUser(tx, actor, userId);
        const a = await repo.findAssignment(tx, assignmentId);
        if (!a || a.user_id !== userId) throw notFound('quyền');
        await assertCanGrant(tx, actor, a.role, a.organization_id);
        if (userId === actor.userId && a.role === 'system_admin')
          throw forbidden('Không thể tự bỏ quyền quản trị hệ thống của mình');
        await repo.deleteAssignment(tx, assignmentId);
        await audit(tx, ctx, {
          action: 'user.role_revoked',
          entityType: 'user',
          entityId: userId,
          organizationId: a.organization_id,
          before: { role: a.role, organizationId: a.organization_id },
        });
        return view(tx, userId);
      });
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
