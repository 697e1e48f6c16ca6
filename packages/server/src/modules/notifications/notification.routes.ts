import type { Database } from '../../db/database.js';
import { PROBLEM_RESPONSES } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { IdParamsSchema } from '../organizations/organization.schemas.js';
import {
  NotificationListSchema,
  NotificationQuerySchema,
  NotificationSchema,
  ReadAllResultSchema,
} from './notification.schemas.js';
import { createNotificationInbox } from './notification.service.js';

const errors = PROBLEM_RESPONSES;
const own = { policy: 'signed_in' as const };

export function notificationRoutes(app: ZodApp, db: Database): void {
  const inbox = createNotificationInbox(db);
  const tags = ['Thông báo'];

  app.get(
    '/notifications',
    {
      config: own,
      schema: {
        tags,
        summary: 'Thông báo của người đang đăng nhập, mới nhất trước, kèm số chưa đọc',
        querystring: NotificationQuerySchema,
        response: { 200: NotificationListSchema, ...errors },
      },
    },
    (req) => inbox.list(req.ctx, req.query),
  );

  app.post(
    '/notifications/read-all',
    {
      config: own,
      schema: {
        tags,
        summary: 'Đánh dấu mọi thông báo của mình là đã đọc',
        response: { 200: ReadAllResultSchema, ...errors },
      },
    },
    (req) => inbox.markAllRead(req.ctx),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: own,
      schema: {
        tags,
        summary: 'Đánh dấu một thông báo của mình là đã đọc',
        params: IdParamsSchema,
        response: { 200: NotificationSchema, ...errors },
      },
    },
    (req) => inbox.markRead(req.ctx, req.params.id),
  );
}
