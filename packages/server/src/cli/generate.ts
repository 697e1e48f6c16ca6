/**
 * npm run generate -- --orgs 10000 [--people 3000000] [--activities 2000000] [--rounds] [--seed 1] [--prefix SC]
 * Fills the database (embedded, or DATABASE_URL) with a national-size tree under the central
 * union, with COPY. Safe to run again with another prefix. --activities spreads activities over
 * every organisation alive (generated or not) and the two years 15/12/2023–14/12/2025; --rounds
 * then opens one round family (year 2025) with a report from (nearly) every organisation.
 */
import pg from 'pg';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/bootstrap.js';
import {
  activityOrganizations,
  copyRows,
  findCentralUnion,
  memberOrganizations,
  insertGeneratedTree,
  withoutSecondaryIndexes,
} from '../generate/generator.repository.js';
import {
  generatePeople,
  MEMBERSHIP_COLUMNS,
  PERSON_COLUMNS,
} from '../generate/people-generator.js';
import { ACTIVITY_COLUMNS, generateActivities } from '../generate/activity-generator.js';
import { generateRoundFamily } from '../generate/round-generator.js';
import { generateTree } from '../generate/tree-generator.js';
import { createOrganization } from '../modules/organizations/organization.service.js';
import { organizationRepository } from '../modules/organizations/organization.repository.js';

const { values } = parseArgs({
  options: {
    orgs: { type: 'string', default: '10000' },
    people: { type: 'string', default: '0' },
    activities: { type: 'string', default: '0' },
    rounds: { type: 'boolean', default: false },
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
const activityCount = Number(values.activities);
if (!Number.isInteger(activityCount) || activityCount < 0 || activityCount > 2_000_000) {
  console.error('--activities phải là số nguyên từ 0 đến 2.000.000');
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
  await insertGeneratedTree(client, orgs);
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
  if (activityCount > 0) {
    const t0 = performance.now();
    const orgsForActivities = await activityOrganizations(client);
    const copy = () =>
      copyRows(
        client,
        'activity',
        ACTIVITY_COLUMNS,
        generateActivities(activityCount, orgsForActivities, seed),
      );
    await client.query('begin');
    // in bulk, the indexes are built once afterwards (same definitions, same transaction)
    if (activityCount >= 50_000) await withoutSecondaryIndexes(client, 'activity', copy);
    else await copy();
    await client.query('commit');
    await client.query('analyze activity');
    console.log(
      `Đã tạo ${activityCount.toLocaleString('vi-VN')} hoạt động trong ${((performance.now() - t0) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây.`,
    );
  }
  if (values.rounds) {
    const family = await generateRoundFamily(opened.db, { rootId: root.id, year: 2025, seed });
    await client.query(
      'analyze reporting_round; analyze round_reporter; analyze submission; analyze submission_value',
    );
    console.log(
      `Đã mở ${family.rounds.toLocaleString('vi-VN')} đợt báo cáo năm 2025 với ${family.submissions.toLocaleString('vi-VN')} báo cáo (${family.reporters.toLocaleString('vi-VN')} đơn vị được yêu cầu); số liệu tính trong ${family.seconds.values.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây.`,
    );
  }
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
