import fastifyRateLimit from '@fastify/rate-limit';
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
import { accessRoutes } from '../modules/access/access.routes.js';
import { activityRoutes } from '../modules/activities/activity.routes.js';
import { createAccessService } from '../modules/access/access.service.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { createAuth } from '../modules/auth/auth.config.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { createAuthService } from '../modules/auth/auth.service.js';
import { setupRoutes } from '../modules/auth/setup.routes.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { publicRoutes } from '../modules/public/public.routes.js';
import { lineageRoutes } from '../modules/lineage/lineage.routes.js';
import { organizationRoutes } from '../modules/organizations/organization.routes.js';
import { collectiveMemberRoutes } from '../modules/people/collective-member.routes.js';
import { peopleRoutes } from '../modules/people/people.routes.js';
import { importRoutes } from '../modules/imports/import.routes.js';
import {
  createImportService,
  type ImportServiceOptions,
} from '../modules/imports/import.service.js';
import { startJobQueue, type JobQueue } from '../shared/jobs.js';
import { consolidationRoutes } from '../modules/consolidation/consolidation.routes.js';
import { documentRoutes } from '../modules/consolidation/document.routes.js';
import { createDocumentService } from '../modules/consolidation/document.service.js';
import { referenceRoutes } from '../modules/reference/reference.routes.js';
import { roundRoutes } from '../modules/reporting/round.routes.js';
import { submissionRoutes } from '../modules/reporting/submission.routes.js';
import { createMailer } from '../modules/notifications/notification.mailer.js';
import { notificationRoutes } from '../modules/notifications/notification.routes.js';
import { formRoutes } from '../modules/reporting/form.routes.js';
import { indicatorRoutes } from '../modules/reporting/indicator.routes.js';
import { setNotificationMailer } from '../modules/notifications/notification.service.js';
import { runRoundReminders } from '../modules/notifications/reminder.service.js';
import { registerAccessHook } from './access-hook.js';
import type { RoutePolicy } from './route-policy.js';
import { registerProblemHandlers } from './problem.js';
import { registerSecurityHeaders } from './security-headers.js';
import './zod-setup.js';

export interface AppOptions {
  db: Database;
  /** Signs session cookies; from the environment or the data directory, never a constant. */
  authSecret: string;
  /** The address users reach the app at (https in production): cookies and CSRF checks follow it. */
  publicUrl: string;
  /** Demo accounts may sign in only when the server runs in demo mode. */
  demoMode: boolean;
  /** Sign-in attempts allowed per client address and minute (default 10). */
  signInAttemptsPerMinute?: number;
  /** Trust X-Forwarded-* from a reverse proxy (TLS terminated in front). */
  trustProxy?: boolean;
  logLevel?: string;
  /** Built web app to serve at /; omitted in API-only tests. */
  webDist?: string;
  /**
   * Connection for the job queue (pg-boss), as the login role. Without it, nothing runs in the
   * background: imports can be uploaded and previewed but not analysed or written.
   */
  jobsUrl?: string;
  imports?: ImportServiceOptions;
  /** When set, every notification is also e-mailed (after its transaction commits). */
  mail?: { smtpUrl: string; from: string };
}

export interface RouteEntry {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export type App = FastifyInstance;

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info' },
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    trustProxy: opts.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webDist =
    opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html')) ? opts.webDist : undefined;
  registerProblemHandlers(app, webDist ? (reply) => void reply.sendFile('index.html') : undefined);
  await registerSecurityHeaders(app);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      type: 'about:blank',
      title: 'Quá nhiều yêu cầu',
      status: 429,
      code: 'rate_limited',
      detail: `Quá nhiều lần thử; hãy đợi ${Math.ceil(ctx.ttl / 1000)} giây rồi thử lại`,
      statusCode: 429,
    }),
  });
  // the docs page is public; every route is recorded with its policy (the authorisation matrix
  // test walks this table, so a route added without a policy fails the build)
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, policy: 'public' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD' && route.url.startsWith('/api/')) {
        routeTable.push({ method, url: route.url, policy: route.config?.policy });
      }
    }
  });
  const auth = createAuth({ db: opts.db, secret: opts.authSecret, baseUrl: opts.publicUrl });
  const authService = createAuthService(opts.db, auth, opts.demoMode);
  const accessService = createAccessService(opts.db);
  const jobs: JobQueue | null = opts.jobsUrl
    ? await startJobQueue(opts.jobsUrl, (msg, err) =>
        // one line: a connection cut at shutdown is not worth a stack trace
        app.log.error(`${msg}: ${err instanceof Error ? err.message : String(err)}`),
      )
    : null;
  const importService = createImportService(opts.db, jobs, {
    log: (msg, err) => app.log.error({ err }, msg),
    ...opts.imports,
  });
  const documentService = createDocumentService(opts.db, jobs, {
    log: (msg, err) => app.log.error({ err }, msg),
  });
  if (opts.mail) {
    const mailer = createMailer(opts.db, {
      ...opts.mail,
      publicUrl: opts.publicUrl,
      log: (msg, err) => app.log.error({ err }, msg),
    });
    setNotificationMailer(mailer);
    app.addHook('onClose', async () => {
      setNotificationMailer(null);
      await mailer.stop();
    });
  }
  if (jobs) {
    await jobs.work({
      'round-reminders': async () => {
        const sent = await runRoundReminders(opts.db);
        if (sent.dueSoon + sent.overdue > 0)
          app.log.info(`nhắc hạn báo cáo: ${sent.dueSoon} sắp đến hạn, ${sent.overdue} quá hạn`);
      },
      'import-analyse': ({ importId }) => importService.runAnalysis(importId),
      'import-commit': ({ importId }) => importService.runCommit(importId),
      'import-undo': ({ importId }) => importService.runUndo(importId),
      'document-generate': ({ documentId }) => documentService.run(documentId),
    });
    app.addHook('onClose', () => jobs.stop());
    // the reminder pass every morning at 7:00, Vietnam time
    await jobs.schedule?.('round-reminders', '0 7 * * *');
    const resumed = await importService.resumeInterrupted();
    if (resumed > 0) app.log.info(`tiếp tục ${resumed} lần nhập dữ liệu bị gián đoạn`);
    const documents = await documentService.resumeInterrupted();
    if (documents > 0) app.log.info(`tiếp tục tạo ${documents} tài liệu bị gián đoạn`);
  }
  registerAccessHook(app, authService, [new URL(opts.publicUrl).origin]);

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
      r.get('/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, () =>
        app.swagger(),
      );
      healthRoutes(z, opts.db);
      publicRoutes(z, opts.db);
      authRoutes(z, authService, accessService, opts.signInAttemptsPerMinute ?? 10);
      setupRoutes(z, opts.db);
      accessRoutes(z, accessService);
      auditRoutes(z, opts.db);
      referenceRoutes(z, opts.db);
      organizationRoutes(z, opts.db);
      lineageRoutes(z, opts.db);
      peopleRoutes(z, opts.db);
      importRoutes(z, importService);
      collectiveMemberRoutes(z, opts.db);
      roundRoutes(z, opts.db);
      submissionRoutes(z, opts.db);
      notificationRoutes(z, opts.db);
      indicatorRoutes(z, opts.db);
      formRoutes(z, opts.db);
      activityRoutes(z, opts.db);
      consolidationRoutes(z, opts.db);
      documentRoutes(z, documentService);
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
