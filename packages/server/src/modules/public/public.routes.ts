import type { Database } from '../../db/database.js';
import { ProblemSchema } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import { OrganizationKindSchema } from '../organizations/organization.schemas.js';
import { publicRepository } from './public.repository.js';

const PublicOrganizationSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: OrganizationKindSchema,
    fullName: z.string(),
    shortName: z.string().nullable(),
    province: z.object({ code: z.string(), name: z.string() }).nullable(),
    contacts: z
      .object({
        address: z.string().nullable(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        website: z.string().nullable(),
      })
      .nullable()
      .describe('Chỉ khi tổ chức cho phép công khai'),
  })
  .meta({ id: 'PublicOrganization' });

const PublicQuerySchema = z.object({
  q: z.string().max(200).optional(),
  kind: OrganizationKindSchema.optional(),
  province: z
    .string()
    .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')
    .optional(),
  page: z.coerce.number().int().min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'Tối đa 100 dòng mỗi trang').default(20),
});

export function publicRoutes(app: ZodApp, db: Database): void {
  app.get(
    '/public/organizations',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['Công khai'],
        summary: 'Danh bạ công khai các tổ chức đang hoạt động',
        querystring: PublicQuerySchema,
        response: {
          200: z
            .object({
              items: z.array(PublicOrganizationSchema),
              total: z.number().int(),
              page: z.number().int(),
              pageSize: z.number().int(),
            })
            .meta({ id: 'PublicDirectory' }),
          400: ProblemSchema,
        },
      },
    },
    async (req) => {
      const { q, kind, province, page, pageSize } = req.query;
      const rows = await publicRepository.directory(db, {
        q,
        kind,
        province,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          code: r.code,
          kind: r.kind,
          fullName: r.full_name,
          shortName: r.short_name,
          province:
            r.province_code && r.province_name
              ? { code: r.province_code, name: r.province_name }
              : null,
          contacts: r.public_contacts
            ? { address: r.address, phone: r.phone, email: r.email, website: r.website }
            : null,
        })),
        total: rows[0]?.total ?? 0,
        page,
        pageSize,
      };
    },
  );
}
