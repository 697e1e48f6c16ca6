import {
  canBeChildOf,
  foldVietnamese,
  ORGANIZATION_KIND_LABELS,
  type OrganizationKind,
} from '@lienhiep/core';
import type { Database, Executor } from '../../db/database.js';
import type { RequestContext } from '../access/actor.js';
import {
  assertReadable,
  assertWritable,
  forbidden,
  isSystemAdmin,
  scopeFor,
} from '../access/policy.js';
import { scopeRepository } from '../access/scope.repository.js';
import { audit } from '../audit/audit.service.js';
import { vnToday, openEnd } from '../../shared/dates.js';
import { AppError, conflict, invalid, notFound } from '../../shared/errors.js';
import { lineageRepository } from '../lineage/lineage.repository.js';
import {
  countsByAncestor,
  emptyCounts,
  statusAt,
  sumCounts,
  toRef,
  toSummary,
  toTreeNode,
} from './organization.dto.js';
import { organizationRepository as orgs } from './organization.repository.js';
import type {
  OrganizationCreate,
  OrganizationUpdate,
  SearchQuery,
} from './organization.schemas.js';
import { treeRepository as tree } from './tree.repository.js';
import { referenceRepository } from '../reference/reference.repository.js';

const kindLabel = (k: OrganizationKind): string => ORGANIZATION_KIND_LABELS[k].vi.toLowerCase();

export async function requireOrganization(db: Executor, id: string) {
  const row = await orgs.findById(db, id);
  if (!row) throw notFound('tổ chức');
  return row;
}

export function existsOn(
  row: { founded_on: string; ended_on: string | null },
  at: string,
): boolean {
  return row.founded_on <= at && (row.ended_on === null || row.ended_on > at);
}

/** Checks the codes of reference lists so a bad code is a 400 naming the field, not a FK crash. */
async function checkReferences(
  db: Executor,
  v: {
    provinceCode?: string | null | undefined;
    historicProvinceCode?: string | null | undefined;
    fieldCode?: string | null | undefined;
  },
): Promise<void> {
  const [provinces, historic, fields] = await Promise.all([
    referenceRepository.listProvinces(db),
    referenceRepository.listHistoricProvinces(db),
    referenceRepository.listFields(db),
  ]);
  if (v.provinceCode && !provinces.some((p) => p.code === v.provinceCode)) {
    throw invalid('provinceCode', `Không có tỉnh, thành phố mã ${v.provinceCode}`);
  }
  if (v.historicProvinceCode && !historic.some((p) => p.code === v.historicProvinceCode)) {
    throw invalid(
      'historicProvinceCode',
      `Không có tỉnh (trước 2025) mã ${v.historicProvinceCode}`,
    );
  }
  if (v.fieldCode && !fields.some((f) => f.code === v.fieldCode)) {
    throw invalid('fieldCode', `Không có lĩnh vực mã ${v.fieldCode}`);
  }
}

async function nextChildCode(db: Executor, parentCode: string): Promise<string> {
  for (let i = 1; i < 10000; i++) {
    const code = `${parentCode}-${String(i).padStart(3, '0')}`;
    if (!(await orgs.codeExists(db, code))) return code;
  }
  throw conflict('Không cấp được mã tổ chức tự động; hãy nhập mã', 'code');
}

/**
 * Creates an organisation with its first name version and parent link, and its closure rows.
 * Shared by the plain create and by lineage events that bring a new organisation into being.
 */
export async function createOrganization(
  tx: Executor,
  input: OrganizationCreate,
  eventId: string | null,
): Promise<{ id: string; code: string }> {
  if (input.kind === 'central_union') {
    if (input.parentId)
      throw invalid('parentId', 'Liên hiệp Hội trung ương không có tổ chức cấp trên');
  } else {
    if (!input.parentId) throw invalid('parentId', 'Cần chọn tổ chức cấp trên');
  }
  let parentCode: string | undefined;
  // Many associations are older than the union they later joined: the link starts when both exist.
  let linkFrom = input.foundedOn;
  if (input.parentId) {
    const parent = await orgs.findById(tx, input.parentId);
    if (!parent) throw invalid('parentId', 'Tổ chức cấp trên không tồn tại');
    if (parent.founded_on > linkFrom) linkFrom = parent.founded_on;
    if (!existsOn(parent, linkFrom)) {
      throw invalid(
        'parentId',
        `Tổ chức cấp trên không hoạt động vào ngày ${input.foundedOn.split('-').reverse().join('/')}`,
      );
    }
    if (!canBeChildOf(input.kind, parent.kind)) {
      throw invalid(
        'parentId',
        `Một ${kindLabel(input.kind)} không thể trực thuộc ${kindLabel(parent.kind)}`,
      );
    }
    parentCode = parent.code;
  }
  await checkReferences(tx, input);
  let code = input.code;
  if (code) {
    if (await orgs.codeExists(tx, code)) throw conflict(`Mã tổ chức ${code} đã được dùng`, 'code');
  } else {
    code = await nextChildCode(tx, parentCode ?? 'TC');
  }
  const row = await orgs.insert(tx, {
    code,
    kind: input.kind,
    full_name: input.fullName,
    short_name: input.shortName ?? null,
    english_name: input.englishName ?? null,
    province_code: input.provinceCode ?? null,
    historic_province_code: input.historicProvinceCode ?? null,
    field_code: input.fieldCode ?? null,
    address: input.address ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    public_contacts: input.publicContacts ?? true,
    founding_decision_number: input.foundingDecision?.number ?? null,
    founding_decision_date: input.foundingDecision?.date ?? null,
    founding_decision_issuer: input.foundingDecision?.issuer ?? null,
    founded_on: input.foundedOn,
  });
  await tree.insertName(tx, {
    organization_id: row.id,
    full_name: input.fullName,
    short_name: input.shortName ?? null,
    english_name: input.englishName ?? null,
    valid_from: input.foundedOn,
    event_id: eventId,
  });
  if (input.parentId) await tree.insertParent(tx, row.id, input.parentId, linkFrom, eventId);
  await tree.refreshClosure(tx, [row.id]);
  return { id: row.id, code };
}

/** The fields of an organisation worth showing in the audit trail (no derived search text). */
function auditView(r: Awaited<ReturnType<typeof requireOrganization>>) {
  const { search_text: _s, created_at: _c, updated_at: _u, ...rest } = r;
  return rest;
}

export function createOrganizationService(db: Database) {
  async function detail(id: string, at: string) {
    const row = await orgs.viewAt(db, id, at);
    if (!row) throw notFound('tổ chức');
    const [ancestors, subtree, direct, names, successors] = await Promise.all([
      tree.ancestorsAt(db, id, at),
      tree.countsByKind(db, [id], at),
      tree.countsByKind(db, [id], at, 1),
      tree.nameHistory(db, id),
      row.ended_on !== null && row.ended_on <= at
        ? lineageRepository.successorsAt(db, [id], at)
        : Promise.resolve([]),
    ]);
    const successorRows = await orgs.findByIds(
      db,
      successors.map((s) => s.id),
    );
    const subtreeCounts = countsByAncestor(subtree).get(id) ?? emptyCounts();
    const childCounts = countsByAncestor(direct).get(id) ?? emptyCounts();
    const fullName = row.has_name_at && row.name_at ? row.name_at : row.full_name;
    const parent = ancestors.at(-1);
    return {
      id: row.id,
      code: row.code,
      kind: row.kind,
      fullName,
      shortName: row.has_name_at ? row.short_name_at : row.short_name,
      englishName: row.has_name_at ? row.english_name_at : row.english_name,
      province:
        row.province_code && row.province_name
          ? { code: row.province_code, name: row.province_name }
          : null,
      historicProvince:
        row.historic_province_code && row.historic_province_name
          ? { code: row.historic_province_code, name: row.historic_province_name }
          : null,
      field:
        row.field_code && row.field_name ? { code: row.field_code, name: row.field_name } : null,
      status: statusAt(row.ended_on, row.operating_status, at),
      operatingStatus: row.operating_status,
      foundedOn: row.founded_on,
      endedOn: openEnd(row.ended_on),
      at,
      address: row.address,
      phone: row.phone,
      email: row.email,
      website: row.website,
      publicContacts: row.public_contacts,
      foundingDecision:
        row.founding_decision_number && row.founding_decision_date && row.founding_decision_issuer
          ? {
              number: row.founding_decision_number,
              date: row.founding_decision_date,
              issuer: row.founding_decision_issuer,
            }
          : null,
      formerNames: names.filter((n) => n.full_name !== fullName).map((n) => n.full_name),
      ancestors: ancestors.map(toRef),
      parent: parent ? toRef(parent) : null,
      childCounts,
      subtreeCounts,
      childTotal: sumCounts(childCounts),
      subtreeTotal: sumCounts(subtreeCounts),
      successors: successorRows.map(toRef),
    };
  }

  return {
    async search(ctx: RequestContext, query: SearchQuery) {
      const actor = ctx.actor!;
      if (query.under) await assertReadable(db, actor, query.under);
      const today = vnToday();
      const folded = foldVietnamese(query.q ?? '');
      const tokens = folded === '' ? [] : folded.split(' ');
      const kinds =
        query.kind === undefined ? [] : Array.isArray(query.kind) ? query.kind : [query.kind];
      const nameAt = query.at ?? today;
      const rows = await orgs.search(db, {
        scope: scopeFor(actor, 'organization.read'),
        tokens,
        kinds,
        province: query.province,
        under: query.under,
        existsAt: query.at,
        nameAt,
        status: query.status,
        today,
        sort: query.sort ?? (tokens.length > 0 ? 'relevance' : 'name'),
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return {
        items: rows.map((r) => toSummary(r, nameAt)),
        total: rows[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
        at: nameAt,
      };
    },

    async get(ctx: RequestContext, id: string, at?: string) {
      await assertReadable(db, ctx.actor!, id);
      return detail(id, at ?? vnToday());
    },

    async tree(ctx: RequestContext, id: string, at?: string) {
      await assertReadable(db, ctx.actor!, id);
      const day = at ?? vnToday();
      const row = await orgs.findById(db, id);
      if (!row) throw notFound('tổ chức');
      if (!existsOn(row, day)) {
        throw new AppError(
          404,
          'not_found_at',
          `Tổ chức không tồn tại vào ngày ${day.split('-').reverse().join('/')}`,
        );
      }
      const [ancestors, children, view] = await Promise.all([
        tree.ancestorsAt(db, id, day),
        tree.childrenAt(db, id, day),
        orgs.viewAt(db, id, day),
      ]);
      const ids = [id, ...children.map((c) => c.id)];
      const [subtree, direct] = await Promise.all([
        tree.countsByKind(db, ids, day),
        tree.countsByKind(db, ids, day, 1),
      ]);
      const subtreeBy = countsByAncestor(subtree);
      const directBy = countsByAncestor(direct);
      const node = {
        id: row.id,
        code: row.code,
        kind: row.kind,
        full_name: view?.has_name_at && view.name_at ? view.name_at : row.full_name,
        short_name: view?.has_name_at ? view.short_name_at : row.short_name,
        province_code: row.province_code,
        ended_on: row.ended_on,
        operating_status: row.operating_status,
      };
      const childCount = (x: string) => sumCounts(directBy.get(x) ?? emptyCounts());
      return {
        at: day,
        node: toTreeNode(node, day, subtreeBy.get(id), childCount(id)),
        ancestors: ancestors.map(toRef),
        children: children.map((c) => toTreeNode(c, day, subtreeBy.get(c.id), childCount(c.id))),
      };
    },

    /** The top of the tree as this actor sees it: the real roots, or the units its roles are on. */
    async roots(ctx: RequestContext, at?: string) {
      const day = at ?? vnToday();
      const actor = ctx.actor!;
      const scope = scopeFor(actor, 'organization.read');
      let roots = await tree.rootsAt(db, day);
      if (scope.kind !== 'all') {
        // the real roots it may read (an editor of the central union, at an old date), else the
        // tops of its own subtrees
        const candidates = [...roots, ...(await tree.topmostAt(db, scope.roots, day))];
        const readable = await scopeRepository.filter(
          db,
          scope,
          candidates.map((c) => c.id),
          'read',
        );
        const kept = candidates.filter(
          (c, i) => readable.has(c.id) && candidates.findIndex((x) => x.id === c.id) === i,
        );
        const below = await tree.belowAnyAt(
          db,
          kept.map((k) => k.id),
          day,
        );
        roots = kept.filter((k) => !below.has(k.id));
      }
      const ids = roots.map((r) => r.id);
      const [subtree, direct] = await Promise.all([
        tree.countsByKind(db, ids, day),
        tree.countsByKind(db, ids, day, 1),
      ]);
      const subtreeBy = countsByAncestor(subtree);
      const directBy = countsByAncestor(direct);
      return {
        at: day,
        roots: roots.map((r) =>
          toTreeNode(r, day, subtreeBy.get(r.id), sumCounts(directBy.get(r.id) ?? emptyCounts())),
        ),
      };
    },

    async create(ctx: RequestContext, input: OrganizationCreate) {
      const actor = ctx.actor!;
      if (input.kind === 'central_union' && !isSystemAdmin(actor)) throw forbidden();
      const created = await db.transaction().execute(async (tx) => {
        if (input.parentId) await assertWritable(tx, actor, 'organization.write', [input.parentId]);
        const c = await createOrganization(tx, input, null);
        await audit(tx, ctx, {
          action: 'organization.create',
          entityType: 'organization',
          entityId: c.id,
          organizationId: c.id,
          after: { ...input, code: c.code },
        });
        return c;
      });
      return detail(created.id, input.foundedOn > vnToday() ? input.foundedOn : vnToday());
    },

    async update(ctx: RequestContext, id: string, patch: OrganizationUpdate) {
      await db.transaction().execute(async (tx) => {
        await assertWritable(tx, ctx.actor!, 'organization.write', [id], id);
        const row = await requireOrganization(tx, id);
        await checkReferences(tx, patch);
        if (
          patch.code !== undefined &&
          patch.code !== row.code &&
          (await orgs.codeExists(tx, patch.code))
        ) {
          throw conflict(`Mã tổ chức ${patch.code} đã được dùng`, 'code');
        }
        const names = {
          full_name: patch.fullName ?? row.full_name,
          short_name: patch.shortName === undefined ? row.short_name : patch.shortName,
          english_name: patch.englishName === undefined ? row.english_name : patch.englishName,
        };
        await orgs.update(tx, id, {
          ...names,
          ...(patch.code !== undefined ? { code: patch.code } : {}),
          ...(patch.provinceCode !== undefined ? { province_code: patch.provinceCode } : {}),
          ...(patch.historicProvinceCode !== undefined
            ? { historic_province_code: patch.historicProvinceCode }
            : {}),
          ...(patch.fieldCode !== undefined ? { field_code: patch.fieldCode } : {}),
          ...(patch.address !== undefined ? { address: patch.address } : {}),
          ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
          ...(patch.email !== undefined ? { email: patch.email } : {}),
          ...(patch.website !== undefined ? { website: patch.website } : {}),
          ...(patch.publicContacts !== undefined ? { public_contacts: patch.publicContacts } : {}),
          ...(patch.operatingStatus !== undefined
            ? { operating_status: patch.operatingStatus }
            : {}),
          ...(patch.foundingDecision !== undefined
            ? {
                founding_decision_number: patch.foundingDecision?.number ?? null,
                founding_decision_date: patch.foundingDecision?.date ?? null,
                founding_decision_issuer: patch.foundingDecision?.issuer ?? null,
              }
            : {}),
        });
        // a correction of today's name, not a rename: the open version is fixed in place
        if (row.ended_on === null) await tree.correctOpenName(tx, id, names);
        const after = await requireOrganization(tx, id);
        await audit(tx, ctx, {
          action: 'organization.update',
          entityType: 'organization',
          entityId: id,
          organizationId: id,
          before: auditView(row),
          after: auditView(after),
        });
      });
      return detail(id, vnToday());
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
