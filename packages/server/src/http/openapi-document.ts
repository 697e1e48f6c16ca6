import type { Database } from '../db/database.js';
import { buildApp } from './app.js';

/** The OpenAPI document as the server serves it; routes are registered but nothing runs. */
export async function buildOpenApiDocument(): Promise<unknown> {
  // routes only capture the database; nothing runs against it while the document is built
  const app = await buildApp({
    db: {} as Database,
    logLevel: 'silent',
    authSecret: 'openapi-document-only-0123456789abcdef',
    publicUrl: 'http://localhost:3000',
    demoMode: false,
  });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return doc;
}
