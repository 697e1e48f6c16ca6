import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
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
  /** The address users reach the app at; https in production (cookies become Secure). */
  publicUrl: string;
  /** Set when a reverse proxy terminates TLS in front of the server. */
  trustProxy: boolean;
  /** LIENHIEP_AUTH_SECRET; when unset, a random secret kept in the data directory. */
  authSecret: string | undefined;
  /** SMTP_URL (smtp://user:pass@host:port, smtps:// for TLS): notifications are also e-mailed when set. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the sender of those e-mails. */
  mailFrom: string;
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
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${intFromEnv('PORT', 3000)}`,
    trustProxy: env.TRUST_PROXY === 'true',
    authSecret: env.LIENHIEP_AUTH_SECRET || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Liên hiệp các Hội KH&KT Việt Nam <khong-tra-loi@localhost>',
  };
}

/** The secret that signs session cookies: from the environment, or generated once and kept (0600) in the data directory. */
export async function resolveAuthSecret(config: AppConfig): Promise<string> {
  if (config.authSecret) {
    if (config.authSecret.length < 32)
      throw new Error('LIENHIEP_AUTH_SECRET phải dài ít nhất 32 ký tự');
    return config.authSecret;
  }
  const file = path.join(config.dataDir, 'auth-secret');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    await fs.mkdir(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    await fs.writeFile(file, secret + '\n', { mode: 0o600 });
    return secret;
  }
}
