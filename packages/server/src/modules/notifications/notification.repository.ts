import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Role } from '../access/roles.js';

export interface NotificationContent {
  kind: string;
  title: string;
  body?: string | undefined;
  link?: string | undefined;
  dedupeKey?: string | undefined;
}

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface PendingEmailRow {
  id: string;
  title: string;
  body: string | null;
  link: string | null;
  email: string;
  name: string;
  email_attempts: number;
}

const LIST_COLUMNS = ['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'] as const;

export const notificationRepository = {
  /** Users (not locked) holding one of `roles` through an assignment on one of these organisations exactly. */
  async usersWithRoleOn(db: Executor, organizationIds: readonly string[], roles: readonly Role[]) {
    if (organizationIds.length === 0 || roles.length === 0) return [];
    const rows = await db
      .selectFrom('role_assignment as ra')
      .innerJoin('auth_user as u', 'u.id', 'ra.user_id')
      .where('ra.organization_id', 'in', organizationIds)
      .where('ra.role', 'in', roles)
      .where('u.locked', '=', false)
      .select('ra.user_id')
      .distinct()
      .execute();
    return rows.map((r) => r.user_id);
  },

  /** (organisation, user) pairs: the unlocked users holding one of `roles` on each organisation exactly. */
  async usersByOrganization(
    db: Executor,
    organizationIds: readonly string[],
    roles: readonly Role[],
  ): Promise<{ organization_id: string; user_id: string }[]> {
    if (organizationIds.length === 0 || roles.length === 0) return [];
    return db
      .selectFrom('role_assignment as ra')
      .innerJoin('auth_user as u', 'u.id', 'ra.user_id')
      .where('ra.organization_id', 'in', organizationIds)
      .where('ra.role', 'in', roles)
      .where('u.locked', '=', false)
      .select(['ra.organization_id', 'ra.user_id'])
      .distinct()
      .execute();
  },

  /** Many notifications at once, each user and content its own; repeats of a dedupe key skipped. */
  async insertMany(
    db: Executor,
    rows: readonly { userId: string; n: NotificationContent }[],
    emailPending: boolean,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const out: string[] = [];
    // bounded statements (7 parameters a row)
    for (let i = 0; i < rows.length; i += 5_000) {
      const inserted = await db
        .insertInto('notification')
        .values(
          rows.slice(i, i + 5_000).map(({ userId, n }) => ({
            user_id: userId,
            kind: n.kind,
            title: n.title,
            body: n.body ?? null,
            link: n.link ?? null,
            dedupe_key: n.dedupeKey ?? null,
            email_pending: emailPending,
          })),
        )
        .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
        .returning('id')
        .execute();
      out.push(...inserted.map((r) => r.id));
    }
    return out;
  },

  /** Of these users, those not locked. */
  async activeUsers(db: Executor, userIds: readonly string[]) {
    if (userIds.length === 0) return [];
    const rows = await db
      .selectFrom('auth_user')
      .where('id', 'in', userIds)
      .where('locked', '=', false)
      .select('id')
      .execute();
    return rows.map((r) => r.id);
  },

  /** One notification per user; a user already holding the dedupe key is skipped. The ids written. */
  async insertForUsers(
    db: Executor,
    userIds: readonly string[],
    n: NotificationContent,
    emailPending: boolean,
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await db
      .insertInto('notification')
      .values(
        userIds.map((userId) => ({
          user_id: userId,
          kind: n.kind,
          title: n.title,
          body: n.body ?? null,
          link: n.link ?? null,
          dedupe_key: n.dedupeKey ?? null,
          email_pending: emailPending,
        })),
      )
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  },

  async list(
    db: Executor,
    userId: string,
    opts: { unreadOnly: boolean; limit: number; offset: number },
  ) {
    let q = db.selectFrom('notification').where('user_id', '=', userId);
    if (opts.unreadOnly) q = q.where('read_at', 'is', null);
    const [rows, counts] = await Promise.all([
      q
        .select(LIST_COLUMNS)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(opts.limit)
        .offset(opts.offset)
        .execute(),
      db
        .selectFrom('notification')
        .where('user_id', '=', userId)
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          eb.fn.countAll<number>().filterWhere('read_at', 'is', null).as('unread'),
        ])
        .executeTakeFirstOrThrow(),
    ]);
    return {
      rows: rows as NotificationRow[],
      total: Number(counts.total),
      unread: Number(counts.unread),
    };
  },

  /** Marks one of the user's notifications read; false when the user has no such notification. */
  async markRead(db: Executor, userId: string, id: string): Promise<NotificationRow | undefined> {
    const row = await db
      .updateTable('notification')
      .set({ read_at: sql<Date>`coalesce(read_at, now())` })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returning(LIST_COLUMNS)
      .executeTakeFirst();
    return row;
  },

  async markAllRead(db: Executor, userId: string): Promise<number> {
    const res = await db
      .updateTable('notification')
      .set({ read_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  /** Claims up to `limit` committed notifications waiting for their e-mail (others sending skip them). */
  async claimPendingEmails(db: Executor, limit: number): Promise<PendingEmailRow[]> {
    return db
      .selectFrom('notification as n')
      .innerJoin('auth_user as u', 'u.id', 'n.user_id')
      .where('n.email_pending', '=', true)
      .select(['n.id', 'n.title', 'n.body', 'n.link', 'u.email', 'u.name', 'n.email_attempts'])
      .orderBy('n.created_at')
      .limit(limit)
      .forUpdate('n')
      .skipLocked()
      .execute();
  },

  async markEmailed(db: Executor, id: string): Promise<void> {
    await db
      .updateTable('notification')
      .set({ email_pending: false, emailed_at: sql<Date>`now()`, email_error: null })
      .where('id', '=', id)
      .execute();
  },

  /** A failed attempt: kept pending until `giveUp`, with the error. */
  async markEmailFailed(db: Executor, id: string, error: string, giveUp: boolean): Promise<void> {
    await db
      .updateTable('notification')
      .set((eb) => ({
        email_attempts: eb('email_attempts', '+', 1),
        email_error: error.slice(0, 500),
        email_pending: !giveUp,
      }))
      .where('id', '=', id)
      .execute();
  },
};
