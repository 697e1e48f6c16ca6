import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Assignment } from './actor.js';
import type { Role } from './roles.js';
import { writablePredicate, type Scope } from './scope.repository.js';

export const accessRepository = {
  async findUserById(db: Executor, id: string) {
    return db.selectFrom('auth_user').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** By user name or e-mail address, ignoring case. */
  async findUserByLogin(db: Executor, login: string) {
    const l = login.trim().toLowerCase();
    return db
      .selectFrom('auth_user')
      .selectAll()
      .where((eb) => eb.or([eb(sql`lower(username)`, '=', l), eb(sql`lower(email)`, '=', l)]))
      .executeTakeFirst();
  },

  async loginTaken(
    db: Executor,
    username: string,
    email: string,
  ): Promise<'username' | 'email' | null> {
    const r = await db
      .selectFrom('auth_user')
      .select(['username', 'email'])
      .where((eb) =>
        eb.or([
          eb(sql`lower(username)`, '=', username.toLowerCase()),
          eb(sql`lower(email)`, '=', email.toLowerCase()),
        ]),
      )
      .executeTakeFirst();
    if (!r) return null;
    return r.username?.toLowerCase() === username.toLowerCase() ? 'username' : 'email';
  },

  async emailTaken(db: Executor, email: string, exceptId: string): Promise<boolean> {
    const r = await db
      .selectFrom('auth_user')
      .select('id')
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .where('id', '<>', exceptId)
      .executeTakeFirst();
    return r !== undefined;
  },

  async insertUser(
    db: Executor,
    v: {
      id: string;
      name: string;
      email: string;
      username: string;
      mustChangePassword: boolean;
      isDemo?: boolean;
    },
  ): Promise<void> {
    const now = new Date();
    await db
      .insertInto('auth_user')
      .values({
        id: v.id,
        name: v.name,
        email: v.email.toLowerCase(),
        username: v.username,
        display_username: v.username,
        email_verified: true,
        must_change_password: v.mustChangePassword,
        is_demo: v.isDemo ?? false,
        created_at: now,
        updated_at: now,
      })
      .execute();
  },

  /** Sets the password hash of the user's credential account, creating that account if needed. */
  async setPassword(db: Executor, userId: string, hash: string): Promise<void> {
    const now = new Date();
    const r = await db
      .updateTable('auth_account')
      .set({ password: hash, updated_at: now })
      .where('user_id', '=', userId)
      .where('provider_id', '=', 'credential')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) {
      await db
        .insertInto('auth_account')
        .values({
          id: crypto.randomUUID(),
          account_id: userId,
          provider_id: 'credential',
          user_id: userId,
          password: hash,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  },

  /** Counts a failed sign-in; at `threshold` the account is locked for `minutes` and the count restarts. */
  async registerFailure(db: Executor, id: string, threshold: number, minutes: number) {
    return db
      .updateTable('auth_user')
      .set((eb) => ({
        failed_logins: sql<number>`case when ${eb.ref('failed_logins')} + 1 >= ${threshold} then 0 else ${eb.ref('failed_logins')} + 1 end`,
        locked_until: sql<Date | null>`case when ${eb.ref('failed_logins')} + 1 >= ${threshold}
          then now() + make_interval(mins => ${minutes}) else ${eb.ref('locked_until')} end`,
      }))
      .where('id', '=', id)
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirstOrThrow();
  },

  async registerSuccess(db: Executor, id: string): Promise<void> {
    await db
      .updateTable('auth_user')
      .set({ failed_logins: 0, locked_until: null, last_sign_in_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async updateUser(
    db: Executor,
    id: string,
    v: {
      name?: string;
      email?: string;
      locked?: boolean;
      must_change_password?: boolean;
      locked_until?: null;
    },
  ): Promise<void> {
    await db
      .updateTable('auth_user')
      .set({ ...v, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async deleteSessions(db: Executor, userId: string): Promise<number> {
    const r = await db.deleteFrom('auth_session').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async deleteSession(db: Executor, sessionId: string): Promise<void> {
    await db.deleteFrom('auth_session').where('id', '=', sessionId).execute();
  },

  async assignmentsOf(db: Executor, userId: string): Promise<Assignment[]> {
    const rows = await db
      .selectFrom('role_assignment')
      .select(['id', 'role', 'organization_id'])
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => ({ id: r.id, role: r.role, organizationId: r.organization_id }));
  },

  async assignmentsWithOrgs(db: Executor, userIds: readonly string[]) {
    if (userIds.length === 0) return [];
    return db
      .selectFrom('role_assignment as r')
      .innerJoin('organization as o', 'o.id', 'r.organization_id')
      .select([
        'r.id',
        'r.user_id',
        'r.role',
        'o.id as org_id',
        'o.code',
        'o.kind',
        'o.full_name',
        'o.short_name',
      ])
      .where('r.user_id', 'in', userIds)
      .orderBy('r.created_at')
      .execute();
  },

  async insertAssignment(db: Executor, userId: string, role: Role, organizationId: string) {
    return db
      .insertInto('role_assignment')
      .values({ user_id: userId, role, organization_id: organizationId })
      .onConflict((oc) => oc.columns(['user_id', 'role', 'organization_id']).doNothing())
      .returning(['id'])
      .executeTakeFirst();
  },

  async findAssignment(db: Executor, id: string) {
    return db.selectFrom('role_assignment').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async deleteAssignment(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('role_assignment').where('id', '=', id).execute();
  },

  /**
   * Users an account manager may see: those with at least one role inside its scope. With a
   * subtree scope, users holding no role at all are left to system administrators.
   */
  async listUsers(
    db: Executor,
    scope: Scope,
    q: string | undefined,
    limit: number,
    offset: number,
  ) {
    let query = db
      .selectFrom('auth_user as u')
      .select([
        'u.id',
        'u.name',
        'u.username',
        'u.email',
        'u.locked',
        'u.locked_until',
        'u.two_factor_enabled',
        'u.must_change_password',
        'u.last_sign_in_at',
        'u.created_at',
        sql<number>`count(*) over ()`.as('total'),
      ]);
    if (scope.kind !== 'all') {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('role_assignment as ra')
            .select(sql`1`.as('one'))
            .whereRef('ra.user_id', '=', 'u.id')
            .where(writablePredicate(scope, sql.ref<string>('ra.organization_id'))),
        ),
      );
    }
    if (q) {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql`vn_fold(u.name)`, 'like', sql`'%' || vn_fold(${q}) || '%'`),
          eb('u.username', 'ilike', like),
          eb('u.email', 'ilike', like),
        ]),
      );
    }
    return query
      .orderBy(sql`u.name collate "vi-x-icu"`)
      .limit(limit)
      .offset(offset)
      .execute();
  },

  /** True when every role of the user lies inside the scope (so the manager may act on the account). */
  async userWithinScope(db: Executor, scope: Scope, userId: string): Promise<boolean> {
    if (scope.kind === 'all') return true;
    const r = await db
      .selectFrom('role_assignment as ra')
      .select([
        sql<number>`count(*)::int`.as('all_roles'),
        sql<number>`count(*) filter (where ${writablePredicate(scope, sql.ref<string>('ra.organization_id'))})::int`.as(
          'inside',
        ),
      ])
      .where('ra.user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return r.all_roles > 0 && r.all_roles === r.inside;
  },

  async consumeSetupToken(db: Executor, hash: string): Promise<boolean> {
    const r = await db
      .updateTable('setup_token')
      .set({ used_at: sql<Date>`now()` })
      .where('token_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async insertSetupToken(db: Executor, hash: string): Promise<void> {
    await db.insertInto('setup_token').values({ token_hash: hash }).execute();
  },

  async countUsers(db: Executor): Promise<number> {
    const r = await db
      .selectFrom('auth_user')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return r.n;
  },
};
