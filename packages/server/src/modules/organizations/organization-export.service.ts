import {
  compareVietnamese,
  formatDate,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  ORGANIZATION_STATUS_LABELS,
} from '@lienhiep/core';
import type { Database } from '../../db/database.js';
import type { RequestContext } from '../access/actor.js';
import { audit } from '../audit/audit.service.js';
import { vnToday } from '../../shared/dates.js';
import type { ExportTable } from '../../shared/spreadsheet-export.js';
import { statusAt } from './organization.dto.js';
import {
  organizationExportRepository as exports,
  type OrganizationExportRow,
} from './organization-export.repository.js';
import type { SearchQuery } from './organization.schemas.js';
import { createOrganizationService } from './organization.service.js';

/** A spreadsheet of more organisations than this is not produced in one request. */
export const ORGANIZATION_EXPORT_LIMIT = 20_000;
const PAGE = 1000;

/** The columns a secretariat works with, in the order of a printed list. */
const COLUMNS: ExportTable['columns'] = [
  { header: 'STT', width: 6 },
  { header: 'Tên tổ chức', width: 48 },
  { header: 'Tên viết tắt', width: 18 },
  { header: 'Tên tiếng Anh', width: 30 },
  { header: 'Loại', width: 24 },
  { header: 'Mã', width: 14 },
  { header: 'Tỉnh, thành phố', width: 16 },
  { header: 'Cấp trên trực tiếp', width: 40 },
  { header: 'Lĩnh vực', width: 24 },
  { header: 'Ngày thành lập', width: 14 },
  { header: 'Quyết định thành lập', width: 40 },
  { header: 'Tình trạng', width: 22 },
  { header: 'Ngày chấm dứt', width: 14 },
  { header: 'Địa chỉ', width: 36 },
  { header: 'Điện thoại', width: 16 },
  { header: 'Thư điện tử', width: 26 },
  { header: 'Website', width: 24 },
];

const date = (iso: string | null): string | null => (iso === null ? null : formatDate(iso));

function toCells(r: OrganizationExportRow, n: number, at: string): (string | number | null)[] {
  const decision = [
    r.founding_decision_number ? `Số ${r.founding_decision_number}` : null,
    r.founding_decision_date ? `ngày ${formatDate(r.founding_decision_date)}` : null,
    r.founding_decision_issuer ? `của ${r.founding_decision_issuer}` : null,
  ].filter((s) => s !== null);
  const endedOn = r.ended_on === null || r.ended_on === 'infinity' ? null : r.ended_on;
  return [
    n,
    r.full_name,
    r.short_name,
    r.english_name,
    ORGANIZATION_KIND_LABELS[r.kind].vi,
    r.code,
    r.province_name,
    r.parent_full_name,
    r.field_name,
    date(r.founded_on),
    decision.join(', '),
    ORGANIZATION_STATUS_LABELS[statusAt(endedOn, r.operating_status, at)].vi,
    date(endedOn),
    r.address,
    r.phone,
    r.email,
    r.website,
  ];
}

/** Rows in the order of `ids` (the list's own order). */
async function rowsFor(db: Database, ids: string[], at: string, from: number) {
  const byId = new Map((await exports.details(db, ids, at)).map((r) => [r.id, r]));
  return ids.flatMap((id, i) => {
    const r = byId.get(id);
    return r ? [toCells(r, from + i + 1, at)] : [];
  });
}

/**
 * Spreadsheets of the organisation lists: the search result (every page of it) and the direct
 * sub-units of one organisation on a date. The lists are read through the organisation service
 * itself, so the scope and the filters are exactly those of the pages; the export is audited.
 */
export function createOrganizationExportService(db: Database) {
  const organizations = createOrganizationService(db);

  return {
    columns: COLUMNS,

    async searchRows(ctx: RequestContext, q: Omit<SearchQuery, 'page' | 'pageSize'>) {
      const rows: (string | number | null)[][] = [];
      let total = 0;
      let at = q.at ?? vnToday();
      for (let page = 1; rows.length < ORGANIZATION_EXPORT_LIMIT; page++) {
        const res = await organizations.search(ctx, { ...q, page, pageSize: PAGE });
        total = res.total;
        at = res.at;
        rows.push(
          ...(await rowsFor(
            db,
            res.items.map((o) => o.id),
            res.at,
            rows.length,
          )),
        );
        if (res.items.length < PAGE) break;
      }
      await audit(db, ctx, {
        action: 'organization.export',
        entityType: 'organization',
        entityId: null,
        organizationId: q.under ?? null,
        after: { list: 'search', rows: rows.length, total, filters: { ...q } },
      });
      return { at, rows, truncated: total > rows.length };
    },

    async childrenRows(ctx: RequestContext, id: string, at?: string) {
      const tree = await organizations.tree(ctx, id, at);
      // as the sub-units tab lists them: by kind, then by name in the Vietnamese alphabet
      const children = [...tree.children].sort(
        (a, b) =>
          ORGANIZATION_KINDS.indexOf(a.kind) - ORGANIZATION_KINDS.indexOf(b.kind) ||
          compareVietnamese(a.fullName, b.fullName),
      );
      const rows = await rowsFor(
        db,
        children.map((c) => c.id),
        tree.at,
        0,
      );
      await audit(db, ctx, {
        action: 'organization.export',
        entityType: 'organization',
        entityId: id,
        organizationId: id,
        after: { list: 'children', rows: rows.length, at: tree.at },
      });
      return { at: tree.at, code: tree.node.code, rows };
    },
  };
}
