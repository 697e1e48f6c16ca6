import { loadConfig, type AppConfig } from '../config.js';
import { syncReferenceData } from '../modules/reference/reference.sync.js';
import { ensureStandardForm } from '../modules/reporting/standard-form.sync.js';
import { sql } from 'kysely';
import { APP_ROLE, createDatabase, type Database } from './database.js';
import { startEmbeddedPostgres } from './embedded.js';
import { migrateToLatest } from './migrate.js';

export interface OpenedDatabase {
  db: Database;
  url: string;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under the data directory, then
 * brings the schema and reference lists up to date. Shared by the server and every CLI.
 */
export async function canUseAppRole(db: Database): Promise<boolean> {
  const r = await sql<{
    ok: boolean;
  }>`select exists (select from pg_roles where rolname = ${APP_ROLE})
    and pg_has_role(current_user, ${APP_ROLE}, 'member') as ok`.execute(db);
  return r.rows[0]?.ok === true;
}

export async function openDatabase(
  log: (msg: string) => void,
  config = loadConfig(),
): Promise<OpenedDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres(config.dataDir, log);
    url = embedded.url;
    stopEmbedded = () => embedded.stop();
    log(`PostgreSQL nhúng đang chạy, dữ liệu tại ${config.dataDir}`);
  }
  // migrations run as the login role; the application then works as the restricted app role
  const admin = createDatabase(url, 2);
  let appRole: string | undefined;
  try {
    const applied = await migrateToLatest(admin);
    if (applied.length > 0) log(`Đã áp dụng migration: ${applied.join(', ')}`);
    await syncReferenceData(admin);
    await ensureStandardForm(admin);
    appRole = (await canUseAppRole(admin)) ? APP_ROLE : undefined;
    if (!appRole)
      log(`Cảnh báo: không dùng được vai trò ${APP_ROLE}; nhật ký chỉ được bảo vệ bằng trigger`);
  } catch (err) {
    await admin.destroy();
    if (stopEmbedded) await stopEmbedded();
    throw err;
  }
  await admin.destroy();
  const db = createDatabase(url, 20, appRole);
  return {
    db,
    url,
    config,
    close: async () => {
      await db.destroy();
      if (stopEmbedded) await stopEmbedded();
    },
  };
}
