import {
  canBeChildOf,
  formatDate,
  ORGANIZATION_KIND_LABELS,
  type OrganizationKind,
} from '@lienhiep/core';
import type { Database, Executor } from '../../db/database.js';
import type { RequestContext } from '../access/actor.js';
import { assertReadable, assertWritable } from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { addDays, openEnd, vnToday } from '../../shared/dates.js';
import { conflict, invalid, notFound } from '../../shared/errors.js';
import {
  countsByAncestor,
  emptyCounts,
  sumCounts,
  toRef,
  type OrganizationRefDto,
} from '../organizations/organization.dto.js';
import {
  organizationRepository as orgs,
  type OrganizationRow,
} from '../organizations/organization.repository.js';
import {
  createOrganization,
  existsOn,
  requireOrganization,
} from '../organizations/organization.service.js';
import { treeRepository as tree } from '../organizations/tree.repository.js';
import {
  lineageRepository as repo,
  type EventRow,
  type ParticipantRow,
} from './lineage.repository.js';
import type {
  DissolveInput,
  LineageInput,
  MergeInput,
  MoveInput,
  RenameInput,
  SplitInput,
} from './lineage.schemas.js';

type ChangeType = 'end' | 'create' | 'move' | 'rename';
interface Change {
  type: ChangeType;
  organization: OrganizationRefDto;
  fromParent: OrganizationRefDto | null;
  toParent: OrganizationRefDto | null;
  fromName: string | null;
  toName: string | null;
}

interface Applied {
  eventId: string;
  changes: Change[];
  /** Organisations whose subtree sizes before and after are worth showing. */
  keyOrganizations: string[];
}

const label = (k: OrganizationKind): string => ORGANIZATION_KIND_LABELS[k].vi.toLowerCase();
const ref = (r: OrganizationRow): OrganizationRefDto => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  fullName: r.full_name,
  shortName: r.short_name,
});

/** Thrown inside a transaction to roll a preview back while handing its result out. */
class PreviewRollback<T> extends Error {
  constructor(readonly result: T) {
    super('preview');
  }
}

/** One event's worth of changes to the tree, applied within the caller's transaction. */
class EventApplier {
  readonly changes: Change[] = [];
  private readonly participants: {
    organization_id: string;
    role: string;
    name_at_event: string;
  }[] = [];
  private readonly successors: { predecessor_id: string; successor_id: string }[] = [];
  private readonly closureRoots = new Set<string>();

  constructor(
    private readonly tx: Executor,
    readonly eventId: string,
    readonly date: string,
  ) {}

  participant(row: { id: string; full_name: string }, role: string): void {
    this.participants.push({ organization_id: row.id, role, name_at_event: row.full_name });
  }

  async load(id: string, field: string): Promise<OrganizationRow> {
    const row = await orgs.findById(this.tx, id);
    if (!row) throw invalid(field, 'Tổ chức được chọn không tồn tại');
    return row;
  }

  /**
   * Events are recorded in date order for each organisation: a new event may not fall on or
   * before a change already recorded, or the history would contradict itself.
   */
  async ensureChangeable(rows: OrganizationRow[], field: string): Promise<void> {
    for (const r of rows) {
      if (r.ended_on !== null) {
        throw invalid(
          field,
          `${r.full_name} đã chấm dứt hoạt động từ ngày ${formatDate(r.ended_on)}`,
        );
      }
      if (r.founded_on >= this.date) {
        throw invalid(
          field,
          `${r.full_name} được thành lập ngày ${formatDate(r.founded_on)}, không trước ngày hiệu lực`,
        );
      }
    }
    const last = await tree.lastChange(
      this.tx,
      rows.map((r) => r.id),
    );
    if (last !== null && last >= this.date) {
      throw conflict(
        `Đã có thay đổi được ghi nhận từ ngày ${formatDate(last)} đối với tổ chức liên quan; sự kiện mới phải có hiệu lực sau ngày đó`,
        'effectiveDate',
      );
    }
  }

  async moveChild(
    child: OrganizationRow,
    from: OrganizationRow,
    to: OrganizationRow | OrganizationRefDto,
  ): Promise<void> {
    if (!canBeChildOf(child.kind, to.kind)) {
      throw invalid(
        'childMoves',
        `${child.full_name} (${label(child.kind)}) không thể trực thuộc ${label(to.kind)}`,
      );
    }
    await tree.closeParent(this.tx, child.id, this.date);
    await tree.insertParent(this.tx, child.id, to.id, this.date, this.eventId);
    this.closureRoots.add(child.id);
    this.participant(child, 'moved_child');
    this.changes.push({
      type: 'move',
      organization: ref(child),
      fromParent: ref(from),
      toParent: 'full_name' in to ? ref(to) : to,
      fromName: null,
      toName: null,
    });
  }

  async end(row: OrganizationRow): Promise<void> {
    const open = await tree.openChildrenOf(this.tx, row.id);
    if (open.length > 0) {
      throw invalid(
        'transferChildrenTo',
        `${row.full_name} còn ${open.length} đơn vị trực thuộc chưa được chuyển đi`,
      );
    }
    await tree.closeParent(this.tx, row.id, this.date);
    await tree.closeName(this.tx, row.id, this.date);
    await orgs.update(this.tx, row.id, { ended_on: this.date });
    this.closureRoots.add(row.id);
    this.changes.push({
      type: 'end',
      organization: ref(row),
      fromParent: null,
      toParent: null,
      fromName: null,
      toName: null,
    });
  }

  async create(input: Parameters<typeof createOrganization>[1]): Promise<OrganizationRow> {
    const created = await createOrganization(this.tx, input, this.eventId);
    const row = await requireOrganization(this.tx, created.id);
    const parent = input.parentId ? await orgs.findById(this.tx, input.parentId) : undefined;
    this.participant(row, 'created');
    this.changes.push({
      type: 'create',
      organization: ref(row),
      fromParent: null,
      toParent: parent ? ref(parent) : null,
      fromName: null,
      toName: row.full_name,
    });
    return row;
  }

  successor(from: string, to: string): void {
    this.successors.push({ predecessor_id: from, successor_id: to });
  }

  async finish(): Promise<void> {
    const ids = await tree.descendantsEver(this.tx, [...this.closureRoots]);
    await tree.refreshClosure(this.tx, ids);
    await repo.insertParticipants(
      this.tx,
      this.participants.map((p) => ({ ...p, event_id: this.eventId })),
    );
    await repo.insertSuccessors(
      this.tx,
      this.successors.map((s) => ({ ...s, event_id: this.eventId })),
    );
  }

  markClosure(id: string): void {
    this.closureRoots.add(id);
  }
}

async function applyMerge(a: EventApplier, tx: Executor, input: MergeInput): Promise<string[]> {
  const sourceIds = [...new Set(input.sourceIds)];
  if (input.survivorId && input.newOrganization) {
    throw invalid(
      'survivorId',
      'Chọn tổ chức tiếp nhận hoặc khai báo tổ chức mới, không chọn cả hai',
    );
  }
  if (!input.survivorId && !input.newOrganization) {
    throw invalid('survivorId', 'Cần chọn tổ chức tiếp nhận hoặc khai báo tổ chức mới');
  }
  if (input.survivorId && sourceIds.includes(input.survivorId)) {
    throw invalid('sourceIds', 'Tổ chức tiếp nhận không thể đồng thời là tổ chức bị hợp nhất');
  }
  const sources = await Promise.all(sourceIds.map((id) => a.load(id, 'sourceIds')));
  const survivor = input.survivorId ? await a.load(input.survivorId, 'survivorId') : undefined;
  await a.ensureChangeable(sources, 'sourceIds');
  if (survivor) await a.ensureChangeable([survivor], 'survivorId');
  for (const s of sources) a.participant(s, 'source');
  let target: OrganizationRow;
  if (survivor) {
    target = survivor;
    a.participant(survivor, 'survivor');
  } else {
    // the merged organisation sits where the first source sat unless told otherwise
    const parentId =
      input.newOrganization!.parentId ?? (await tree.openParentOf(tx, sources[0]!.id)) ?? null;
    target = await a.create({ ...input.newOrganization!, parentId, foundedOn: a.date });
  }
  for (const s of sources) {
    for (const childId of await tree.openChildrenOf(tx, s.id)) {
      await a.moveChild(await requireOrganization(tx, childId), s, target);
    }
    await a.end(s);
    a.successor(s.id, target.id);
  }
  const parentIds = await Promise.all(sources.map((s) => tree.openParentOf(tx, s.id)));
  return [target.id, ...sourceIds, ...parentIds.filter((p): p is string => p !== undefined)];
}

async function applySplit(a: EventApplier, tx: Executor, input: SplitInput): Promise<string[]> {
  const source = await a.load(input.sourceId, 'sourceId');
  await a.ensureChangeable([source], 'sourceId');
  a.participant(source, 'source');
  const defaultParent = (await tree.openParentOf(tx, source.id)) ?? null;
  const created: OrganizationRow[] = [];
  for (const n of input.newOrganizations) {
    created.push(
      await a.create({ ...n, parentId: n.parentId ?? defaultParent, foundedOn: a.date }),
    );
  }
  const openChildren = new Set(await tree.openChildrenOf(tx, source.id));
  const moved = new Set<string>();
  for (const m of input.childMoves) {
    const to = created[m.toIndex];
    if (!to) throw invalid('childMoves', `Không có tổ chức mới thứ ${m.toIndex + 1}`);
    if (!openChildren.has(m.childId) || moved.has(m.childId)) {
      throw invalid('childMoves', 'Đơn vị được chuyển phải đang trực thuộc tổ chức bị chia tách');
    }
    moved.add(m.childId);
    await a.moveChild(await requireOrganization(tx, m.childId), source, to);
  }
  if (!input.sourceContinues) {
    const left = [...openChildren].filter((c) => !moved.has(c)).length;
    if (left > 0) {
      throw invalid(
        'childMoves',
        `Còn ${left} đơn vị trực thuộc ${source.full_name} chưa được chuyển sang tổ chức mới`,
      );
    }
    await a.end(source);
    for (const c of created) a.successor(source.id, c.id);
  }
  return [source.id, ...created.map((c) => c.id), ...(defaultParent ? [defaultParent] : [])];
}

async function applyRename(a: EventApplier, tx: Executor, input: RenameInput): Promise<string[]> {
  const org = await a.load(input.organizationId, 'organizationId');
  await a.ensureChangeable([org], 'organizationId');
  const next = {
    full_name: input.fullName,
    short_name: input.shortName === undefined ? org.short_name : input.shortName,
    english_name: input.englishName === undefined ? org.english_name : input.englishName,
  };
  if (
    next.full_name === org.full_name &&
    next.short_name === org.short_name &&
    next.english_name === org.english_name
  ) {
    throw invalid('fullName', 'Tên mới trùng với tên hiện tại');
  }
  a.participant(org, 'subject');
  await tree.closeName(tx, org.id, a.date);
  await tree.insertName(tx, {
    organization_id: org.id,
    ...next,
    valid_from: a.date,
    event_id: a.eventId,
  });
  const former = [org.former_names, org.full_name].filter((s) => s !== '').join(' | ');
  await orgs.update(tx, org.id, { ...next, former_names: former });
  a.changes.push({
    type: 'rename',
    organization: ref(org),
    fromParent: null,
    toParent: null,
    fromName: org.full_name,
    toName: next.full_name,
  });
  return [org.id];
}

async function applyMove(a: EventApplier, tx: Executor, input: MoveInput): Promise<string[]> {
  const org = await a.load(input.organizationId, 'organizationId');
  const newParent = await a.load(input.newParentId, 'newParentId');
  await a.ensureChangeable([org], 'organizationId');
  if (!existsOn(newParent, a.date) || newParent.ended_on !== null) {
    throw invalid('newParentId', `${newParent.full_name} không hoạt động vào ngày hiệu lực`);
  }
  const oldParentId = await tree.openParentOf(tx, org.id);
  if (oldParentId === newParent.id)
    throw invalid('newParentId', 'Tổ chức đã trực thuộc tổ chức này');
  if (newParent.id === org.id || (await tree.isDescendantFrom(tx, org.id, newParent.id, a.date))) {
    throw invalid('newParentId', 'Không thể chuyển một tổ chức vào chính đơn vị trực thuộc của nó');
  }
  if (!canBeChildOf(org.kind, newParent.kind)) {
    throw invalid(
      'newParentId',
      `Một ${label(org.kind)} không thể trực thuộc ${label(newParent.kind)}`,
    );
  }
  const oldParent = oldParentId ? await requireOrganization(tx, oldParentId) : undefined;
  a.participant(org, 'subject');
  if (oldParent) a.participant(oldParent, 'old_parent');
  a.participant(newParent, 'new_parent');
  if (oldParent) await tree.closeParent(tx, org.id, a.date);
  await tree.insertParent(tx, org.id, newParent.id, a.date, a.eventId);
  a.markClosure(org.id);
  a.changes.push({
    type: 'move',
    organization: ref(org),
    fromParent: oldParent ? ref(oldParent) : null,
    toParent: ref(newParent),
    fromName: null,
    toName: null,
  });
  return [newParent.id, ...(oldParent ? [oldParent.id] : [])];
}

async function applyDissolve(
  a: EventApplier,
  tx: Executor,
  input: DissolveInput,
): Promise<string[]> {
  const org = await a.load(input.organizationId, 'organizationId');
  await a.ensureChangeable([org], 'organizationId');
  a.participant(org, 'subject');
  const parentId = await tree.openParentOf(tx, org.id);
  const children = await tree.openChildrenOf(tx, org.id);
  let transfer: OrganizationRow | undefined;
  if (children.length > 0) {
    if (!input.transferChildrenTo) {
      throw invalid(
        'transferChildrenTo',
        `${org.full_name} còn ${children.length} đơn vị trực thuộc; hãy chọn tổ chức tiếp nhận các đơn vị này`,
      );
    }
    transfer = await a.load(input.transferChildrenTo, 'transferChildrenTo');
    if (transfer.ended_on !== null || !existsOn(transfer, a.date)) {
      throw invalid(
        'transferChildrenTo',
        `${transfer.full_name} không hoạt động vào ngày hiệu lực`,
      );
    }
    if (transfer.id === org.id || (await tree.isDescendantFrom(tx, org.id, transfer.id, a.date))) {
      throw invalid(
        'transferChildrenTo',
        'Tổ chức tiếp nhận không được là đơn vị trực thuộc của tổ chức giải thể',
      );
    }
    a.participant(transfer, 'new_parent');
    for (const c of children) await a.moveChild(await requireOrganization(tx, c), org, transfer);
  }
  await a.end(org);
  return [...(parentId ? [parentId] : []), ...(transfer ? [transfer.id] : [])];
}

async function apply(tx: Executor, input: LineageInput): Promise<Applied> {
  const event = await repo.insertEvent(tx, {
    kind: input.kind,
    effective_date: input.effectiveDate,
    decision_number: input.legalBasis.number,
    decision_date: input.legalBasis.date,
    decision_issuer: input.legalBasis.issuer,
    note: input.note ?? null,
  });
  const a = new EventApplier(tx, event.id, input.effectiveDate);
  let keys: string[];
  switch (input.kind) {
    case 'merge':
      keys = await applyMerge(a, tx, input);
      break;
    case 'split':
      keys = await applySplit(a, tx, input);
      break;
    case 'rename':
      keys = await applyRename(a, tx, input);
      break;
    case 'move':
      keys = await applyMove(a, tx, input);
      break;
    case 'dissolve':
      keys = await applyDissolve(a, tx, input);
      break;
  }
  await a.finish();
  return { eventId: event.id, changes: a.changes, keyOrganizations: [...new Set(keys)] };
}

function toEventDto(e: EventRow, participants: ParticipantRow[]) {
  return {
    id: e.id,
    kind: e.kind as LineageInput['kind'],
    effectiveDate: e.effective_date,
    legalBasis:
      e.decision_number && e.decision_date && e.decision_issuer
        ? { number: e.decision_number, date: e.decision_date, issuer: e.decision_issuer }
        : null,
    note: e.note,
    createdAt: e.created_at.toISOString(),
    participants: participants
      .filter((p) => p.event_id === e.id)
      .map((p) => ({
        organization: toRef(p),
        role: p.role as 'source',
        nameAtEvent: p.name_at_event,
      })),
  };
}

interface LineageResult {
  preview: boolean;
  event: ReturnType<typeof toEventDto> | null;
  changes: Change[];
  affected: Awaited<ReturnType<typeof summarize>>;
}

async function summarize(tx: Executor, applied: Applied, date: string) {
  const before = addDays(date, -1);
  const [b, af, rows] = await Promise.all([
    tree.countsByKind(tx, applied.keyOrganizations, before),
    tree.countsByKind(tx, applied.keyOrganizations, date),
    orgs.findByIds(tx, applied.keyOrganizations),
  ]);
  const beforeBy = countsByAncestor(b);
  const afterBy = countsByAncestor(af);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return applied.keyOrganizations
    .map((id) => byId.get(id))
    .filter((r): r is OrganizationRow => r !== undefined)
    .map((r) => {
      const bc = beforeBy.get(r.id) ?? emptyCounts();
      const ac = afterBy.get(r.id) ?? emptyCounts();
      return {
        organization: ref(r),
        before: bc,
        after: ac,
        beforeTotal: sumCounts(bc),
        afterTotal: sumCounts(ac),
      };
    });
}

/** Records an event inside the caller's transaction (the demo loader applies many in one). */
export async function recordLineageEvent(tx: Executor, input: LineageInput): Promise<string> {
  return (await apply(tx, input)).eventId;
}

/** Every existing organisation an event would touch: all must be in the actor's writable subtrees. */
function involved(input: LineageInput): string[] {
  switch (input.kind) {
    case 'merge':
      return [
        ...input.sourceIds,
        ...(input.survivorId ? [input.survivorId] : []),
        ...(input.newOrganization?.parentId ? [input.newOrganization.parentId] : []),
      ];
    case 'split':
      return [
        input.sourceId,
        ...input.newOrganizations.flatMap((n) => (n.parentId ? [n.parentId] : [])),
        ...input.childMoves.map((m) => m.childId),
      ];
    case 'rename':
      return [input.organizationId];
    case 'move':
      return [input.organizationId, input.newParentId];
    case 'dissolve':
      return [
        input.organizationId,
        ...(input.transferChildrenTo ? [input.transferChildrenTo] : []),
      ];
  }
}

export function createLineageService(db: Database) {
  async function run(
    ctx: RequestContext,
    input: LineageInput,
    preview: boolean,
  ): Promise<LineageResult> {
    try {
      return await db.transaction().execute(async (tx) => {
        await assertWritable(tx, ctx.actor!, 'lineage.record', involved(input));
        const applied = await apply(tx, input);
        const affected = await summarize(tx, applied, input.effectiveDate);
        let event = null;
        if (!preview) {
          const e = await repo.findEvent(tx, applied.eventId);
          event = toEventDto(e!, await repo.participantsOf(tx, [applied.eventId]));
          await audit(tx, ctx, {
            action: `lineage.${input.kind}`,
            entityType: 'lineage_event',
            entityId: applied.eventId,
            organizationId: applied.keyOrganizations[0] ?? null,
            after: { event, changes: applied.changes },
          });
        }
        const result: LineageResult = { preview, event, changes: applied.changes, affected };
        if (preview) throw new PreviewRollback(result);
        return result;
      });
    } catch (err) {
      if (err instanceof PreviewRollback) return err.result as LineageResult;
      throw err;
    }
  }

  return {
    preview: (ctx: RequestContext, input: LineageInput) => run(ctx, input, true),
    record: (ctx: RequestContext, input: LineageInput) => run(ctx, input, false),

    async history(ctx: RequestContext, id: string) {
      await assertReadable(db, ctx.actor!, id);
      const org = await orgs.findById(db, id);
      if (!org) throw notFound('tổ chức');
      const today = vnToday();
      const [names, parents, events, predecessors, successors] = await Promise.all([
        tree.nameHistory(db, id),
        tree.parentHistory(db, id),
        repo.eventsOf(db, id),
        repo.predecessorsOf(db, id),
        org.ended_on !== null ? repo.successorsAt(db, [id], today) : Promise.resolve([]),
      ]);
      const participants = await repo.participantsOf(
        db,
        events.map((e) => e.id),
      );
      const successorRows = await orgs.findByIds(
        db,
        successors.map((s) => s.id),
      );
      return {
        organization: ref(org),
        foundedOn: org.founded_on,
        endedOn: openEnd(org.ended_on),
        foundingDecision:
          org.founding_decision_number && org.founding_decision_date && org.founding_decision_issuer
            ? {
                number: org.founding_decision_number,
                date: org.founding_decision_date,
                issuer: org.founding_decision_issuer,
              }
            : null,
        names: names.map((n) => ({
          fullName: n.full_name,
          shortName: n.short_name,
          englishName: n.english_name,
          validFrom: n.valid_from,
          validTo: openEnd(n.valid_to),
          eventId: n.event_id,
        })),
        parents: parents.map((p) => ({
          parent: toRef(p),
          validFrom: p.valid_from,
          validTo: openEnd(p.valid_to),
          eventId: p.event_id,
        })),
        events: events.map((e) => toEventDto(e, participants)),
        predecessors: predecessors.map(toRef),
        successors: successorRows.map(ref),
      };
    },

    /** Who carries on each organisation on `at` — used to restate old figures on today's tree. */
    async successors(ctx: RequestContext, id: string, at?: string) {
      await assertReadable(db, ctx.actor!, id);
      const org = await orgs.findById(db, id);
      if (!org) throw notFound('tổ chức');
      const rows = await repo.successorsAt(db, [id], at ?? vnToday());
      return (
        await orgs.findByIds(
          db,
          rows.map((r) => r.id),
        )
      ).map(ref);
    },
  };
}

export type LineageService = ReturnType<typeof createLineageService>;
