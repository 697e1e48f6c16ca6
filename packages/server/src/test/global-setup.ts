import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../db/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { migrateToLatest } from '../db/migrate.js';
import { syncReferenceData } from '../modules/reference/reference.sync.js';
import { ensureStandardForm } from '../modules/reporting/standard-form.sync.js';

export const TEMPLATE_DB = 'lienhiep_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/**
 * One PostgreSQL for the whole run: the embedded one in a throw-away directory, or the server
 * named by TEST_DATABASE_URL (a maintenance database URL of a PostgreSQL ≥ 15). Migrations run
 * once into a template database that every test file clones.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | undefined;
  let tmp: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lienhiep-test-'));
    embedded = await startEmbeddedPostgres(tmp, (m) => console.error(m), 'postgres');
    adminUrl = embedded.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB}`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  const db = createDatabase(templateUrl.toString(), 2);
  await migrateToLatest(db);
  await syncReferenceData(db);
  await ensureStandardForm(db);
  await db.destroy();
  // the job queue's own tables, once, so that each clone starts its queue quickly
  const tpl = new pg.Client({ connectionString: templateUrl.toString() });
  await tpl.connect();
  await tpl.query(PgBoss.getConstructionPlans('pgboss'));
  await tpl.end();
  await admin.end();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', TEMPLATE_DB);

  return async () => {
    if (embedded) await embedded.stop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  };
}
