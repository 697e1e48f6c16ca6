import { describeRule, foldVietnamese, type IndicatorRule } from '@lienhiep/core';
import type { Selectable } from 'kysely';
import type { Database, Executor } from '../../db/database.js';
import type { Indicator } from '../../db/schema.generated.js';
import { AppError, conflict, notFound } from '../../shared/errors.js';
import type { RequestContext } from '../access/actor.js';
import { assertCanManageForms } from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { organizationRepository } from '../organizations/organization.repository.js';
import {
  INDICATOR_CATEGORY_LABELS,
  sourceRuleProblem,
  type IndicatorCategory,
  type IndicatorCreate,
  type IndicatorDto,
  type IndicatorQuery,
  type IndicatorUpdate,
} from './indicator.schemas.js';
import {
  indicatorRepository as repo,
  type IndicatorRow,
  type IndicatorValues,
} from './indicator.repository.js';

/** The rule as stored (jsonb), or null. */
export const ruleOf = (row: { rule: unknown }): IndicatorRule | null =>
  row.rule === null || row.rule === undefined ? null : (row.rule as IndicatorRule);

export function toIndicatorDto(row: IndicatorRow): IndicatorDto {
  const rule = ruleOf(row);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    unit: row.unit,
    category: row.category as IndicatorCategory,
    categoryLabel: INDICATOR_CATEGORY_LABELS[row.category as IndicatorCategory] ?? row.category,
    source: row.source as IndicatorDto['source'],
    rule,
    ruleDescription: rule ? describeRule(rule) : null,
    treeAggregation: row.tree_aggregation as IndicatorDto['treeAggregation'],
    timeAggregation: row.time_aggregation as IndicatorDto['timeAggregation'],
    description: row.description,
    active: row.active,
    usedInVersions: row.used_in_versions ?? 0,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What the audit trail keeps of an indicator. */
const auditView = (v: IndicatorValues | Selectable<Indicator>) => ({
  code: v.code,
  name: v.name,
  unit: v.unit,
  category: v.category,
  source: v.source,
  rule: typeof v.rule === 'string' ? (JSON.parse(v.rule) as unknown) : v.rule,
  treeAggregation: v.tree_aggregation,
  timeAggregation: v.time_aggregation,
  description: v.description,
  active: v.active,
});

const codeConflict = (code: string) =>
  conflict(`Mã chỉ tiêu "${code}" đã được dùng cho một chỉ tiêu khác; hãy chọn mã khác`, 'code');

/** The central union's id, for the audit entry (the definitions are system-wide). */
async function rootId(db: Executor): Promise<string | null> {
  return (await organizationRepository.findCentralUnion(db))?.id ?? null;
}

/**
 * Indicators are data: code, name, unit, how they aggregate, and where the figure comes from — a
 * declarative rule over activities, or a hand-entered figure. A change never reaches a published
 * form version, which holds its own copy of each indicator's definition.
 */
export function createIndicatorService(db: Database) {
  async function get(id: string): Promise<IndicatorDto> {
    const row = await repo.findById(db, id);
    if (!row) throw notFound('chỉ tiêu');
    return toIndicatorDto(row);
  }

  return {
    get: (_ctx: RequestContext, id: string) => get(id),

    async list(_ctx: RequestContext, q: IndicatorQuery) {
      const rows = await repo.list(db, {
        category: q.category,
        source: q.source,
        active: q.active,
        q: q.q ? foldVietnamese(q.q) : undefined,
      });
      return { items: rows.map(toIndicatorDto), total: rows.length };
    },

    async create(ctx: RequestContext, input: IndicatorCreate): Promise<IndicatorDto> {
      const id = await db.transaction().execute(async (tx) => {
        await assertCanManageForms(tx, ctx.actor!);
        if (await repo.codeTaken(tx, input.code)) throw codeConflict(input.code);
        const values: IndicatorValues = {
          code: input.code,
          name: input.name,
          unit: input.unit,
          category: input.category,
          source: input.source,
          rule: input.source === 'activities' && input.rule ? JSON.stringify(input.rule) : null,
          tree_aggregation: input.treeAggregation ?? 'sum',
          time_aggregation: input.timeAggregation ?? 'sum',
          description: input.description ?? null,
          active: input.active ?? true,
        };
        const newId = await repo.insert(tx, values);
        await audit(tx, ctx, {
          action: 'indicator.create',
          entityType: 'indicator',
          entityId: newId,
          organizationId: await rootId(tx),
          after: auditView(values),
        });
        return newId;
      });
      return get(id);
    },

    async update(ctx: RequestContext, id: string, input: IndicatorUpdate): Promise<IndicatorDto> {
      await db.transaction().execute(async (tx) => {
        await assertCanManageForms(tx, ctx.actor!);
        await repo.lock(tx, id);
        const row = await repo.findById(tx, id);
        if (!row) throw notFound('chỉ tiêu');
        const source = input.source ?? (row.source as 'activities' | 'manual');
        // a manual indicator keeps no rule; switching to activities needs one (given or kept)
        const rule =
          input.rule !== undefined ? input.rule : input.source === 'manual' ? null : ruleOf(row);
        const problem = sourceRuleProblem(source, rule);
        if (problem) throw new AppError(400, 'invalid', problem.message, problem.path);
        if (input.code !== undefined && input.code !== row.code) {
          if (row.used_in_versions > 0)
            throw conflict(
              `Chỉ tiêu "${row.code}" đã có trong ${row.used_in_versions} phiên bản biểu mẫu nên không đổi được mã; hãy tạo chỉ tiêu mới`,
              'code',
            );
          if (await repo.codeTaken(tx, input.code, id)) throw codeConflict(input.code);
        }
        const values: IndicatorValues = {
          code: input.code ?? row.code,
          name: input.name ?? row.name,
          unit: input.unit ?? row.unit,
          category: input.category ?? row.category,
          source,
          rule: rule ? JSON.stringify(rule) : null,
          tree_aggregation: input.treeAggregation ?? row.tree_aggregation,
          time_aggregation: input.timeAggregation ?? row.time_aggregation,
          description: input.description !== undefined ? input.description : row.description,
          active: input.active ?? row.active,
        };
        await repo.update(tx, id, values);
        await audit(tx, ctx, {
          action: 'indicator.update',
          entityType: 'indicator',
          entityId: id,
          organizationId: await rootId(tx),
          before: auditView(row),
          after: auditView(values),
        });
      });
      return get(id);
    },
  };
}
