import path from 'node:path';

export interface AppConfig {
  /** Set when an existing PostgreSQL is used; otherwise an embedded one is started. */
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  /** Load the demo tree into an empty database on start. */
  loadDemo: boolean;
  logLevel: string;
  webDist: string;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`Biến môi trường ${name} phải là số nguyên hợp lệ (nhận được "${raw}")`);
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.LIENHIEP_DATA_DIR ?? path.join(repoRoot, 'data')),
    host: env.HOST ?? '127.0.0.1',
    port: intFromEnv('PORT', 3000),
    loadDemo: (env.LIENHIEP_DEMO ?? 'true') !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: path.resolve(env.LIENHIEP_WEB_DIST ?? path.join(repoRoot, 'packages/web/dist')),
  };
}
