import type { Database } from '../../db/database.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import { referenceRepository as repo } from './reference.repository.js';

const ProvinceSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    fullName: z.string(),
    type: z.enum(['city', 'province']),
  })
  .meta({ id: 'Province' });
const HistoricProvinceSchema = z
  .object({ code: z.string(), name: z.string(), fullName: z.string(), successorCode: z.string() })
  .meta({ id: 'HistoricProvince' });
const FieldSchema = z
  .object({ code: z.string(), name: z.string(), nameEn: z.string() })
  .meta({ id: 'FieldOfActivity' });

const ReferenceSchema = z
  .object({
    provinces: z.array(ProvinceSchema),
    historicProvinces: z.array(HistoricProvinceSchema),
    fields: z.array(FieldSchema),
  })
  .meta({ id: 'ReferenceData' });

export function referenceRoutes(app: ZodApp, db: Database): void {
  app.get(
    '/reference',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['Danh mục'],
        summary: '34 tỉnh, thành phố hiện nay, 63 tỉnh trước 01/7/2025 và các lĩnh vực hoạt động',
        response: { 200: ReferenceSchema },
      },
    },
    async () => {
      const [provinces, historic, fields] = await Promise.all([
        repo.listProvinces(db),
        repo.listHistoricProvinces(db),
        repo.listFields(db),
      ]);
      return {
        provinces: provinces.map((p) => ({
          code: p.code,
          name: p.name,
          fullName: p.full_name,
          type: p.type === 'city' ? ('city' as const) : ('province' as const),
        })),
        historicProvinces: historic.map((p) => ({
          code: p.code,
          name: p.name,
          fullName: p.full_name,
          successorCode: p.successor_code,
        })),
        fields: fields.map((f) => ({ code: f.code, name: f.name, nameEn: f.name_en })),
      };
    },
  );
}
