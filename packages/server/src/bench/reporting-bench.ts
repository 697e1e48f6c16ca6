import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * The bare core of consolidating a round for the whole system: the own values of the counted
 * (approved, locked) reports of the whole round family, summed per indicator under each child of
 * the root on the day the window ends — one statement, no rights, no names, no comparisons.
 */
export async function bareConsolidation(
  db: Executor,
  rootRoundId: string,
  rootOrgId: string,
  on: string,
): Promise<number> {
  const r = await sql<{ child: string; indicator_code: string; total: string }>`
    with recursive family as (
      select id from reporting_round where id = ${rootRoundId}
      union all
      select r.id from reporting_round r join family f on r.parent_round_id = f.id
    ), children as (
      select descendant_id as id from organization_closure
      where ancestor_id = ${rootOrgId} and depth = 1
        and valid_from <= ${on}::date and valid_to > ${on}::date
    )
    select c.ancestor_id as child, v.indicator_code, sum(v.own_value)::text as total
    from submission s
    join family f on f.id = s.round_id
    join submission_value v on v.submission_id = s.id
    join organization_closure c on c.descendant_id = s.organization_id
      and c.valid_from <= ${on}::date and c.valid_to > ${on}::date
    join children ch on ch.id = c.ancestor_id
    where s.status in ('approved', 'locked')
    group by 1, 2`.execute(db);
  return r.rows.length;
}
