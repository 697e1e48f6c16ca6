import type { Database, Executor } from '../../db/database.js';
import { notFound } from '../../shared/errors.js';
import type { RequestContext } from '../access/actor.js';
import { rolesGranting } from '../access/policy.js';
import type { Permission } from '../access/roles.js';
import type { Mailer } from './notification.mailer.js';
import {
  notificationRepository,
  type NotificationContent,
  type NotificationRow,
} from './notification.repository.js';

export type { NotificationContent } from './notification.repository.js';

/**
 * The mailer of this process, set when the app starts with an SMTP server configured. Without
 * it notifications are in-app only.
 */
let mailer: Mailer | null = null;

export function setNotificationMailer(m: Mailer | null): void {
  mailer = m;
}

/** Sends the e-mails still pending now (tests, and a graceful stop); 0 without mail. */
export async function flushNotificationEmails(): Promise<number> {
  return mailer ? mailer.flush() : 0;
}

function written(ids: string[]): number {
  if (ids.length > 0) mailer?.kick();
  return ids.length;
}

/**
 * In-app notifications (and their e-mail copy when mail is configured). Other modules call these
 * inside their own transaction, so a notification exists exactly when the change it announces
 * was committed.
 */
export const notificationService = {
  /**
   * Notifies every user holding `permission` through a role assigned on one of these
   * organisations exactly — the unit's own staff, not the staff of the levels above — skipping
   * locked accounts. With a dedupe key, a user already notified with that key is skipped.
   * Returns how many notifications were written.
   */
  async notifyOrganizationUsers(
    tx: Executor,
    organizationIds: string[],
    permission: Permission,
    n: NotificationContent,
  ): Promise<number> {
    const roles = rolesGranting(permission);
    const users = await notificationRepository.usersWithRoleOn(
      tx,
      [...new Set(organizationIds)],
      roles,
    );
    return written(await notificationRepository.insertForUsers(tx, users, n, mailer !== null));
  },

  /**
   * The same for many organisations at once, each with its own content (the reminder pass: one
   * message per unit), in two statements whatever the number of units. Returns how many
   * notifications were written.
   */
  async notifyEachOrganization(
    tx: Executor,
    permission: Permission,
    items: readonly { organizationId: string; n: NotificationContent }[],
  ): Promise<number> {
    const roles = rolesGranting(permission);
    const pairs = await notificationRepository.usersByOrganization(
      tx,
      [...new Set(items.map((i) => i.organizationId))],
      roles,
    );
    const usersOf = new Map<string, string[]>();
    for (const p of pairs) {
      const list = usersOf.get(p.organization_id) ?? [];
      list.push(p.user_id);
      usersOf.set(p.organization_id, list);
    }
    const rows = items.flatMap((i) =>
      (usersOf.get(i.organizationId) ?? []).map((userId) => ({ userId, n: i.n })),
    );
    return written(await notificationRepository.insertMany(tx, rows, mailer !== null));
  },

  /** Notifies these users (locked accounts skipped; with a dedupe key, at most once each). */
  async notifyUsers(tx: Executor, userIds: string[], n: NotificationContent): Promise<number> {
    const users = await notificationRepository.activeUsers(tx, [...new Set(userIds)]);
    return written(await notificationRepository.insertForUsers(tx, users, n, mailer !== null));
  },
};

export interface NotificationDto {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

const toDto = (r: NotificationRow): NotificationDto => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
});

/** The signed-in user's own notifications. Marking read changes only the user's own inbox. */
export function createNotificationInbox(db: Database) {
  return {
    async list(
      ctx: RequestContext,
      q: { unread?: boolean | undefined; page: number; pageSize: number },
    ) {
      const r = await notificationRepository.list(db, ctx.actor!.userId, {
        unreadOnly: q.unread ?? false,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return {
        items: r.rows.map(toDto),
        total: r.total,
        unread: r.unread,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async markRead(ctx: RequestContext, id: string): Promise<NotificationDto> {
      const row = await notificationRepository.markRead(db, ctx.actor!.userId, id);
      if (!row) throw notFound('thông báo');
      return toDto(row);
    },

    async markAllRead(ctx: RequestContext): Promise<{ updated: number }> {
      return { updated: await notificationRepository.markAllRead(db, ctx.actor!.userId) };
    },
  };
}
