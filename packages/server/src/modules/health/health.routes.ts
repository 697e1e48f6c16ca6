import type { Database } from '../../db/database.js';
import { ProblemSchema } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import { healthRepository } from './health.repository.js';

const HealthSchema = z
  .object({ status: z.literal('ok'), database: z.literal('ok') })
  .meta({ id: 'Health' });

export function healthRoutes(app: ZodApp, db: Database): void {
  app.get(
    '/health',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['Hệ thống'],
        summary: 'Tình trạng dịch vụ: 200 chỉ khi cơ sở dữ liệu trả lời',
        response: { 200: HealthSchema, 503: ProblemSchema },
      },
    },
    async (req, reply) => {
      try {
        await healthRepository.ping(db);
        return { status: 'ok' as const, database: 'ok' as const };
      } catch (err) {
        req.log.error({ err }, 'database unreachable');
        return reply.code(503).type('application/problem+json; charset=utf-8').send({
          type: 'about:blank',
          title: 'Dịch vụ tạm thời không sẵn sàng',
          status: 503,
          code: 'database_unavailable',
          detail: 'Không kết nối được cơ sở dữ liệu',
        });
      }
    },
  );
}
