import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchemaTypes, SCHEMA_FILE } from '../cli/gen-db-types.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { buildOpenApiDocument } from './openapi-document.js';

// The schema is the one source: migration → DB types → Zod → OpenAPI → web client.
// A stale generated file fails the build; `npm run gen` refreshes them all.
const ROOT = path.resolve(import.meta.dirname, '../../../..');
const OPENAPI_FILE = path.join(ROOT, 'packages/web/src/api/openapi.json');
const CLIENT_TYPES_FILE = path.join(ROOT, 'packages/web/src/api/schema.d.ts');

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe('generated files are up to date (run `npm run gen` when this fails)', () => {
  it('packages/web/src/api/openapi.json matches the Zod schemas', async () => {
    const committed: unknown = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(await buildOpenApiDocument())));
  });

  it('packages/web/src/api/schema.d.ts matches openapi.json', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oat-')), 'schema.d.ts');
    const bin = path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
    const r = spawnSync(process.execPath, [bin, OPENAPI_FILE, '-o', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(CLIENT_TYPES_FILE, 'utf8')).toBe(fs.readFileSync(out, 'utf8'));
  });

  it('packages/server/src/db/schema.generated.ts matches the migrations', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(generateSchemaTypes(t.url));
  });
});
