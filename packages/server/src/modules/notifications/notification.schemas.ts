import { z } from '../../http/zod-setup.js';

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('round.opened, round.due_soon, round.overdue, submission.returned…'),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable().describe('Đường dẫn trong ứng dụng, ví dụ /bao-cao/…'),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification', description: 'Một thông báo trong hệ thống của người dùng' });

export const NotificationListSchema = z
  .object({
    items: z.array(NotificationSchema),
    total: z.number().int(),
    unread: z.number().int().describe('Số thông báo chưa đọc (của mọi trang)'),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'NotificationList' });

export const NotificationQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'], 'Chỉ nhận true hoặc false')
    .transform((v) => v === 'true')
    .optional()
    .describe('true: chỉ thông báo chưa đọc'),
  page: z.coerce.number().int('Trang phải là số nguyên').min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce
    .number()
    .int('Số dòng phải là số nguyên')
    .min(1, 'Ít nhất 1 dòng')
    .max(100, 'Tối đa 100 dòng mỗi trang')
    .default(20),
});

export const ReadAllResultSchema = z
  .object({ updated: z.number().int().describe('Số thông báo vừa được đánh dấu đã đọc') })
  .meta({ id: 'NotificationsReadAll' });
