import type { Database, Executor } from '../../db/database.js';
import type { RequestContext } from '../access/actor.js';
import { assertReadable, assertWritable, scopeFor } from '../access/policy.js';
import { scopeRepository } from '../access/scope.repository.js';
import { audit } from '../audit/audit.service.js';
import { toRef } from '../organizations/organization.dto.js';
import { requireOrganization } from '../organizations/organization.service.js';
import { vnToday } from '../../shared/dates.js';
import { conflict, invalid, notFound } from '../../shared/errors.js';
import { ROLE_LABELS, toPosition } from './people.dto.js';
import { peopleRepository as people } from './people.repository.js';
import type { PositionInput, PositionRole } from './people.schemas.js';
import { positionRepository as positions, type PositionRow } from './position.repository.js';

const dmy = (iso: string): string => iso.split('-').reverse().join('/');

/** Roles one person holds at a time in an organisation; the others (vice presidents…) are many. */
const SINGLE_HOLDER: readonly PositionRole[] = [
  'president',
  'secretary_general',
  'chief_of_office',
];

const positionNotFound = () => notFound('chức vụ');

function auditView(p: PositionRow) {
  return {
    organizationId: p.organization.id,
    personId: p.person_id,
    personName: p.person_full_name,
    role: p.role,
    termLabel: p.term_label,
    termStartYear: p.term_start_year,
    termEndYear: p.term_end_year,
    validFrom: p.valid_from,
    validTo: p.valid_to,
  };
}

async function requirePosition(db: Executor, id: string): Promise<PositionRow> {
  const p = await positions.findById(db, id);
  if (!p) throw positionNotFound();
  return p;
}

export function createPositionService(db: Database) {
  return {
    /** Who held which position in the organisation on a date, in protocol order. */
    async leadership(ctx: RequestContext, orgId: string, at?: string) {
      await assertReadable(db, ctx.actor!, orgId);
      const day = at ?? vnToday();
      const org = await requireOrganization(db, orgId);
      const rows = await positions.leadershipAt(db, orgId, day);
      return { at: day, organization: toRef(org), positions: rows.map(toPosition) };
    },

    async create(ctx: RequestContext, orgId: string, input: PositionInput) {
      const actor = ctx.actor!;
      const id = await db.transaction().execute(async (tx) => {
        await assertWritable(tx, actor, 'organization.write', [orgId], orgId);
        const org = await requireOrganization(tx, orgId);
        // a person the actor cannot see is not named: the same answer as for no such person
        if (!(await people.isReadable(tx, scopeFor(actor, 'organization.read'), input.personId))) {
          throw invalid('personId', 'Không tìm thấy người này trong phạm vi bạn được xem');
        }
        if (input.validFrom < org.founded_on || (org.ended_on && input.validFrom >= org.ended_on)) {
          throw invalid(
            'validFrom',
            `Tổ chức chưa thành lập hoặc đã chấm dứt vào ngày ${dmy(input.validFrom)}`,
          );
        }
        const to = input.validTo ?? 'infinity';
        const same = await positions.overlapping(
          tx,
          orgId,
          input.role,
          input.validFrom,
          to,
          input.personId,
        );
        if (same.length > 0) {
          throw conflict(
            `Người này đã giữ chức ${ROLE_LABELS[input.role]} của tổ chức trong khoảng thời gian đó`,
            'validFrom',
          );
        }
        if (SINGLE_HOLDER.includes(input.role)) {
          const [other] = await positions.overlapping(tx, orgId, input.role, input.validFrom, to);
          if (other) {
            throw conflict(
              `Tổ chức đã có ${ROLE_LABELS[input.role]} (${other.person_full_name}) từ ngày ${dmy(other.valid_from)}; hãy ghi ngày thôi giữ chức của người đó trước`,
              'validFrom',
            );
          }
        }
        const newId = await positions.insert(tx, {
          person_id: input.personId,
          organization_id: orgId,
          role: input.role,
          term_label: input.termLabel ?? null,
          term_start_year: input.termStartYear ?? null,
          term_end_year: input.termEndYear ?? null,
          valid_from: input.validFrom,
          valid_to: to,
        });
        const created = await requirePosition(tx, newId);
        await audit(tx, ctx, {
          action: 'position.create',
          entityType: 'position',
          entityId: newId,
          organizationId: orgId,
          after: auditView(created),
        });
        return newId;
      });
      return toPosition(await requirePosition(db, id));
    },

    /** Ends a position held: from `validTo` on, the person no longer holds it. */
    async end(ctx: RequestContext, id: string, validTo: string) {
      const actor = ctx.actor!;
      await db.transaction().execute(async (tx) => {
        const p = await requirePosition(tx, id);
        // a position of an organisation out of reach does not exist for this actor
        const readable = await scopeRepository.filter(
          tx,
          scopeFor(actor, 'organization.read'),
          [p.organization.id],
          'read',
        );
        if (!readable.has(p.organization.id)) throw positionNotFound();
        await assertWritable(tx, actor, 'organization.write', [p.organization.id]);
        if (p.valid_to !== 'infinity') {
          throw conflict(`Chức vụ này đã kết thúc từ ngày ${dmy(p.valid_to)}`, 'validTo');
        }
        if (validTo <= p.valid_from) {
          throw invalid(
            'validTo',
            `Ngày thôi giữ chức phải sau ngày bắt đầu (${dmy(p.valid_from)})`,
          );
        }
        await positions.end(tx, id, validTo);
        await audit(tx, ctx, {
          action: 'position.end',
          entityType: 'position',
          entityId: id,
          organizationId: p.organization.id,
          before: auditView(p),
          after: auditView({ ...p, valid_to: validTo }),
        });
      });
      return toPosition(await requirePosition(db, id));
    },
  };
}

export type PositionService = ReturnType<typeof createPositionService>;
