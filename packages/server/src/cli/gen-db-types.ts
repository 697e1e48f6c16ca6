/**
 * Regenerates db/schema.generated.ts from the migrations: a scratch database is migrated and
 * introspected by kysely-codegen. With --verify it only checks that the committed file is current.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../db/database.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { migrateToLatest } from '../db/migrate.js';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../src/db/schema.generated.ts');
const CODEGEN_BIN = path.resolve(
  import.meta.dirname,
  '../../../../node_modules/kysely-codegen/dist/cli/bin.js',
);

export function codegenArgs(url: string): string[] {
  return [
    CODEGEN_BIN,
    '--dialect=postgres',
    `--url=${url}`,
    '--date-parser=string',
    '--numeric-parser=number',
    '--exclude-pattern=kysely_*',
    // the job queue's own schema (pg-boss) is not ours to type
    '--include-pattern=public.*',
    '--log-level=error',
  ];
}

/** Prints the generated types for the database at `url`. */
export function generateSchemaTypes(url: string): string {
  const out = spawnSync(process.execPath, [...codegenArgs(url), '--print'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`kysely-codegen thất bại: ${out.stderr}`);
  return out.stdout;
}

async function main(): Promise<void> {
  const verify = process.argv.includes('--verify');
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lienhiep-codegen-'));
  const pg = await startEmbeddedPostgres(tmp, (m) => console.error(m), 'codegen');
  try {
    const db = createDatabase(pg.url, 2);
    await migrateToLatest(db);
    await db.destroy();
    const text = generateSchemaTypes(pg.url);
    if (verify) {
      const current = await fs.readFile(SCHEMA_FILE, 'utf8').catch(() => '');
      if (current !== text) {
        console.error('db/schema.generated.ts đã cũ: chạy `npm run gen`.');
        process.exitCode = 1;
      }
    } else {
      await fs.writeFile(SCHEMA_FILE, text);
      console.log(`Đã ghi ${SCHEMA_FILE}`);
    }
  } finally {
    await pg.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
