/**
 * npm run generate -- --orgs 10000 [--people 3000000] [--seed 1] [--prefix SC]
 * Fills the database (embedded, or DATABASE_URL) with a national-size tree under the central
 * union, with COPY. Safe to run again with another prefix.
 */
import pg from 'pg';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/bootstrap.js';
import {
  copyRows,
  findCentralUnion,
  memberOrganizations,
  refreshClosureFor,
} from '../generate/generator.repository.js';
import {
  generatePeople,
  MEMBERSHIP_COLUMNS,
  PERSON_COLUMNS,
} from '../generate/people-generator.js';
import { generateTree } from '../generate/tree-generator.js';
import { createOrganization } from '../modules/organizations/organization.service.js';
import { organizationRepository } from '../modules/organizations/organization.repository.js';

const { values } = parseArgs({
  options: {
    orgs: { type: 'string', default: '10000' },
    people: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    prefix: { type: 'string', default: 'SC' },
  },
});
const total = Number(values.orgs);
const peopleCount = Number(values.people);
if (!Number.isInteger(peopleCount) || peopleCount < 0 || peopleCount > 5_000_000) {
  console.error('--people phải là số nguyên từ 0 đến 5.000.000');
  process.exit(2);
}
const seed = Number(values.seed);
const prefix = values.prefix;
if (!Number.isInteger(total) || total < 1 || total > 5_000_000) {
  console.error('--orgs phải là số nguyên từ 1 đến 5.000.000');
  process.exit(2);
}
if (!/^[A-Z][A-Z0-9]{0,9}$/.test(prefix)) {
  console.error('--prefix gồm chữ in hoa và chữ số, tối đa 10 ký tự');
  process.exit(2);
}

const opened = await openDatabase((m) => console.log(m));
const pool = new pg.Pool({ connectionString: opened.url, max: 1 });
pool.on('error', (err) => console.error(err.message));
const client = await pool.connect();
const started = performance.now();
try {
  if (await organizationRepository.findByCode(opened.db, `${prefix}-000001`)) {
    throw new Error(`Đã có tổ chức mã ${prefix}-…; hãy chọn --prefix khác`);
  }
  let root = await findCentralUnion(client);
  if (!root) {
    const created = await createOrganization(
      opened.db,
      {
        code: 'VUSTA',
        kind: 'central_union',
        fullName: 'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam',
        shortName: 'Liên hiệp Hội Việt Nam',
        foundedOn: '1983-03-26',
        provinceCode: '01',
      },
      null,
    );
    root = { id: created.id, founded_on: '1983-03-26' };
  }
  const orgs = generateTree({ total, seed, prefix, rootId: root.id, rootFounded: root.founded_on });
  await client.query('begin');
  await copyRows(
    client,
    'organization',
    ['id', 'code', 'kind', 'full_name', 'short_name', 'province_code', 'field_code', 'founded_on'],
    orgs.map((o) => [
      o.id,
      o.code,
      o.kind,
      o.fullName,
      o.shortName,
      o.provinceCode,
      o.fieldCode,
      o.foundedOn,
    ]),
  );
  await copyRows(
    client,
    'organization_name',
    ['organization_id', 'full_name', 'short_name', 'valid_from'],
    orgs.map((o) => [o.id, o.fullName, o.shortName, o.foundedOn]),
  );
  await copyRows(
    client,
    'organization_parent',
    ['organization_id', 'parent_id', 'valid_from'],
    orgs.map((o) => [o.id, o.parentId, o.linkFrom]),
  );
  await refreshClosureFor(
    client,
    orgs.map((o) => o.id),
  );
  await client.query('commit');
  if (peopleCount > 0) {
    // people stream through COPY; only the compact membership rows wait for the second COPY
    const memberships: (string | null)[][] = [];
    const rows = generatePeople(peopleCount, await memberOrganizations(client), seed);
    function* persons() {
      for (const row of rows) {
        memberships.push(row.membership);
        yield row.person;
      }
    }
    await client.query('begin');
    await copyRows(client, 'person', PERSON_COLUMNS, persons());
    await copyRows(client, 'membership_event', MEMBERSHIP_COLUMNS, memberships);
    await client.query('commit');
    await client.query('analyze person; analyze membership_event');
  }
  await client.query(
    'analyze organization; analyze organization_closure; analyze organization_parent; analyze organization_name',
  );
  const secs = (performance.now() - started) / 1000;
  console.log(
    `Đã tạo ${total.toLocaleString('vi-VN')} tổ chức và ${peopleCount.toLocaleString('vi-VN')} người trong ${secs.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây.`,
  );
} catch (err) {
  await client.query('rollback').catch(() => undefined);
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  client.release();
  await pool.end();
  await opened.close();
}
