import {
  FIELDS_OF_ACTIVITY,
  foldVietnamese,
  parseAcademicName,
  personNameKey,
  splitVietnameseName,
} from '@lienhiep/core';
import type { Updateable } from 'kysely';
import type { Database, Executor } from '../../db/database.js';
import type { Person } from '../../db/schema.generated.js';
import type { Actor, RequestContext } from '../access/actor.js';
import {
  assertReadable,
  assertWritable,
  forbidden,
  hasPermission,
  scopeFor,
  writableAmong,
} from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { toRef } from '../organizations/organization.dto.js';
import { existsOn, requireOrganization } from '../organizations/organization.service.js';
import { referenceRepository } from '../reference/reference.repository.js';
import { vnToday } from '../../shared/dates.js';
import { AppError, conflict, invalid, notFound } from '../../shared/errors.js';
import {
  DEGREE_LABELS,
  STATUS_RANK,
  TITLE_LABELS,
  toMemberships,
  toMemberStats,
  toPerson,
  toPersonDetail,
} from './people.dto.js';
import { likelyDuplicates } from './duplicate.service.js';
import { peopleExportRepository as peopleExport } from './people-export.repository.js';
import { peopleRepository as people, type PersonRow } from './people.repository.js';
import type {
  DuplicateCheck,
  ExpertsExportQuery,
  ExpertsQuery,
  MembershipEventInput,
  MembershipEventKind,
  MembershipStatus,
  PeopleQuery,
  PersonCreate,
  PersonDegree,
  PersonTitle,
  PersonUpdate,
} from './people.schemas.js';
import { positionRepository as positions } from './position.repository.js';

const dmy = (iso: string): string => iso.split('-').reverse().join('/');

export const personNotFound = (): AppError => notFound('hồ sơ người này');

/** Why an event may not follow the current status: the rule, without its wording. */
export type TransitionRefusal = 'already_member' | 'not_member' | 'already_suspended' | 'deceased';

/**
 * What a membership event may follow, for people and collective members alike. `current` is the
 * member's status in the organisation on the event's date (null: never a member there).
 */
export function membershipTransitionRefusal(
  current: MembershipStatus | null,
  kind: MembershipEventKind,
): TransitionRefusal | null {
  if (current === 'deceased') return 'deceased';
  switch (kind) {
    case 'join':
    case 'transfer':
      return current === 'active' || current === 'suspended' ? 'already_member' : null;
    case 'renew':
    case 'leave':
    case 'deceased':
      return current === 'active' || current === 'suspended' ? null : 'not_member';
    case 'suspend':
      return current === 'active'
        ? null
        : current === 'suspended'
          ? 'already_suspended'
          : 'not_member';
  }
}

/**
 * What a membership event of a person may follow. `current` is the status the person has in the
 * organisation on the event's date (null: never a member there), `lastKind` the event that gave
 * it. Returns the reason for refusing, or null.
 */
export function membershipTransitionError(
  current: MembershipStatus | null,
  lastKind: MembershipEventKind | null,
  kind: MembershipEventKind,
): string | null {
  if (lastKind === 'deceased') return 'Người này đã được ghi nhận từ trần';
  switch (membershipTransitionRefusal(current, kind)) {
    case null:
      return null;
    case 'deceased':
      return 'Người này đã được ghi nhận từ trần';
    case 'already_member':
      return 'Người này đang là hội viên của tổ chức; không ghi gia nhập lần nữa';
    case 'already_suspended':
      return 'Người này đang tạm dừng sinh hoạt tại tổ chức này';
    case 'not_member':
      return 'Người này chưa là hội viên (hoặc đã thôi) tại tổ chức này; hãy ghi sự kiện gia nhập trước';
  }
}

/**
 * The name without title and degree, split the Vietnamese way. An explicit title or degree
 * (null included) wins over what the name carried; failing both, `kept` (an update keeps what it
 * had when the corrected name carries none).
 */
function parseName(
  fullName: string,
  explicit: { title?: PersonTitle | null | undefined; degree?: PersonDegree | null | undefined },
  kept: { title: string | null; degree: string | null } = { title: null, degree: null },
) {
  const parsed = parseAcademicName(fullName);
  const name = parsed.fullName || fullName;
  const parts = splitVietnameseName(name);
  return {
    full_name: name,
    family_name: parts.family,
    middle_name: parts.middle,
    given_name: parts.given,
    name_key: personNameKey(name),
    title: explicit.title !== undefined ? explicit.title : (parsed.title ?? kept.title),
    degree: explicit.degree !== undefined ? explicit.degree : (parsed.degree ?? kept.degree),
  };
}

/** Birth date and year must agree; the year follows the date. Neither may lie in the future. */
function birth(date: string | null, yearGiven: number | null, today: string) {
  if (date !== null && date > today) throw invalid('birthDate', 'Ngày sinh không được sau hôm nay');
  const fromDate = date === null ? null : Number(date.slice(0, 4));
  if (fromDate !== null && yearGiven !== null && yearGiven !== fromDate) {
    throw invalid('birthYear', `Năm sinh ${yearGiven} không khớp với ngày sinh ${dmy(date!)}`);
  }
  const year = fromDate ?? yearGiven;
  if (year !== null && year > Number(today.slice(0, 4))) {
    throw invalid('birthYear', 'Năm sinh không được sau năm nay');
  }
  return { birth_date: date, birth_year: year };
}

async function checkProvince(db: Executor, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const provinces = await referenceRepository.listProvinces(db);
  if (!provinces.some((p) => p.code === code)) {
    throw invalid('provinceCode', `Không có tỉnh, thành phố mã ${code}`);
  }
}

const unique = <T>(xs: readonly T[] | undefined): T[] | undefined =>
  xs === undefined ? undefined : [...new Set(xs)];

/** An organisation a membership event is recorded in must exist on the event's date. */
async function requireOrganizationOn(
  db: Executor,
  orgId: string,
  date: string,
  field: string,
): Promise<void> {
  const org = await requireOrganization(db, orgId);
  if (!existsOn(org, date)) {
    throw invalid(field, `Tổ chức chưa thành lập hoặc đã chấm dứt vào ngày ${dmy(date)}`);
  }
}

/**
 * Creates a person with their first membership (a join event). Composes inside the caller's
 * transaction (the import will use it); rights and audit are the caller's.
 */
export async function insertPerson(tx: Executor, input: PersonCreate): Promise<string> {
  const today = vnToday();
  await checkProvince(tx, input.provinceCode);
  await requireOrganizationOn(
    tx,
    input.membership.organizationId,
    input.membership.joinedOn,
    'membership/joinedOn',
  );
  const row = await people.insert(tx, {
    ...parseName(input.fullName, input),
    ...birth(input.birthDate ?? null, input.birthYear ?? null, today),
    gender: input.gender ?? null,
    fields: unique(input.fields) ?? [],
    keywords: unique(input.keywords) ?? [],
    languages: unique(input.languages) ?? [],
    workplace: input.workplace ?? null,
    job_title: input.jobTitle ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    national_id: input.nationalId ?? null,
    province_code: input.provinceCode ?? null,
    is_expert: input.isExpert ?? false,
  });
  await people.insertEvent(tx, {
    organization_id: input.membership.organizationId,
    person_id: row.id,
    kind: 'join',
    effective_date: input.membership.joinedOn,
  });
  return row.id;
}

/** The national id never enters the audit trail in clear: only its last three digits. */
function auditView(r: PersonRow & { province_name?: string | null }) {
  const {
    province_name: _p,
    search_text: _s,
    created_at: _c,
    updated_at: _u,
    name_key: _k,
    national_id,
    ...rest
  } = r;
  return { ...rest, national_id: national_id ? `•••${national_id.slice(-3)}` : null };
}

/** Of the person's organisations, those the actor may change (sorted, for a stable choice). */
async function writableOrganizations(
  db: Executor,
  actor: Actor,
  personId: string,
): Promise<string[]> {
  const ids = await people.organizationIdsOf(db, personId);
  return writableAmong(db, actor, 'organization.write', ids);
}

/** What the people list and the expert search have in common. */
type ListQuery = Omit<ExpertsQuery, 'language'> & {
  at: string;
  status: MembershipStatus;
  gender?: PeopleQuery['gender'];
  expert?: boolean | undefined;
  language?: string | undefined;
  ageFrom?: number | undefined;
  ageTo?: number | undefined;
};

/** A spreadsheet of more than this many people is not produced in one request. */
export const EXPORT_LIMIT = 100_000;

const FIELD_NAMES = new Map(FIELDS_OF_ACTIVITY.map((f) => [f.code, f.vi]));
const LANGUAGE_NAMES = new Intl.DisplayNames(['vi'], { type: 'language' });

/** `en` → "Tiếng Anh"; a language written out is kept as written. */
function languageName(value: string): string {
  if (!/^[a-z]{2,3}$/.test(value)) return value;
  try {
    return LANGUAGE_NAMES.of(value) ?? value;
  } catch {
    return value;
  }
}

/** The columns of the expert list; the contact columns only for who may have them. */
export function expertColumns(withContacts: boolean) {
  return [
    { header: 'STT', width: 6 },
    { header: 'Họ và tên', width: 30 },
    { header: 'Học hàm', width: 13 },
    { header: 'Học vị', width: 16 },
    { header: 'Lĩnh vực', width: 30 },
    { header: 'Chuyên sâu', width: 36 },
    { header: 'Nơi làm việc', width: 36 },
    { header: 'Chức vụ', width: 20 },
    { header: 'Tỉnh, thành phố', width: 16 },
    { header: 'Ngoại ngữ', width: 20 },
    { header: 'Đơn vị', width: 36 },
    ...(withContacts
      ? [
          { header: 'Điện thoại', width: 16 },
          { header: 'Thư điện tử', width: 28 },
        ]
      : []),
  ];
}

export function createPeopleService(db: Database) {
  async function requireReadable(exec: Executor, actor: Actor, id: string): Promise<void> {
    if (!(await people.isReadable(exec, scopeFor(actor, 'organization.read'), id))) {
      throw personNotFound();
    }
  }

  async function detail(
    exec: Executor,
    actor: Actor,
    id: string,
    at: string,
    withNationalId = false,
  ) {
    const scope = scopeFor(actor, 'organization.read');
    const row = await people.findById(exec, id);
    if (!row) throw personNotFound();
    const [events, statuses, held] = await Promise.all([
      people.eventsOf(exec, scope, id),
      people.statusesOf(exec, scope, id, at),
      positions.ofPerson(exec, scope, id),
    ]);
    return toPersonDetail(row, at, toMemberships(events, statuses), held, {
      include: withNationalId,
    });
  }

  async function list(actor: Actor, q: ListQuery, searchExpertise: boolean) {
    if (q.under) await assertReadable(db, actor, q.under);
    if (q.ageFrom !== undefined && q.ageTo !== undefined && q.ageFrom > q.ageTo) {
      throw invalid('ageTo', 'Tuổi đến không được nhỏ hơn tuổi từ');
    }
    // "PGS.TS Nguyễn Văn An" in the search box: the title and degree become filters
    let text = q.q ?? '';
    let title = q.title;
    let degree = q.degree;
    const parsed = parseAcademicName(text);
    if (parsed.fullName !== '' && (parsed.title || parsed.degree)) {
      text = parsed.fullName;
      title ??= parsed.title ?? undefined;
      degree ??= parsed.degree ?? undefined;
    }
    const folded = foldVietnamese(text);
    const scope = scopeFor(actor, 'organization.read');
    const rows = await people.search(db, {
      scope,
      at: q.at,
      tokens: folded === '' ? [] : folded.split(' '),
      searchExpertise,
      under: q.under,
      statusRank: STATUS_RANK[q.status],
      gender: q.gender,
      degree,
      title,
      field: q.field,
      province: q.province,
      expert: q.expert,
      language: q.language === undefined ? undefined : foldVietnamese(q.language),
      ageFrom: q.ageFrom,
      ageTo: q.ageTo,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const orgs = await people.currentOrganizationsOf(
      db,
      scope,
      rows.map((r) => r.id),
      q.at,
      q.under,
    );
    return {
      items: rows.map((r) => toPerson(r, orgs.filter((o) => o.person_id === r.id).map(toRef))),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
      at: q.at,
    };
  }

  return {
    /**
     * Every person the list would show (up to EXPORT_LIMIT), as rows for a spreadsheet. National
     * ID numbers are never exported; the export itself is audited, personal data leaving the system.
     */
    async exportRows(ctx: RequestContext, q: Omit<PeopleQuery, 'page' | 'pageSize'>) {
      const at = q.at ?? vnToday();
      const rows: (string | number | null)[][] = [];
      let total = 0;
      for (let page = 1; rows.length < EXPORT_LIMIT; page++) {
        const res = await list(ctx.actor!, { ...q, at, page, pageSize: 1000 }, false);
        total = res.total;
        for (const p of res.items) {
          rows.push([
            p.fullName,
            p.title,
            p.degree,
            p.gender === 'female' ? 'Nữ' : p.gender === 'male' ? 'Nam' : null,
            p.birthYear,
            p.organizations.map((o) => o.shortName ?? o.fullName).join('; '),
            p.province?.name ?? null,
            p.fields.join(', '),
            p.workplace,
            p.jobTitle,
            p.isExpert ? 'Có' : '',
          ]);
        }
        if (res.items.length < 1000) break;
      }
      await audit(db, ctx, {
        action: 'person.export',
        entityType: 'person',
        entityId: null,
        organizationId: q.under ?? null,
        after: { rows: rows.length, total, filters: { ...q } },
      });
      return { at, rows, truncated: total > rows.length };
    },

    /**
     * The expert list (every page of the search, up to EXPORT_LIMIT) as spreadsheet rows: name
     * with title and degree, fields, expertise, workplace, province, languages, organisations.
     * Phone and e-mail only of the experts the actor may change the record of (write rights on
     * one of their organisations), and the contact columns only for a user who writes somewhere;
     * the national ID never. The export is audited.
     */
    async exportExperts(ctx: RequestContext, q: Omit<ExpertsExportQuery, 'format'>) {
      const actor = ctx.actor!;
      const at = vnToday();
      const withContacts = hasPermission(actor, 'organization.write');
      const rows: (string | number | null)[][] = [];
      let total = 0;
      let contactsGiven = 0;
      for (let page = 1; rows.length < EXPORT_LIMIT; page++) {
        const res = await list(
          actor,
          { ...q, at, status: 'active', expert: true, page, pageSize: 1000 },
          true,
        );
        total = res.total;
        const contacts = new Map<string, { phone: string | null; email: string | null }>();
        if (withContacts && res.items.length > 0) {
          const pairs = await peopleExport.organizationsOf(
            db,
            res.items.map((p) => p.id),
          );
          const writable = new Set(
            await writableAmong(db, actor, 'organization.write', [
              ...new Set(pairs.map((x) => x.organization_id)),
            ]),
          );
          const allowed = [
            ...new Set(
              pairs.filter((x) => writable.has(x.organization_id)).map((x) => x.person_id),
            ),
          ];
          for (const c of await peopleExport.contactsOf(db, allowed)) contacts.set(c.id, c);
          contactsGiven += allowed.length;
        }
        for (const p of res.items) {
          const c = contacts.get(p.id);
          rows.push([
            rows.length + 1,
            p.displayName,
            p.title ? TITLE_LABELS[p.title] : null,
            p.degree ? DEGREE_LABELS[p.degree] : null,
            p.fields.map((f) => FIELD_NAMES.get(f) ?? f).join('; '),
            p.keywords.join('; '),
            p.workplace,
            p.jobTitle,
            p.province?.name ?? null,
            p.languages.map(languageName).join('; '),
            p.organizations.map((o) => o.shortName ?? o.fullName).join('; '),
            ...(withContacts ? [c?.phone ?? null, c?.email ?? null] : []),
          ]);
        }
        if (res.items.length < 1000) break;
      }
      await audit(db, ctx, {
        action: 'person.export',
        entityType: 'person',
        entityId: null,
        organizationId: q.under ?? null,
        after: {
          list: 'experts',
          rows: rows.length,
          total,
          contacts: contactsGiven,
          filters: { ...q },
        },
      });
      return { at, rows, withContacts, truncated: total > rows.length };
    },

    search(ctx: RequestContext, q: PeopleQuery) {
      return list(ctx.actor!, { ...q, at: q.at ?? vnToday() }, false);
    },

    /** The expert network: experts who are active members today, found by expertise too. */
    experts(ctx: RequestContext, q: ExpertsQuery) {
      return list(ctx.actor!, { ...q, at: vnToday(), status: 'active', expert: true }, true);
    },

    async get(
      ctx: RequestContext,
      id: string,
      opts: { at?: string | undefined; withNationalId?: boolean | undefined },
    ) {
      const actor = ctx.actor!;
      const at = opts.at ?? vnToday();
      await requireReadable(db, actor, id);
      if (!opts.withNationalId) return detail(db, actor, id, at);
      // the national id is shown only to who may change the record, and every look is recorded
      return db.transaction().execute(async (tx) => {
        const writable = await writableOrganizations(tx, actor, id);
        if (writable.length === 0) {
          throw forbidden('Chỉ người có quyền cập nhật hồ sơ mới xem được số định danh cá nhân');
        }
        const d = await detail(tx, actor, id, at, true);
        await audit(tx, ctx, {
          action: 'person.national_id_viewed',
          entityType: 'person',
          entityId: id,
          organizationId: writable[0] ?? null,
        });
        return d;
      });
    },

    /** People the actor may read who may be the one about to be entered (same name, …). */
    async duplicates(ctx: RequestContext, input: DuplicateCheck) {
      return { candidates: await likelyDuplicates(db, ctx.actor!, input) };
    },

    /**
     * Adds a person with a first membership. When people of the same name that may be the same
     * person are within the actor's reach, the caller must have shown them and confirmed this is
     * someone else (`duplicateConfirmed`); the confirmation is kept in the audit trail.
     */
    async create(ctx: RequestContext, input: PersonCreate) {
      const actor = ctx.actor!;
      const id = await db.transaction().execute(async (tx) => {
        await assertWritable(tx, actor, 'organization.write', [input.membership.organizationId]);
        const duplicates = await likelyDuplicates(tx, actor, input);
        if (duplicates.length > 0 && input.duplicateConfirmed !== true) {
          throw new AppError(
            409,
            'possible_duplicate',
            `Có thể trùng với: ${duplicates
              .slice(0, 3)
              .map((d) => d.summary)
              .join(
                '; ',
              )}${duplicates.length > 3 ? `; và ${duplicates.length - 3} người khác` : ''}. Hãy mở hồ sơ để kiểm tra; nếu đây là người khác, xác nhận để vẫn thêm mới`,
            'duplicateConfirmed',
          );
        }
        const personId = await insertPerson(tx, input);
        const row = await people.findById(tx, personId);
        await audit(tx, ctx, {
          action: 'person.create',
          entityType: 'person',
          entityId: personId,
          organizationId: input.membership.organizationId,
          after: {
            ...auditView(row!),
            membership: input.membership,
            ...(duplicates.length > 0
              ? { confirmedNotDuplicateOf: duplicates.map((d) => d.person.id) }
              : {}),
          },
        });
        return personId;
      });
      return detail(db, actor, id, vnToday());
    },

    async update(ctx: RequestContext, id: string, patch: PersonUpdate) {
      const actor = ctx.actor!;
      await db.transaction().execute(async (tx) => {
        await requireReadable(tx, actor, id);
        const writable = await writableOrganizations(tx, actor, id);
        if (writable.length === 0) {
          throw forbidden('Bạn không có quyền thay đổi hồ sơ của người này');
        }
        const row = await people.findById(tx, id);
        if (!row) throw personNotFound();
        await checkProvince(tx, patch.provinceCode);
        const values: Updateable<Person> = {};
        if (patch.fullName !== undefined) {
          Object.assign(values, parseName(patch.fullName, patch, row));
        } else {
          if (patch.title !== undefined) values.title = patch.title;
          if (patch.degree !== undefined) values.degree = patch.degree;
        }
        if (patch.birthDate !== undefined || patch.birthYear !== undefined) {
          const date = patch.birthDate !== undefined ? patch.birthDate : row.birth_date;
          // a new date brings its year; a year alone is checked against the date kept
          const year =
            patch.birthYear !== undefined
              ? patch.birthYear
              : patch.birthDate !== undefined && patch.birthDate !== null
                ? null
                : row.birth_year;
          Object.assign(values, birth(date, year, vnToday()));
        }
        if (patch.gender !== undefined) values.gender = patch.gender;
        if (patch.fields !== undefined) values.fields = unique(patch.fields)!;
        if (patch.keywords !== undefined) values.keywords = unique(patch.keywords)!;
        if (patch.languages !== undefined) values.languages = unique(patch.languages)!;
        if (patch.workplace !== undefined) values.workplace = patch.workplace;
        if (patch.jobTitle !== undefined) values.job_title = patch.jobTitle;
        if (patch.phone !== undefined) values.phone = patch.phone;
        if (patch.email !== undefined) values.email = patch.email;
        if (patch.nationalId !== undefined) values.national_id = patch.nationalId;
        if (patch.provinceCode !== undefined) values.province_code = patch.provinceCode;
        if (patch.isExpert !== undefined) values.is_expert = patch.isExpert;
        await people.update(tx, id, values);
        const after = await people.findById(tx, id);
        await audit(tx, ctx, {
          action: 'person.update',
          entityType: 'person',
          entityId: id,
          organizationId: writable[0] ?? null,
          before: auditView(row),
          after: auditView(after!),
        });
      });
      return detail(db, actor, id, vnToday());
    },

    /**
     * Records a membership event. Events of a person in an organisation are recorded in date
     * order (the same day is allowed: the later recorded wins), and each must make sense after
     * the status it follows.
     */
    async recordMembershipEvent(
      ctx: RequestContext,
      personId: string,
      input: MembershipEventInput,
    ) {
      const actor = ctx.actor!;
      await db.transaction().execute(async (tx) => {
        await requireReadable(tx, actor, personId);
        await assertWritable(tx, actor, 'organization.write', [input.organizationId]);
        await requireOrganizationOn(tx, input.organizationId, input.effectiveDate, 'effectiveDate');
        // a death ends the membership everywhere: nothing is recorded from that day on, and a
        // death is not recorded before what is already recorded elsewhere
        const death = await people.deathOf(tx, personId);
        if (death && input.effectiveDate >= death.effective_date) {
          throw conflict(
            `Người này đã được ghi nhận từ trần ngày ${dmy(death.effective_date)} (tại ${death.organization_name}); không ghi sự kiện hội viên từ ngày đó trở đi`,
            'effectiveDate',
          );
        }
        if (input.kind === 'deceased') {
          if (death) {
            throw conflict(
              `Người này đã được ghi nhận từ trần ngày ${dmy(death.effective_date)} (tại ${death.organization_name})`,
              'effectiveDate',
            );
          }
          const last = await people.latestEventOf(tx, personId);
          if (last && last.effective_date > input.effectiveDate) {
            throw conflict(
              `Đã có sự kiện hội viên ngày ${dmy(last.effective_date)} tại ${last.organization_name}, sau ngày từ trần ${dmy(input.effectiveDate)}; hãy kiểm tra lại ngày từ trần`,
              'effectiveDate',
            );
          }
        }
        const latest = await people.latestEventDate(tx, personId, input.organizationId);
        if (latest !== null && latest > input.effectiveDate) {
          throw conflict(
            `Đã có sự kiện hội viên ngày ${dmy(latest)} tại tổ chức này; không ghi sự kiện có ngày hiệu lực sớm hơn`,
            'effectiveDate',
          );
        }
        const current = await people.statusOf(
          tx,
          personId,
          input.organizationId,
          input.effectiveDate,
        );
        const refusal = membershipTransitionError(
          current?.status ?? null,
          current?.kind ?? null,
          input.kind,
        );
        // no field attached: the shared label of `kind` names the kind of an organisation
        if (refusal) throw conflict(refusal);
        const e = await people.insertEvent(tx, {
          organization_id: input.organizationId,
          person_id: personId,
          kind: input.kind,
          effective_date: input.effectiveDate,
          note: input.note ?? null,
        });
        await audit(tx, ctx, {
          action: 'membership.event',
          entityType: 'person',
          entityId: personId,
          organizationId: input.organizationId,
          before: current ? { status: current.status, since: current.since } : null,
          after: {
            eventId: e.id,
            kind: e.kind,
            effectiveDate: e.effective_date,
            note: e.note,
          },
        });
      });
      return detail(db, actor, personId, vnToday());
    },

    /** Members of the organisation's subtree on a date, and how they break down. */
    async memberStats(ctx: RequestContext, orgId: string, at?: string) {
      const actor = ctx.actor!;
      await assertReadable(db, actor, orgId);
      const day = at ?? vnToday();
      const org = await requireOrganization(db, orgId);
      const rows = await people.memberStats(db, scopeFor(actor, 'organization.read'), orgId, day);
      return toMemberStats(rows, day, toRef(org));
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
