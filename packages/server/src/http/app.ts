import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { lineageRoutes } from '../modules/lineage/lineage.routes.js';
import { organizationRoutes } from '../modules/organizations/organization.routes.js';
import { referenceRoutes } from '../modules/reference/reference.routes.js';
import { registerProblemHandlers } from './problem.js';
import './zod-setup.js';

export interface AppOptions {
  db: Database;
  logLevel?: string;
  /** Built web app to serve at /; omitted in API-only tests. */
  webDist?: string;
}

export type App = FastifyInstance;

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info' },
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webDist =
    opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html')) ? opts.webDist : undefined;
  registerProblemHandlers(app, webDist ? (reply) => void reply.sendFile('index.html') : undefined);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'lienhiep API',
        description:
          'API của nền tảng số Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam: tổ chức, lịch sử, tìm kiếm.',
        version: '0.1.0',
      },
      tags: [
        { name: 'Hệ thống', description: 'Tình trạng và tài liệu' },
        { name: 'Danh mục', description: 'Tỉnh, thành phố; lĩnh vực' },
        { name: 'Tổ chức', description: 'Cây tổ chức, hồ sơ, tìm kiếm' },
        {
          name: 'Lịch sử',
          description: 'Hợp nhất, chia tách, đổi tên, chuyển trực thuộc, giải thể',
        },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(scalar, {
    routePrefix: '/api/docs',
    configuration: { url: '/api/openapi.json' },
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  await api.register(
    (r, _opts, done) => {
      const z = r.withTypeProvider<ZodTypeProvider>();
      r.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
      healthRoutes(z, opts.db);
      referenceRoutes(z, opts.db);
      organizationRoutes(z, opts.db);
      lineageRoutes(z, opts.db);
      done();
    },
    { prefix: '/api' },
  );

  if (webDist) {
    // files are looked up on each request, so a rebuilt web app is served without a restart
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: 'index.html' });
  }
  return app;
}
