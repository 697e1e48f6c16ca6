import { loadConfig, type AppConfig } from '../config.js';
import { syncReferenceData } from '../modules/reference/reference.sync.js';
import { createDatabase, type Database } from './database.js';
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
  const db = createDatabase(url, 20);
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) log(`Đã áp dụng migration: ${applied.join(', ')}`);
    await syncReferenceData(db);
  } catch (err) {
    await db.destroy();
    if (stopEmbedded) await stopEmbedded();
    throw err;
  }
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
