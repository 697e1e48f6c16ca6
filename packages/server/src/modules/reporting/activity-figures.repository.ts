import { ACTIVITY_FIGURES, type ActivityFigure, type IndicatorRule } from '@lienhiep/core';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.js';

/**
 * Indicator rules as SQL. One pass over the activities of the window computes every rule of a
 * form at once (`count(*) filter (where …)`, `sum(figure) filter (where …)`); the same predicate
 * lists the activities behind a figure (drill-down). `ruleValue` in @lienhiep/core is the same
 * rule in plain code; the tests hold the two together.
 */

export interface DataWindow {
  from: string;
  to: string;
}

export interface RuleItem {
  code: string;
  rule: IndicatorRule;
}

function figureRef(figure: ActivityFigure): RawBuilder<number> {
  // the name comes from a closed list; anything else never reaches the SQL text
  if (!(ACTIVITY_FIGURES as readonly string[]).includes(figure)) {
    throw new Error(`unknown activity figure ${String(figure)}`);
  }
  return sql<number>`a.${sql.raw(figure)}`;
}

/** The activities a rule takes, over the alias `a`. */
export function rulePredicate(rule: IndicatorRule): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`a.kind = ${rule.kind}::activity_kind`];
  if (rule.modes?.length) parts.push(sql`a.mode = any(${sql.val(rule.modes)}::activity_mode[])`);
  if (rule.subtypes?.length) parts.push(sql`a.subtype = any(${sql.val(rule.subtypes)}::text[])`);
  if (rule.levels?.length)
    parts.push(sql`a.project_level = any(${sql.val(rule.levels)}::project_level[])`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** The aggregate of one rule over the rows of `a` in scope (0 when nothing matches). */
export function ruleAggregate(rule: IndicatorRule): RawBuilder<number> {
  const where = rulePredicate(rule);
  if (rule.measure === 'sum' && rule.figure) {
    return sql<number>`coalesce(sum(${figureRef(rule.figure)}) filter (where ${where}), 0)`;
  }
  return sql<number>`count(*) filter (where ${where})`;
}

export const activityFiguresRepository = {
  /**
   * Each organisation's own figures for the rules, from its activities that end inside the
   * window. Organisations without a matching activity get zeros.
   */
  async ownValues(
    db: Executor,
    organizationIds: readonly string[],
    window: DataWindow,
    items: readonly RuleItem[],
  ): Promise<Map<string, Record<string, number>>> {
    const out = new Map<string, Record<string, number>>();
    const zeros = () => Object.fromEntries(items.map((i) => [i.code, 0]));
    for (const id of organizationIds) out.set(id, zeros());
    if (organizationIds.length === 0 || items.length === 0) return out;
    const columns = items.map(
      (item, i) => sql`${ruleAggregate(item.rule)}::float8 as ${sql.ref(`v${i}`)}`,
    );
    const result = await sql<Record<string, unknown>>`
      select a.organization_id, ${sql.join(columns)}
      from activity a
      where a.organization_id = any(${sql.val(organizationIds)}::uuid[])
        and a.ends_on between ${window.from}::date and ${window.to}::date
      group by a.organization_id`.execute(db);
    for (const row of result.rows) {
      const values = out.get(row.organization_id as string)!;
      items.forEach((item, i) => {
        values[item.code] = Number(row[`v${i}`] ?? 0);
      });
    }
    return out;
  },
};
