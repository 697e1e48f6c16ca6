import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { loadDemo } from './loader.js';
import { buildDemoPeople } from './people.js';
import { loadDemoPeopleIfEmpty } from './people-loader.js';
import { demoPeopleRepository } from './people.repository.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadDemo(t.db);
});
afterAll(async () => {
  await t.drop();
});

describe('demo people', () => {
  it('are deterministic for the same tree', async () => {
    const orgs = await demoPeopleRepository.organizations(t.db);
    const a = buildDemoPeople(orgs);
    const b = buildDemoPeople(orgs);
    expect(a.persons.map((p) => [p.full_name, p.birth_year, p.degree])).toEqual(
      b.persons.map((p) => [p.full_name, p.birth_year, p.degree]),
    );
  });

  it('load once, with Hải Phòng at about a hundredth of its 108,000 members and the named leaders', async () => {
    const n = await loadDemoPeopleIfEmpty(t.db);
    expect(n).toBeGreaterThan(20_000);
    expect(await loadDemoPeopleIfEmpty(t.db)).toBe(0);
    const hp = await sql<{ n: number }>`
      select count(distinct m.person_id)::int as n
      from membership_event m
      join organization_closure c on c.descendant_id = m.organization_id
      join organization o on o.id = c.ancestor_id and o.code = 'LHH-31'
      where c.valid_from <= current_date and c.valid_to > current_date`.execute(t.db);
    expect(hp.rows[0]!.n).toBeGreaterThan(900);
    expect(hp.rows[0]!.n).toBeLessThan(1600);
    const leaders = await sql<{
      full_name: string;
      title: string | null;
      degree: string | null;
      role: string;
      code: string;
    }>`
      select p.full_name, p.title, p.degree, ps.role, o.code
      from position ps join person p on p.id = ps.person_id join organization o on o.id = ps.organization_id
      where (o.code = 'VUSTA' and ps.role in ('president', 'secretary_general')) or (o.code = 'LHH-31' and ps.role = 'president')
      order by o.code, ps.role`.execute(t.db);
    expect(leaders.rows).toEqual([
      { full_name: 'Bùi Thanh Tùng', title: null, degree: 'TS', role: 'president', code: 'LHH-31' },
      {
        full_name: 'Phan Xuân Dũng',
        title: null,
        degree: 'TSKH',
        role: 'president',
        code: 'VUSTA',
      },
      {
        full_name: 'Nguyễn Quyết Chiến',
        title: null,
        degree: 'ThS',
        role: 'secretary_general',
        code: 'VUSTA',
      },
    ]);
  });

  it('skew older: fewer than a quarter of active members are under 35', async () => {
    const r = await sql<{ young: number; total: number }>`
      select count(*) filter (where 2025 - birth_year < 35)::int as young, count(*)::int as total from person`.execute(
      t.db,
    );
    const { young, total } = r.rows[0]!;
    expect(young / total).toBeGreaterThan(0.05);
    expect(young / total).toBeLessThan(0.25);
  });
});
