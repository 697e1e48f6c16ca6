/** Writes the OpenAPI document the web client is typed from (no database needed). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildOpenApiDocument } from '../http/openapi-document.js';

const out = path.resolve(import.meta.dirname, '../../../web/src/api/openapi.json');
await fs.mkdir(path.dirname(out), { recursive: true });
await fs.writeFile(out, JSON.stringify(await buildOpenApiDocument(), null, 2) + '\n');
console.log(`Đã ghi ${out}`);
