import type { Database } from '../db/database.js';
import { buildApp } from './app.js';

/** The OpenAPI document as the server serves it; routes are registered but nothing runs. */
export async function buildOpenApiDocument(): Promise<unknown> {
  const app = await buildApp({ db: {} as Database, logLevel: 'silent' });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return doc;
}
