import {
  describeRule,
  REPORT_SECTION_LABELS,
  type IndicatorRule,
  type ReportSection,
  type TimeAggregation,
  type TreeAggregation,
} from '@lienhiep/core';
import type { Database, Executor } from '../../db/database.js';
import { AppError, conflict, notFound } from '../../shared/errors.js';
import type { RequestContext } from '../access/actor.js';
import { assertCanManageForms } from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { organizationRepository } from '../organizations/organization.repository.js';
import {
  formRepository as repo,
  type ItemWithIndicatorRow,
  type NewItem,
  type VersionRow,
  type VersionSummaryRow,
} from './form.repository.js';
import type {
  FormCreate,
  FormDto,
  FormItemDto,
  FormItemInput,
  VersionDetailDto,
  VersionSummaryDto,
} from './form.schemas.js';
import { indicatorRepository } from './indicator.repository.js';
import { INDICATOR_CATEGORY_LABELS, type IndicatorCategory } from './indicator.schemas.js';

export const PUBLISHED_IS_FROZEN = 'Phiên bản đã công bố không thể sửa; hãy tạo phiên bản mới';

const versionNotFound = () => notFound('phiên bản biểu mẫu');

const summaryDto = (v: VersionSummaryRow): VersionSummaryDto => ({
  id: v.id,
  version: v.version,
  status: v.published_at ? 'published' : 'draft',
  note: v.note,
  publishedAt: v.published_at ? v.published_at.toISOString() : null,
  createdAt: v.created_at.toISOString(),
  groups: v.groups,
  indicators: v.indicators,
  sections: v.sections,
  rounds: v.rounds,
});

const asRule = (r: unknown): IndicatorRule | null => (r ? (r as IndicatorRule) : null);

/**
 * An item as the version shows it. A published version shows the definitions copied when it was
 * published; a draft shows its indicators as they are now (they are copied at publication).
 */
function itemDto(it: ItemWithIndicatorRow, draft: boolean): FormItemDto {
  switch (it.item_type) {
    case 'group':
      return { type: 'group', position: it.position, label: it.label };
    case 'section':
      return {
        type: 'section',
        position: it.position,
        label: it.label,
        code: it.section_code as ReportSection,
        guidance: it.guidance,
      };
    default: {
      const live = draft && it.current_name !== null;
      const rule = asRule(live ? it.current_rule : it.rule);
      const category = ((live ? it.current_category : it.category) ?? 'other') as IndicatorCategory;
      return {
        type: 'indicator',
        position: it.position,
        label: (live ? it.current_name : it.label) ?? it.label,
        indicatorId: it.indicator_id,
        code: it.indicator_code!,
        unit: (live ? it.current_unit : it.unit) ?? '',
        category,
        categoryLabel: INDICATOR_CATEGORY_LABELS[category] ?? category,
        source: ((live ? it.current_source : it.source) ?? 'manual') as 'activities' | 'manual',
        rule,
        ruleDescription: rule ? describeRule(rule) : null,
        treeAggregation: ((live ? it.current_tree_aggregation : it.tree_aggregation) ??
          'sum') as TreeAggregation,
        timeAggregation: ((live ? it.current_time_aggregation : it.time_aggregation) ??
          'sum') as TimeAggregation,
        active: it.current_active ?? true,
      };
    }
  }
}

/** The rows of a version's items, to copy into another version. */
const copyOf = (items: readonly ItemWithIndicatorRow[]): NewItem[] =>
  items.map((it) => ({
    item_type: it.item_type,
    label: it.label,
    indicator_id: it.indicator_id,
    indicator_code: it.indicator_code,
    unit: it.unit,
    category: it.category,
    source: it.source,
    rule: it.rule === null ? null : JSON.stringify(it.rule),
    tree_aggregation: it.tree_aggregation,
    time_aggregation: it.time_aggregation,
    section_code: it.section_code,
    guidance: it.guidance,
  }));

async function rootId(db: Executor): Promise<string | null> {
  return (await organizationRepository.findCentralUnion(db))?.id ?? null;
}

/**
 * Report forms: ordered group headings, indicators and narrative sections, in versions. A draft is
 * edited freely; publishing copies each indicator's current definition into the version and
 * freezes it, so rounds (which refer to a published version) and the reports written in them
 * never change when an indicator or the form changes later.
 */
/**
 * Checks an ordered list of items and turns it into rows (indicators with their current
 * definition copied): for the form editor and for installing the standard form alike.
 */
export async function formItemRows(
  tx: Executor,
  items: readonly FormItemInput[],
): Promise<NewItem[]> {
  const codes = items.flatMap((it) => (it.type === 'indicator' ? [it.indicatorCode] : []));
  const byCode = new Map(
    (await indicatorRepository.findByCodes(tx, codes)).map((r) => [r.code, r]),
  );
  const seenCodes = new Map<string, number>();
  const seenSections = new Map<string, number>();
  return items.map((it, i): NewItem => {
    const none = {
      indicator_id: null,
      indicator_code: null,
      unit: null,
      category: null,
      source: null,
      rule: null,
      tree_aggregation: null,
      time_aggregation: null,
      section_code: null,
      guidance: null,
    };
    switch (it.type) {
      case 'group':
        return { ...none, item_type: 'group', label: it.label };
      case 'section': {
        const before = seenSections.get(it.sectionCode);
        if (before !== undefined)
          throw new AppError(
            400,
            'invalid',
            `Phần "${REPORT_SECTION_LABELS[it.sectionCode].vi}" đã có ở mục ${before + 1}; mỗi phần thuyết minh chỉ có một lần`,
            `items/${i}/sectionCode`,
          );
        seenSections.set(it.sectionCode, i);
        return {
          ...none,
          item_type: 'section',
          label: it.label ?? REPORT_SECTION_LABELS[it.sectionCode].vi,
          section_code: it.sectionCode,
          guidance: it.guidance ?? null,
        };
      }
      case 'indicator': {
        const ind = byCode.get(it.indicatorCode);
        if (!ind)
          throw new AppError(
            400,
            'invalid',
            `Không có chỉ tiêu mã "${it.indicatorCode}"`,
            `items/${i}/indicatorCode`,
          );
        if (!ind.active)
          throw new AppError(
            400,
            'invalid',
            `Chỉ tiêu "${ind.code} – ${ind.name}" đã ngừng sử dụng, không thêm vào biểu mẫu được`,
            `items/${i}/indicatorCode`,
          );
        const before = seenCodes.get(ind.code);
        if (before !== undefined)
          throw new AppError(
            400,
            'invalid',
            `Chỉ tiêu "${ind.code}" đã có ở mục ${before + 1}; mỗi chỉ tiêu chỉ có một lần`,
            `items/${i}/indicatorCode`,
          );
        seenCodes.set(ind.code, i);
        return {
          ...none,
          item_type: 'indicator',
          label: ind.name,
          indicator_id: ind.id,
          indicator_code: ind.code,
          unit: ind.unit,
          category: ind.category,
          source: ind.source,
          rule: ind.rule === null ? null : JSON.stringify(ind.rule),
          tree_aggregation: ind.tree_aggregation,
          time_aggregation: ind.time_aggregation,
        };
      }
    }
  });
}

export function createFormService(db: Database) {
  async function summaries(formIds: string[]) {
    const rows = await repo.versionSummaries(db, formIds);
    const byForm = new Map<string, VersionSummaryDto[]>();
    for (const r of rows) {
      const list = byForm.get(r.form_id) ?? [];
      list.push(summaryDto(r));
      byForm.set(r.form_id, list);
    }
    return byForm;
  }

  async function getVersion(id: string): Promise<VersionDetailDto> {
    const v = await repo.findVersion(db, id);
    if (!v) throw versionNotFound();
    const form = (await repo.findForm(db, v.form_id))!;
    const [summary] = (await summaries([form.id])).get(form.id)!.filter((s) => s.id === id);
    const items = await repo.items(db, id);
    return {
      ...summary!,
      form: { id: form.id, code: form.code, name: form.name },
      items: items.map((it) => itemDto(it, v.published_at === null)),
    };
  }

  async function lockDraft(tx: Executor, id: string): Promise<VersionRow> {
    const v = await repo.lockVersion(tx, id);
    if (!v) throw versionNotFound();
    if (v.published_at !== null) throw conflict(PUBLISHED_IS_FROZEN);
    return v;
  }

  return {
    getVersion: (_ctx: RequestContext, id: string) => getVersion(id),

    async list(_ctx: RequestContext): Promise<{ items: FormDto[] }> {
      const forms = await repo.listForms(db);
      const byForm = await summaries(forms.map((f) => f.id));
      return {
        items: forms.map((f) => ({
          id: f.id,
          code: f.code,
          name: f.name,
          description: f.description,
          createdAt: f.created_at.toISOString(),
          versions: byForm.get(f.id) ?? [],
        })),
      };
    },

    async createForm(ctx: RequestContext, input: FormCreate): Promise<VersionDetailDto> {
      const versionId = await db.transaction().execute(async (tx) => {
        await assertCanManageForms(tx, ctx.actor!);
        if (await repo.formCodeTaken(tx, input.code))
          throw conflict(`Mã biểu mẫu "${input.code}" đã được dùng; hãy chọn mã khác`, 'code');
        let items: NewItem[] = [];
        if (input.copyFromVersionId) {
          const from = await repo.findVersion(tx, input.copyFromVersionId);
          if (!from)
            throw new AppError(
              400,
              'invalid',
              'Không có phiên bản biểu mẫu để sao chép',
              'copyFromVersionId',
            );
          items = copyOf(await repo.items(tx, from.id));
        }
        const formId = await repo.insertForm(tx, {
          code: input.code,
          name: input.name,
          description: input.description ?? null,
        });
        const id = await repo.insertVersion(tx, {
          form_id: formId,
          version: 1,
          note: null,
          created_by: ctx.actor!.userId,
        });
        await repo.replaceItems(tx, id, items);
        await audit(tx, ctx, {
          action: 'report_form.create',
          entityType: 'report_form',
          entityId: formId,
          organizationId: await rootId(tx),
          after: {
            code: input.code,
            name: input.name,
            description: input.description ?? null,
            copiedFrom: input.copyFromVersionId ?? null,
            items: items.length,
          },
        });
        return id;
      });
      return getVersion(versionId);
    },

    async newVersion(
      ctx: RequestContext,
      formId: string,
      note: string | null | undefined,
    ): Promise<VersionDetailDto> {
      const id = await db.transaction().execute(async (tx) => {
        await assertCanManageForms(tx, ctx.actor!);
        const form = await repo.findForm(tx, formId);
        if (!form) throw notFound('biểu mẫu');
        const versions = await repo.lockFormVersions(tx, formId);
        const latest = versions[0];
        if (latest && latest.published_at === null)
          throw conflict(
            `Biểu mẫu đang có phiên bản nháp số ${latest.version}; hãy sửa và công bố phiên bản đó trước`,
          );
        const number = (latest?.version ?? 0) + 1;
        const newId = await repo.insertVersion(tx, {
          form_id: formId,
          version: number,
          note: note ?? null,
          created_by: ctx.actor!.userId,
        });
        const items = latest ? copyOf(await repo.items(tx, latest.id)) : [];
        await repo.replaceItems(tx, newId, items);
        await audit(tx, ctx, {
          action: 'report_form_version.create',
          entityType: 'report_form_version',
          entityId: newId,
          organizationId: await rootId(tx),
          after: { form: form.code, version: number, note: note ?? null, items: items.length },
        });
        return newId;
      });
      return getVersion(id);
    },

    async replaceItems(
      ctx: RequestContext,
      id: string,
      items: FormItemInput[],
    ): Promise<VersionDetailDto> {
      await db.transaction().execute(async (tx) => {
        await assertCanManageForms(tx, ctx.actor!);
        const v = await lockDraft(tx, id);
        const before = await repo.items(tx, id);
        const rows = await formItemRows(tx, items);
        await repo.replaceItems(tx, id, rows);
        const view = (
          xs: readonly {
            item_type: string;
            label: string;
            indicator_code?: string | null;
            section_code?: string | null;
          }[],
        ) => xs.map((x) => `${x.item_type}:${x.indicator_code ?? x.section_code ?? x.label}`);
        await audit(tx, ctx, {
          action: 'report_form_version.items',
          entityType: 'report_form_version',
          entityId: id,
          organizationId: await rootId(tx),
          before: { version: v.version, items: view(before) },
          after: { version: v.version, items: view(rows) },
        });
      });
      return getVersion(id);
    },

    async publish(ctx: RequestContext, id: string): Promise<VersionDetailDto> {
      await db.transaction().execute(async (tx) => {
        await assertCanManageForms(tx, ctx.actor!);
        const v = await lockDraft(tx, id);
        const current = await repo.items(tx, id);
        if (!current.some((it) => it.item_type !== 'group'))
          throw conflict('Phiên bản chưa có chỉ tiêu hay phần thuyết minh nào; chưa công bố được');
        const inactive = current.filter(
          (it) => it.item_type === 'indicator' && it.current_active === false,
        );
        if (inactive.length > 0)
          throw conflict(
            `Các chỉ tiêu đã ngừng sử dụng cần bỏ khỏi phiên bản trước khi công bố: ${inactive.map((it) => it.indicator_code).join(', ')}`,
          );
        // copy each indicator's definition as it is now: from here on the version never changes
        const input: FormItemInput[] = current.map((it) =>
          it.item_type === 'indicator'
            ? { type: 'indicator', indicatorCode: it.indicator_code! }
            : it.item_type === 'section'
              ? {
                  type: 'section',
                  sectionCode: it.section_code as ReportSection,
                  label: it.label,
                  guidance: it.guidance,
                }
              : { type: 'group', label: it.label },
        );
        await repo.replaceItems(tx, id, await formItemRows(tx, input));
        await repo.publishVersion(tx, id);
        const form = await repo.findForm(tx, v.form_id);
        await audit(tx, ctx, {
          action: 'report_form_version.publish',
          entityType: 'report_form_version',
          entityId: id,
          organizationId: await rootId(tx),
          after: {
            form: form?.code,
            version: v.version,
            indicators: current
              .filter((it) => it.item_type === 'indicator')
              .map((it) => it.indicator_code),
          },
        });
      });
      return getVersion(id);
    },

    async deleteVersion(ctx: RequestContext, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await assertCanManageForms(tx, ctx.actor!);
        const v = await repo.lockVersion(tx, id);
        if (!v) throw versionNotFound();
        if (v.published_at !== null)
          throw conflict(
            'Phiên bản đã công bố không xóa được; các đợt báo cáo có thể đang dùng nó',
          );
        const rounds = await repo.roundsUsing(tx, id);
        if (rounds > 0)
          throw conflict(`Phiên bản đang được ${rounds} đợt báo cáo dùng, không xóa được`);
        const form = (await repo.findForm(tx, v.form_id))!;
        const items = await repo.items(tx, id);
        await repo.deleteVersion(tx, id);
        const others = await repo.lockFormVersions(tx, v.form_id);
        if (others.length === 0) await repo.deleteForm(tx, v.form_id);
        await audit(tx, ctx, {
          action: 'report_form_version.delete',
          entityType: 'report_form_version',
          entityId: id,
          organizationId: await rootId(tx),
          before: { form: form.code, version: v.version, items: items.length },
          after: others.length === 0 ? { formDeleted: true } : null,
        });
      });
    },
  };
}
