import type { Database } from '../db/database.js';
import { buildDemoPeople } from './people.js';
import { demoPeopleRepository as repo } from './people.repository.js';

/** Adds the demo people to a demo tree that has none yet; returns how many were added. */
export async function loadDemoPeopleIfEmpty(db: Database): Promise<number> {
  return db.transaction().execute(async (tx) => {
    if ((await repo.countPersons(tx)) > 0) return 0;
    const people = buildDemoPeople(await repo.organizations(tx));
    await repo.insert(tx, people);
    return people.persons.length;
  });
}
