import { canBeChildOf, ORGANIZATION_KIND_LABELS } from '@lienhiep/core';
import type { Database, Executor } from '../../db/database.js';
import type { RequestContext } from '../access/actor.js';
import { assertReadable, assertWritable, scopeFor } from '../access/policy.js';
import { scopeRepository } from '../access/scope.repository.js';
import { audit } from '../audit/audit.service.js';
import { statusAt, toRef } from '../organizations/organization.dto.js';
import {
  createOrganization,
  existsOn,
  requireOrganization,
} from '../organizations/organization.service.js';
import { vnToday } from '../../shared/dates.js';
import { AppError, conflict, invalid } from '../../shared/errors.js';
import {
  collectiveMemberRepository as collective,
  type CollectiveEventRow,
  type CollectiveMemberRow,
} from './collective-member.repository.js';
import type { CollectiveEventInput } from './collective-member.schemas.js';
import { EVENT_KIND_LABELS, toMemberships } from './people.dto.js';
import { peopleRepository as people } from './people.repository.js';
import type { MembershipStatus } from './people.schemas.js';
import { membershipTransitionRefusal, type TransitionRefusal } from './people.service.js';

const dmy = (iso: string): string => iso.split('-').reverse().join('/');

/** The wording of the shared transition rule for an organisation. */
const REFUSALS: Record<TransitionRefusal, string> = {
  already_member: 'Tổ chức này đang là hội viên tập thể; không ghi gia nhập lần nữa',
  already_suspended: 'Tổ chức này đang tạm dừng sinh hoạt hội viên tập thể',
  not_member: 'Tổ chức này chưa là hội viên tập thể (hoặc đã thôi); hãy ghi sự kiện gia nhập trước',
  // only a person dies; an organisation's membership never has this status
  deceased: 'Hội viên này đã được ghi nhận từ trần; không ghi thêm sự kiện',
};

function toEvent(e: CollectiveEventRow) {
  return {
    id: e.event_id,
    kind: e.event_kind,
    kindLabel: EVENT_KIND_LABELS[e.event_kind],
    effectiveDate: e.effective_date,
    note: e.note,
    recordedAt: e.created_at.toISOString(),
  };
}

function toCollectiveMember(
  r: CollectiveMemberRow,
  at: string,
  readable: boolean,
  events: CollectiveEventRow[],
) {
  return {
    organization: toRef(r),
    province:
      r.province_code && r.province_name ? { code: r.province_code, name: r.province_name } : null,
    organizationStatus: statusAt(r.ended_on, r.operating_status, at),
    readable,
    status: r.status,
    since: r.since,
    events: events.map(toEvent),
  };
}

/**
 * Rewrites the field of an error raised while creating the new organisation, so that it names
 * the field of the request (`newOrganization.provinceCode`).
 */
function underNewOrganization(err: unknown): never {
  if (err instanceof AppError && err.field) {
    throw new AppError(err.status, err.code, err.message, `newOrganization/${err.field}`);
  }
  throw err;
}

export function createCollectiveMemberService(db: Database) {
  /** The collective members of a host with their events; `readable` as this actor sees them. */
  async function members(
    exec: Executor,
    ctx: RequestContext,
    hostId: string,
    at: string,
    status?: MembershipStatus,
  ) {
    const rows = await collective.membersOf(exec, hostId, at, status);
    const ids = rows.map((r) => r.id);
    const [events, readable] = await Promise.all([
      collective.eventsIn(exec, hostId, ids),
      scopeRepository.filter(exec, scopeFor(ctx.actor!, 'organization.read'), ids, 'read'),
    ]);
    return rows.map((r) =>
      toCollectiveMember(
        r,
        at,
        readable.has(r.id),
        events.filter((e) => e.member_organization_id === r.id),
      ),
    );
  }

  return {
    /** The organisation's collective members and their status on a date. */
    async list(ctx: RequestContext, hostId: string, q: { at?: string; status?: MembershipStatus }) {
      await assertReadable(db, ctx.actor!, hostId);
      const at = q.at ?? vnToday();
      const host = await requireOrganization(db, hostId);
      return {
        at,
        organization: toRef(host),
        items: await members(db, ctx, hostId, at, q.status),
      };
    },

    /** The organisations (within reach) this organisation is a collective member of. */
    async membershipsOf(ctx: RequestContext, memberId: string, at?: string) {
      await assertReadable(db, ctx.actor!, memberId);
      const day = at ?? vnToday();
      const scope = scopeFor(ctx.actor!, 'organization.read');
      const [org, events, statuses] = await Promise.all([
        requireOrganization(db, memberId),
        collective.eventsOfMember(db, scope, memberId),
        collective.statusesOfMember(db, scope, memberId, day),
      ]);
      return { at: day, organization: toRef(org), memberships: toMemberships(events, statuses) };
    },

    /**
     * Records an event of a collective member of `hostId`: an organisation chosen from the
     * registry, or one added to it now (of the kind "collective member", below the host, when
     * the host's kind may have such units). Events are recorded in date order, and each must
     * follow the status it comes after — the rule people's memberships follow.
     */
    async record(ctx: RequestContext, hostId: string, input: CollectiveEventInput) {
      const actor = ctx.actor!;
      const { memberId } = await db.transaction().execute(async (tx) => {
        await assertWritable(tx, actor, 'organization.write', [hostId], hostId);
        const host = await requireOrganization(tx, hostId);
        if (!existsOn(host, input.effectiveDate)) {
          throw invalid(
            'effectiveDate',
            `Tổ chức nhận hội viên chưa thành lập hoặc đã chấm dứt vào ngày ${dmy(input.effectiveDate)}`,
          );
        }
        let id: string;
        if (input.newOrganization) {
          const n = input.newOrganization;
          if (input.kind !== 'join' && input.kind !== 'transfer') {
            throw invalid(
              'kind',
              'Tổ chức mới thêm vào danh mục chỉ ghi được sự kiện gia nhập hoặc chuyển đến',
            );
          }
          if (!canBeChildOf('collective_member', host.kind)) {
            throw invalid(
              'newOrganization',
              `Danh mục không có hội viên tập thể trực thuộc ${ORGANIZATION_KIND_LABELS[host.kind].vi.toLowerCase()}; hãy chọn một tổ chức có sẵn`,
            );
          }
          const foundedOn = n.foundedOn ?? input.effectiveDate;
          if (foundedOn > input.effectiveDate) {
            throw invalid(
              'newOrganization/foundedOn',
              'Ngày thành lập của tổ chức không được sau ngày gia nhập',
            );
          }
          const values = {
            kind: 'collective_member' as const,
            parentId: hostId,
            fullName: n.fullName,
            shortName: n.shortName ?? null,
            provinceCode: n.provinceCode ?? null,
            address: n.address ?? null,
            phone: n.phone ?? null,
            email: n.email ?? null,
            website: n.website ?? null,
            foundedOn,
          };
          const created = await createOrganization(tx, values, null).catch(underNewOrganization);
          await audit(tx, ctx, {
            action: 'organization.create',
            entityType: 'organization',
            entityId: created.id,
            organizationId: created.id,
            after: { ...values, code: created.code },
          });
          id = created.id;
        } else {
          id = input.memberOrganizationId!;
          if (id === hostId) {
            throw invalid(
              'memberOrganizationId',
              'Một tổ chức không thể là hội viên tập thể của chính nó',
            );
          }
          // an organisation the actor cannot see is not named: as if it did not exist
          const readable = await scopeRepository.filter(
            tx,
            scopeFor(actor, 'organization.read'),
            [id],
            'read',
          );
          if (!readable.has(id)) {
            throw invalid(
              'memberOrganizationId',
              'Không tìm thấy tổ chức này trong phạm vi bạn được xem',
            );
          }
          const member = await requireOrganization(tx, id);
          // a leave may close the record of an organisation that has since ended
          const exists =
            input.kind === 'leave'
              ? member.founded_on <= input.effectiveDate
              : existsOn(member, input.effectiveDate);
          if (!exists) {
            throw invalid(
              'effectiveDate',
              `${member.full_name} chưa thành lập hoặc đã chấm dứt vào ngày ${dmy(input.effectiveDate)}`,
            );
          }
        }
        const latest = await collective.latestEventDate(tx, id, hostId);
        if (latest !== null && latest > input.effectiveDate) {
          throw conflict(
            `Đã có sự kiện hội viên tập thể ngày ${dmy(latest)} của tổ chức này; không ghi sự kiện có ngày hiệu lực sớm hơn`,
            'effectiveDate',
          );
        }
        const current = await collective.statusOf(tx, id, hostId, input.effectiveDate);
        const refusal = membershipTransitionRefusal(current?.status ?? null, input.kind);
        if (refusal) throw conflict(REFUSALS[refusal]);
        const e = await people.insertEvent(tx, {
          organization_id: hostId,
          member_organization_id: id,
          kind: input.kind,
          effective_date: input.effectiveDate,
          note: input.note ?? null,
        });
        await audit(tx, ctx, {
          action: 'collective_member.event',
          entityType: 'organization',
          entityId: id,
          organizationId: hostId,
          before: current ? { status: current.status, since: current.since } : null,
          after: {
            eventId: e.id,
            kind: e.kind,
            effectiveDate: e.effective_date,
            note: e.note,
          },
        });
        return { memberId: id };
      });
      const at = vnToday() < input.effectiveDate ? input.effectiveDate : vnToday();
      const [item] = (await members(db, ctx, hostId, at)).filter(
        (m) => m.organization.id === memberId,
      );
      return item!;
    },
  };
}

export type CollectiveMemberService = ReturnType<typeof createCollectiveMemberService>;
