import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { ProblemSchema } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import { AppError } from '../../shared/errors.js';
import { accessRepository } from '../access/access.repository.js';
import { createAccount } from '../access/access.service.js';
import { systemContext } from '../access/actor.js';
import { audit } from '../audit/audit.service.js';
import { organizationRepository } from '../organizations/organization.repository.js';
import { createOrganization } from '../organizations/organization.service.js';
import { PasswordSchema } from './auth.schemas.js';

const hashToken = (t: string): string => createHash('sha256').update(t).digest('hex');

/**
 * On a non-demo installation with no account yet, a one-time token (printed to the server log
 * at start) lets the first system administrator be created. No default password ever exists.
 */
export async function issueSetupToken(db: Database): Promise<string | null> {
  if ((await accessRepository.countUsers(db)) > 0) return null;
  const token = randomBytes(24).toString('base64url');
  await accessRepository.insertSetupToken(db, hashToken(token));
  return token;
}

const SetupSchema = z
  .object({
    token: z.string().min(10).max(200),
    name: z.string().trim().min(1, 'Không được để trống').max(200),
    username: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9][a-z0-9._-]{2,39}$/,
        'Tên đăng nhập gồm 3–40 chữ thường không dấu, chữ số, dấu . _ -',
      ),
    email: z.email('Thư điện tử không hợp lệ').max(200),
    password: PasswordSchema,
  })
  .meta({ id: 'Setup' });

export function setupRoutes(app: ZodApp, db: Database): void {
  app.post(
    '/setup',
    {
      config: { policy: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['Tài khoản'],
        summary:
          'Tạo quản trị hệ thống đầu tiên bằng mã thiết lập một lần (in trong nhật ký máy chủ)',
        body: SetupSchema,
        response: {
          201: z.object({ username: z.string() }),
          400: ProblemSchema,
          403: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      await db.transaction().execute(async (tx) => {
        if ((await accessRepository.countUsers(tx)) > 0)
          throw new AppError(409, 'already_set_up', 'Hệ thống đã có tài khoản quản trị');
        if (!(await accessRepository.consumeSetupToken(tx, hashToken(b.token)))) {
          throw new AppError(
            403,
            'invalid_setup_token',
            'Mã thiết lập không đúng hoặc đã được dùng',
          );
        }
        // an empty installation gets its root here: nobody could create it without an account
        const root =
          (await organizationRepository.findCentralUnion(tx)) ??
          (await createOrganization(
            tx,
            {
              code: 'VUSTA',
              kind: 'central_union',
              fullName: 'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam',
              shortName: 'Liên hiệp Hội Việt Nam',
              englishName: 'Vietnam Union of Science and Technology Associations',
              provinceCode: '01',
              foundedOn: '1983-03-26',
            },
            null,
          ));
        const id = await createAccount(tx, {
          ...b,
          mustChangePassword: false,
          roles: [{ role: 'system_admin', organizationId: root.id }],
        });
        await audit(
          tx,
          { ...systemContext('setup'), clientIp: req.ip },
          {
            action: 'user.create',
            entityType: 'user',
            entityId: id,
            organizationId: root.id,
            after: { name: b.name, username: b.username, email: b.email, role: 'system_admin' },
          },
        );
      });
      return reply.code(201).send({ username: b.username });
    },
  );
}
