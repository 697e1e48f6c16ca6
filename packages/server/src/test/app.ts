import { buildApp, type App } from '../http/app.js';
import type { ImportServiceOptions } from '../modules/imports/import.service.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
export const TEST_ORIGIN = 'http://localhost';

export interface TestApp extends TestDatabase {
  app: App;
  close(): Promise<void>;
}

/** The real app on a private clone of the migrated database, reached through inject(). */
export async function createTestApp(
  opts: {
    demoMode?: boolean;
    signInAttemptsPerMinute?: number;
    /** Start the job queue (pg-boss) on this database: imports need it. */
    jobs?: boolean;
    imports?: ImportServiceOptions;
    /** E-mail notifications through this SMTP server. */
    mail?: { smtpUrl: string; from: string };
  } = {},
): Promise<TestApp> {
  const tdb = await createTestDatabase();
  const app = await buildApp({
    db: tdb.db,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    authSecret: TEST_SECRET,
    publicUrl: TEST_ORIGIN,
    demoMode: opts.demoMode ?? true,
    // every test request comes from one address; the limit itself has a test of its own
    signInAttemptsPerMinute: opts.signInAttemptsPerMinute ?? 10_000,
    ...(opts.jobs ? { jobsUrl: tdb.url } : {}),
    ...(opts.imports ? { imports: opts.imports } : {}),
    ...(opts.mail ? { mail: opts.mail } : {}),
  });
  await app.ready();
  return {
    ...tdb,
    app,
    close: async () => {
      await app.close();
      await tdb.drop();
    },
  };
}
