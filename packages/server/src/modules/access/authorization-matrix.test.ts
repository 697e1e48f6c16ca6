import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import {
  clientWith,
  createRoot,
  createUser,
  signIn,
  signInWithCode,
  type Client,
} from '../../test/session.js';
import { totpFromUri } from '../../test/totp.js';
import { createOrganization } from '../organizations/organization.service.js';
import { insertPerson } from '../people/people.service.js';
import { positionRepository } from '../people/position.repository.js';
import { importRepository } from '../imports/import.repository.js';
import { openRound } from '../consolidation/consolidation.fixtures.js';
import { ROLE_PERMISSIONS, ROLES, type Role } from './roles.js';

/**
 * Every route of the route table × every role × (inside its subtree, outside it, anonymous).
 * The expected answer follows from the route's declared policy and the role's permissions; a
 * route with no policy, or with no case below, fails this test — so no route ships unguarded.
 */

let t: TestApp;
let hp: string; // the subtree every non-admin role is given
let ct: string; // a subtree none of them has
const clients = new Map<Role, Client>();
let seq = 0;

async function org(
  parentId: string,
  kind: 'member_association' | 'club' = 'member_association',
): Promise<string> {
  seq++;
  return (
    await createOrganization(
      t.db,
      {
        code: `M-${seq}`,
        kind,
        fullName: `Hội thử nghiệm ${seq}`,
        parentId,
        foundedOn: '2000-01-01',
      },
      null,
    )
  ).id;
}
async function userAt(orgId: string): Promise<string> {
  seq++;
  return createUser(t.db, `nguoidung${seq}`, [{ role: 'viewer', organizationId: orgId }]);
}
async function assignmentOf(userId: string): Promise<string> {
  const r = await t.db
    .selectFrom('role_assignment')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return r.id;
}

/** People created for the cases, by the subtree they belong to. */
const peopleIn = { hp: new Set<string>(), ct: new Set<string>() };
async function personIn(where: 'hp' | 'ct'): Promise<string> {
  seq++;
  const id = await insertPerson(t.db, {
    fullName: `Nguyễn Văn Thử ${seq}`,
    membership: { organizationId: where === 'hp' ? hp : ct, joinedOn: '2010-01-01' },
  });
  peopleIn[where].add(id);
  return id;
}
async function positionIn(where: 'hp' | 'ct'): Promise<string> {
  return positionRepository.insert(t.db, {
    person_id: await personIn(where),
    organization_id: where === 'hp' ? hp : ct,
    role: 'executive_member',
    valid_from: '2015-01-01',
  });
}

/** A round Hải Phòng opened for itself, made once (its own tests cover consolidation). */
let consolidationRoundId: Promise<string> | undefined;
function consolidationRound(): Promise<string> {
  consolidationRoundId ??= standardFormVersion().then((form) =>
    openRound(t.db, { organizationId: hp, formVersionId: form, year: 2025, reporters: [hp] }),
  );
  return consolidationRoundId;
}
/** A finished document about an organisation, written directly. */
async function documentAbout(orgId: string): Promise<string> {
  const r = await t.db
    .insertInto('report_document')
    .values({
      kind: 'annex_xlsx',
      round_id: await consolidationRound(),
      organization_id: orgId,
      status: 'done',
      progress: 100,
      file_name: 'Phụ lục.xlsx',
      media_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      size: 4,
      content: Buffer.from('test'),
      created_by_name: 'Thử nghiệm',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

type Req = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
};
interface Case {
  /** A request the role may make inside its subtree, built fresh for each call. */
  inside: () => Promise<Req>;
  /** The same aimed outside, with the answer that must come back; null when the route has no "outside". */
  outside: (() => Promise<{ req: Req; status: 403 | 404 }>) | null;
  /**
   * System-wide definitions (indicators, forms): the permission counts only when held on the
   * root organisation, so a role given on a subtree is refused (403) even inside it.
   */
  rootOnly?: boolean;
}

const uploadTo = (orgId: string): Req => ({
  method: 'POST',
  url: `/api/imports?organizationId=${orgId}&fileName=hoi-vien.csv`,
  payload: 'Họ và tên,Năm sinh\nNguyễn Văn Nhập,1970\n',
  headers: { 'content-type': 'application/octet-stream' },
});

/** An import of one member in the given state, made directly (its own tests cover the steps). */
async function importIn(orgId: string, status: 'mapping' | 'ready' | 'committed'): Promise<string> {
  const b = await importRepository.insertBatch(t.db, {
    organization_id: orgId,
    kind: 'members',
    status,
    file_name: 'hoi-vien.csv',
    file_size: 40,
    file_format: 'csv',
    header_row: 1,
    data_start_row: 2,
    columns: JSON.stringify([{ index: 0, heading: 'Họ và tên', samples: [] }]),
    mapping: JSON.stringify({ 0: 'fullName' }),
    default_joined_on: '2020-01-01',
    created_by_name: 'Thử nghiệm',
  });
  await importRepository.saveFile(t.db, b.id, Buffer.from('Họ và tên\nNguyễn Văn Nhập\n'));
  if (status !== 'mapping') {
    await t.db
      .insertInto('import_row')
      .values({
        import_id: b.id,
        row_number: 2,
        raw: ['Nguyễn Văn Nhập'],
        data: JSON.stringify({
          fullName: 'Nguyễn Văn Nhập',
          familyName: 'Nguyễn',
          middleName: 'Văn',
          givenName: 'Nhập',
          title: null,
          degree: null,
          gender: null,
          birthDate: null,
          birthYear: null,
          phone: null,
          email: null,
          nationalId: null,
          workplace: null,
          jobTitle: null,
          provinceCode: null,
          fields: [],
          keywords: [],
          joinedOn: '2020-01-01',
          note: null,
        }),
        status: 'ok',
        decision: 'create',
        name_key: 'nguyen van nhap',
        new_person_id: crypto.randomUUID(),
      })
      .execute();
  }
  return b.id;
}

const rename = (id: string) => ({
  kind: 'rename',
  effectiveDate: '2020-01-01',
  legalBasis: { number: '1/QĐ', date: '2019-12-01', issuer: 'LHH' },
  organizationId: id,
  fullName: `Tên mới ${++seq}`,
});

const CASES: Record<string, Case> = {
  'GET /api/organizations': {
    inside: async () => ({ method: 'GET', url: `/api/organizations?under=${hp}` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/organizations?under=${ct}` },
      status: 404,
    }),
  },
  'GET /api/organizations/roots': {
    inside: async () => ({ method: 'GET', url: '/api/organizations/roots' }),
    outside: null,
  },
  'GET /api/organizations/:id': {
    inside: async () => ({ method: 'GET', url: `/api/organizations/${hp}` }),
    outside: async () => ({ req: { method: 'GET', url: `/api/organizations/${ct}` }, status: 404 }),
  },
  'GET /api/organizations/:id/tree': {
    inside: async () => ({ method: 'GET', url: `/api/organizations/${hp}/tree` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/organizations/${ct}/tree` },
      status: 404,
    }),
  },
  'GET /api/organizations/:id/history': {
    inside: async () => ({ method: 'GET', url: `/api/organizations/${hp}/history` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/organizations/${ct}/history` },
      status: 404,
    }),
  },
  'GET /api/organizations/:id/successors': {
    inside: async () => ({ method: 'GET', url: `/api/organizations/${hp}/successors` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/organizations/${ct}/successors` },
      status: 404,
    }),
  },
  'POST /api/organizations': {
    inside: async () => ({
      method: 'POST',
      url: '/api/organizations',
      payload: { kind: 'club', fullName: `CLB ${++seq}`, parentId: hp, foundedOn: '2020-01-01' },
    }),
    outside: async () => ({
      req: {
        method: 'POST',
        url: '/api/organizations',
        payload: { kind: 'club', fullName: `CLB ${++seq}`, parentId: ct, foundedOn: '2020-01-01' },
      },
      status: 403,
    }),
  },
  'PATCH /api/organizations/:id': {
    inside: async () => ({
      method: 'PATCH',
      url: `/api/organizations/${await org(hp)}`,
      payload: { address: 'Số 1, Hải Phòng' },
    }),
    outside: async () => ({
      req: {
        method: 'PATCH',
        url: `/api/organizations/${await org(ct)}`,
        payload: { address: 'Số 1' },
      },
      status: 404,
    }),
  },
  'POST /api/lineage-events/preview': {
    inside: async () => ({
      method: 'POST',
      url: '/api/lineage-events/preview',
      payload: rename(await org(hp)),
    }),
    outside: async () => ({
      req: { method: 'POST', url: '/api/lineage-events/preview', payload: rename(await org(ct)) },
      status: 403,
    }),
  },
  'POST /api/lineage-events': {
    inside: async () => ({
      method: 'POST',
      url: '/api/lineage-events',
      payload: rename(await org(hp)),
    }),
    outside: async () => ({
      req: { method: 'POST', url: '/api/lineage-events', payload: rename(await org(ct)) },
      status: 403,
    }),
  },
  'GET /api/people': {
    inside: async () => ({ method: 'GET', url: `/api/people?under=${hp}` }),
    outside: async () => ({ req: { method: 'GET', url: `/api/people?under=${ct}` }, status: 404 }),
  },
  'GET /api/people/export': {
    inside: async () => ({ method: 'GET', url: `/api/people/export?under=${hp}&format=csv` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/people/export?under=${ct}&format=csv` },
      status: 404,
    }),
  },
  'GET /api/people/experts': {
    inside: async () => ({ method: 'GET', url: `/api/people/experts?under=${hp}` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/people/experts?under=${ct}` },
      status: 404,
    }),
  },
  'GET /api/people/:id': {
    inside: async () => ({ method: 'GET', url: `/api/people/${await personIn('hp')}` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/people/${await personIn('ct')}` },
      status: 404,
    }),
  },
  'POST /api/people': {
    inside: async () => ({
      method: 'POST',
      url: '/api/people',
      payload: {
        fullName: `Trần Thị Mới ${++seq}`,
        membership: { organizationId: hp, joinedOn: '2020-01-01' },
      },
    }),
    outside: async () => ({
      req: {
        method: 'POST',
        url: '/api/people',
        payload: {
          fullName: `Trần Thị Ngoài ${++seq}`,
          membership: { organizationId: ct, joinedOn: '2020-01-01' },
        },
      },
      status: 403,
    }),
  },
  'PATCH /api/people/:id': {
    inside: async () => ({
      method: 'PATCH',
      url: `/api/people/${await personIn('hp')}`,
      payload: { workplace: 'Trường Đại học Hải Phòng' },
    }),
    outside: async () => ({
      req: {
        method: 'PATCH',
        url: `/api/people/${await personIn('ct')}`,
        payload: { workplace: 'Trường Đại học Cần Thơ' },
      },
      status: 404,
    }),
  },
  'POST /api/people/:id/memberships': {
    inside: async () => ({
      method: 'POST',
      url: `/api/people/${await personIn('hp')}/memberships`,
      payload: { organizationId: hp, kind: 'suspend', effectiveDate: '2020-01-01' },
    }),
    outside: async () => ({
      req: {
        method: 'POST',
        url: `/api/people/${await personIn('ct')}/memberships`,
        payload: { organizationId: ct, kind: 'suspend', effectiveDate: '2020-01-01' },
      },
      status: 404,
    }),
  },
  'GET /api/organizations/:id/leadership': {
    inside: async () => ({ method: 'GET', url: `/api/organizations/${hp}/leadership` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/organizations/${ct}/leadership` },
      status: 404,
    }),
  },
  'POST /api/organizations/:id/positions': {
    inside: async () => ({
      method: 'POST',
      url: `/api/organizations/${hp}/positions`,
      payload: { personId: await personIn('hp'), role: 'standing_member', validFrom: '2020-01-01' },
    }),
    outside: async () => ({
      req: {
        method: 'POST',
        url: `/api/organizations/${ct}/positions`,
        payload: {
          personId: await personIn('ct'),
          role: 'standing_member',
          validFrom: '2020-01-01',
        },
      },
      status: 404,
    }),
  },
  'POST /api/positions/:id/end': {
    inside: async () => ({
      method: 'POST',
      url: `/api/positions/${await positionIn('hp')}/end`,
      payload: { validTo: '2020-01-01' },
    }),
    outside: async () => ({
      req: {
        method: 'POST',
        url: `/api/positions/${await positionIn('ct')}/end`,
        payload: { validTo: '2020-01-01' },
      },
      status: 404,
    }),
  },
  'GET /api/organizations/:id/member-stats': {
    inside: async () => ({ method: 'GET', url: `/api/organizations/${hp}/member-stats` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/organizations/${ct}/member-stats` },
      status: 404,
    }),
  },
  'GET /api/organizations/:id/collective-members': {
    inside: async () => ({ method: 'GET', url: `/api/organizations/${hp}/collective-members` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/organizations/${ct}/collective-members` },
      status: 404,
    }),
  },
  'POST /api/organizations/:id/collective-members': {
    inside: async () => ({
      method: 'POST',
      url: `/api/organizations/${hp}/collective-members`,
      payload: { memberOrganizationId: await org(hp), kind: 'join', effectiveDate: '2020-01-01' },
    }),
    outside: async () => ({
      req: {
        method: 'POST',
        url: `/api/organizations/${ct}/collective-members`,
        payload: { memberOrganizationId: await org(ct), kind: 'join', effectiveDate: '2020-01-01' },
      },
      status: 404,
    }),
  },
  'GET /api/organizations/:id/collective-memberships': {
    inside: async () => ({
      method: 'GET',
      url: `/api/organizations/${await org(hp)}/collective-memberships`,
    }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/organizations/${await org(ct)}/collective-memberships` },
      status: 404,
    }),
  },
  'POST /api/imports': {
    inside: async () => uploadTo(hp),
    outside: async () => ({ req: uploadTo(ct), status: 404 }),
  },
  'GET /api/imports': {
    inside: async () => ({ method: 'GET', url: '/api/imports' }),
    outside: null,
  },
  'GET /api/imports/:id': {
    inside: async () => ({ method: 'GET', url: `/api/imports/${await importIn(hp, 'mapping')}` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/imports/${await importIn(ct, 'mapping')}` },
      status: 404,
    }),
  },
  'PUT /api/imports/:id/mapping': {
    inside: async () => ({
      method: 'PUT',
      url: `/api/imports/${await importIn(hp, 'mapping')}/mapping`,
      payload: { columns: [{ index: 0, field: 'fullName' }] },
    }),
    outside: async () => ({
      req: {
        method: 'PUT',
        url: `/api/imports/${await importIn(ct, 'mapping')}/mapping`,
        payload: { columns: [{ index: 0, field: 'fullName' }] },
      },
      status: 404,
    }),
  },
  'GET /api/imports/:id/rows': {
    inside: async () => ({
      method: 'GET',
      url: `/api/imports/${await importIn(hp, 'ready')}/rows`,
    }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/imports/${await importIn(ct, 'ready')}/rows` },
      status: 404,
    }),
  },
  'PATCH /api/imports/:id/rows/:rowNumber': {
    inside: async () => ({
      method: 'PATCH',
      url: `/api/imports/${await importIn(hp, 'ready')}/rows/2`,
      payload: { decision: 'skip' },
    }),
    outside: async () => ({
      req: {
        method: 'PATCH',
        url: `/api/imports/${await importIn(ct, 'ready')}/rows/2`,
        payload: { decision: 'skip' },
      },
      status: 404,
    }),
  },
  'POST /api/imports/:id/commit': {
    inside: async () => ({
      method: 'POST',
      url: `/api/imports/${await importIn(hp, 'ready')}/commit`,
      payload: {},
    }),
    outside: async () => ({
      req: {
        method: 'POST',
        url: `/api/imports/${await importIn(ct, 'ready')}/commit`,
        payload: {},
      },
      status: 404,
    }),
  },
  'POST /api/imports/:id/undo': {
    inside: async () => ({
      method: 'POST',
      url: `/api/imports/${await importIn(hp, 'committed')}/undo`,
    }),
    outside: async () => ({
      req: { method: 'POST', url: `/api/imports/${await importIn(ct, 'committed')}/undo` },
      status: 404,
    }),
  },
  'POST /api/imports/:id/cancel': {
    inside: async () => ({
      method: 'POST',
      url: `/api/imports/${await importIn(hp, 'mapping')}/cancel`,
    }),
    outside: async () => ({
      req: { method: 'POST', url: `/api/imports/${await importIn(ct, 'mapping')}/cancel` },
      status: 404,
    }),
  },
  'GET /api/organizations/export': {
    inside: async () => ({
      method: 'GET',
      url: `/api/organizations/export?under=${hp}&format=csv`,
    }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/organizations/export?under=${ct}&format=csv` },
      status: 404,
    }),
  },
  'GET /api/organizations/:id/children/export': {
    inside: async () => ({ method: 'GET', url: `/api/organizations/${hp}/children/export` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/organizations/${ct}/children/export` },
      status: 404,
    }),
  },
  'GET /api/people/experts/export': {
    inside: async () => ({ method: 'GET', url: `/api/people/experts/export?under=${hp}` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/people/experts/export?under=${ct}` },
      status: 404,
    }),
  },
  'POST /api/people/duplicates': {
    inside: async () => ({
      method: 'POST',
      url: '/api/people/duplicates',
      payload: { fullName: 'Nguyễn Văn Thử', birthYear: 1970 },
    }),
    outside: null,
  },
  'GET /api/users': { inside: async () => ({ method: 'GET', url: '/api/users' }), outside: null },
  'POST /api/users': {
    inside: async () => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        name: 'Nguyễn Văn Mới',
        username: `moi${++seq}`,
        email: `moi${seq}@vd.vn`,
        password: 'mat-khau-tam-2025',
        roles: [{ role: 'viewer', organizationId: hp }],
      },
    }),
    outside: async () => ({
      req: {
        method: 'POST',
        url: '/api/users',
        payload: {
          name: 'Nguyễn Văn Ngoài',
          username: `ngoai${++seq}`,
          email: `ngoai${seq}@vd.vn`,
          password: 'mat-khau-tam-2025',
          roles: [{ role: 'viewer', organizationId: ct }],
        },
      },
      status: 403,
    }),
  },
  'PATCH /api/users/:id': {
    inside: async () => ({
      method: 'PATCH',
      url: `/api/users/${await userAt(hp)}`,
      payload: { name: 'Tên đã sửa' },
    }),
    outside: async () => ({
      req: {
        method: 'PATCH',
        url: `/api/users/${await userAt(ct)}`,
        payload: { name: 'Tên đã sửa' },
      },
      status: 404,
    }),
  },
  'POST /api/users/:id/password': {
    inside: async () => ({
      method: 'POST',
      url: `/api/users/${await userAt(hp)}/password`,
      payload: { newPassword: 'mat-khau-moi-2025' },
    }),
    outside: async () => ({
      req: {
        method: 'POST',
        url: `/api/users/${await userAt(ct)}/password`,
        payload: { newPassword: 'mat-khau-moi-2025' },
      },
      status: 404,
    }),
  },
  'POST /api/users/:id/revoke-sessions': {
    inside: async () => ({ method: 'POST', url: `/api/users/${await userAt(hp)}/revoke-sessions` }),
    outside: async () => ({
      req: { method: 'POST', url: `/api/users/${await userAt(ct)}/revoke-sessions` },
      status: 404,
    }),
  },
  'POST /api/users/:id/roles': {
    inside: async () => ({
      method: 'POST',
      url: `/api/users/${await userAt(hp)}/roles`,
      payload: { role: 'editor', organizationId: hp },
    }),
    outside: async () => ({
      req: {
        method: 'POST',
        url: `/api/users/${await userAt(ct)}/roles`,
        payload: { role: 'editor', organizationId: ct },
      },
      status: 404,
    }),
  },
  'DELETE /api/users/:id/roles/:assignmentId': {
    inside: async () => {
      const u = await userAt(hp);
      return { method: 'DELETE', url: `/api/users/${u}/roles/${await assignmentOf(u)}` };
    },
    outside: async () => {
      const u = await userAt(ct);
      return {
        req: { method: 'DELETE', url: `/api/users/${u}/roles/${await assignmentOf(u)}` },
        status: 404,
      };
    },
  },
  'GET /api/audit': {
    inside: async () => ({ method: 'GET', url: `/api/audit?under=${hp}` }),
    outside: async () => ({ req: { method: 'GET', url: `/api/audit?under=${ct}` }, status: 404 }),
  },
  // ── activities (modules/activities) ──
  ...activityCases(),
  // ── reporting: indicators, forms, rounds, submissions, notifications (modules/reporting) ──
  ...reportingDefinitionCases(),
  ...reportingRoundCases(),
  // ── consolidation and documents (modules/consolidation) ──
  'GET /api/rounds/:id/consolidation': {
    inside: async () => ({
      method: 'GET',
      url: `/api/rounds/${await consolidationRound()}/consolidation?organizationId=${hp}`,
    }),
    outside: async () => ({
      req: {
        method: 'GET',
        url: `/api/rounds/${await consolidationRound()}/consolidation?organizationId=${ct}`,
      },
      status: 404,
    }),
  },
  'GET /api/rounds/:id/consolidation/drill': {
    inside: async () => ({
      method: 'GET',
      url: `/api/rounds/${await consolidationRound()}/consolidation/drill?organizationId=${hp}&indicator=DT_LUOT`,
    }),
    outside: async () => ({
      req: {
        method: 'GET',
        url: `/api/rounds/${await consolidationRound()}/consolidation/drill?organizationId=${ct}&indicator=DT_LUOT`,
      },
      status: 404,
    }),
  },
  'GET /api/dashboard': {
    inside: async () => ({ method: 'GET', url: `/api/dashboard?organizationId=${hp}` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/dashboard?organizationId=${ct}` },
      status: 404,
    }),
  },
  'POST /api/documents': {
    inside: async () => ({
      method: 'POST',
      url: '/api/documents',
      payload: { kind: 'annex_xlsx', roundId: await consolidationRound(), organizationId: hp },
    }),
    outside: async () => ({
      req: {
        method: 'POST',
        url: '/api/documents',
        payload: { kind: 'annex_xlsx', roundId: await consolidationRound(), organizationId: ct },
      },
      status: 404,
    }),
  },
  'GET /api/documents/:id': {
    inside: async () => ({ method: 'GET', url: `/api/documents/${await documentAbout(hp)}` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/documents/${await documentAbout(ct)}` },
      status: 404,
    }),
  },
  'GET /api/documents/:id/file': {
    inside: async () => ({ method: 'GET', url: `/api/documents/${await documentAbout(hp)}/file` }),
    outside: async () => ({
      req: { method: 'GET', url: `/api/documents/${await documentAbout(ct)}/file` },
      status: 404,
    }),
  },
};

/** Routes any signed-in user may call, and public ones: only who may call them is checked here. */
const OPEN_CASES: Record<string, () => Req> = {
  'GET /api/health': () => ({ method: 'GET', url: '/api/health' }),
  'GET /api/reference': () => ({ method: 'GET', url: '/api/reference' }),
  'GET /api/openapi.json': () => ({ method: 'GET', url: '/api/openapi.json' }),
  'GET /api/public/organizations': () => ({ method: 'GET', url: '/api/public/organizations' }),
  'POST /api/auth/sign-in': () => ({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { login: 'khong-co', password: 'x' },
  }),
  'POST /api/auth/two-factor': () => ({
    method: 'POST',
    url: '/api/auth/two-factor',
    payload: { code: '123456' },
  }),
  'POST /api/setup': () => ({
    method: 'POST',
    url: '/api/setup',
    payload: {
      token: 'khong-dung-ma-nay',
      name: 'A',
      username: 'abc',
      email: 'a@b.vn',
      password: 'mat-khau-dai-2025',
    },
  }),
  'GET /api/auth/me': () => ({ method: 'GET', url: '/api/auth/me' }),
  'POST /api/auth/sign-out': () => ({ method: 'POST', url: '/api/auth/sign-out' }),
  'POST /api/auth/password': () => ({
    method: 'POST',
    url: '/api/auth/password',
    payload: { currentPassword: 'sai', newPassword: 'mat-khau-moi-2025' },
  }),
  'POST /api/auth/two-factor/setup': () => ({
    method: 'POST',
    url: '/api/auth/two-factor/setup',
    payload: { password: 'sai' },
  }),
  'POST /api/auth/two-factor/confirm': () => ({
    method: 'POST',
    url: '/api/auth/two-factor/confirm',
    payload: { code: '000000' },
  }),
  'POST /api/auth/two-factor/disable': () => ({
    method: 'POST',
    url: '/api/auth/two-factor/disable',
    payload: { password: 'sai' },
  }),
};

const send = (c: Client, r: Req): Promise<LightMyRequestResponse> =>
  c.request({
    method: r.method,
    url: r.url,
    ...(r.payload === undefined ? {} : { payload: r.payload as object }),
    ...(r.headers ? { headers: r.headers } : {}),
  });

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  const root = await createRoot(t.db);
  hp = (
    await createOrganization(
      t.db,
      {
        code: 'LHH-31',
        kind: 'provincial_union',
        fullName: 'Liên hiệp Hội Hải Phòng',
        parentId: root,
        foundedOn: '1992-01-01',
      },
      null,
    )
  ).id;
  ct = (
    await createOrganization(
      t.db,
      {
        code: 'LHH-92',
        kind: 'provincial_union',
        fullName: 'Liên hiệp Hội Cần Thơ',
        parentId: root,
        foundedOn: '1992-01-01',
      },
      null,
    )
  ).id;
  for (const role of ROLES) {
    await createUser(t.db, `vaitro.${role}`, [
      { role, organizationId: role === 'system_admin' ? root : hp },
    ]);
    let c = await signIn(t.app, `vaitro.${role}`);
    if (role === 'system_admin') {
      // mandatory two-factor: set it up, then sign in again with a code
      const setup = await c.post('/api/auth/two-factor/setup', {
        password: 'mat-khau-thu-nghiem-2025',
      });
      const uri = setup.json<{ totpUri: string }>().totpUri;
      expect(
        (await c.post('/api/auth/two-factor/confirm', { code: totpFromUri(uri) })).statusCode,
      ).toBe(204);
      c = await signInWithCode(t.app, `vaitro.${role}`, () => totpFromUri(uri));
    }
    clients.set(role, c);
  }
});
afterAll(async () => {
  await t.close();
});

describe('authorisation matrix', () => {
  it('every /api route declares a policy and has a case here', () => {
    const missing = t.app.routeTable
      .filter((r) => !r.url.startsWith('/api/docs'))
      .filter(
        (r) =>
          r.policy === undefined ||
          !(`${r.method} ${r.url}` in CASES || `${r.method} ${r.url}` in OPEN_CASES),
      )
      .map((r) => `${r.method} ${r.url} (policy: ${r.policy ?? 'none'})`);
    expect(missing).toEqual([]);
  });

  it('anonymous callers get 401 everywhere but on public routes', async () => {
    const anon = clientWith(t.app, '');
    for (const r of t.app.routeTable.filter((x) => !x.url.startsWith('/api/docs'))) {
      const key = `${r.method} ${r.url}`;
      const req = key in CASES ? await CASES[key]!.inside() : OPEN_CASES[key]!();
      const res = await send(anon, req);
      const code = res.headers['content-type']?.toString().includes('json')
        ? res.json<{ code?: string }>().code
        : undefined;
      if (r.policy === 'public') expect(code, key).not.toBe('unauthenticated');
      else expect([res.statusCode, code], key).toEqual([401, 'unauthenticated']);
    }
  });

  for (const role of ROLES) {
    it(`${role}: inside its subtree it may do exactly what its role allows; outside, nothing`, async () => {
      const c = clients.get(role)!;
      for (const r of t.app.routeTable) {
        const key = `${r.method} ${r.url}`;
        const kase = CASES[key];
        if (!kase || r.policy === undefined || r.policy === 'public' || r.policy === 'signed_in')
          continue;
        const allowed =
          ROLE_PERMISSIONS[role].includes(r.policy) && (!kase.rootOnly || role === 'system_admin');
        const inside = await send(c, await kase.inside());
        if (allowed) expect(inside.statusCode, `${key} inside: ${inside.body}`).toBeLessThan(300);
        else expect(inside.statusCode, `${key} inside`).toBe(403);
        if (kase.outside) {
          const { req, status } = await kase.outside();
          const outside = await send(c, req);
          if (!allowed) expect(outside.statusCode, `${key} outside`).toBe(403);
          else if (role === 'system_admin')
            expect(outside.statusCode, `${key} outside (admin sees all)`).toBeLessThan(300);
          else expect(outside.statusCode, `${key} outside: ${outside.body}`).toBe(status);
        }
      }
    });
  }

  it('lists hold only what lies inside the subtree', async () => {
    const c = clients.get('editor')!;
    const list = await c.get('/api/organizations?pageSize=100');
    const codes = list.json<{ items: { code: string }[] }>().items.map((i) => i.code);
    expect(codes).toContain('LHH-31');
    expect(codes).not.toContain('LHH-92');
    expect(codes).not.toContain('VUSTA');
    const people = await c.get('/api/people?pageSize=100');
    const items = people.json<{ items: { id: string; fullName: string }[] }>().items;
    expect(items.some((p) => peopleIn.hp.has(p.id))).toBe(true);
    // neither those made directly in Cần Thơ nor those the administrator added there
    expect(items.filter((p) => peopleIn.ct.has(p.id) || p.fullName.includes('Ngoài'))).toEqual([]);
    const experts = await c.get('/api/people/experts?pageSize=100');
    expect(experts.statusCode).toBe(200);
    const users = await clients.get('unit_admin')!.get('/api/users?pageSize=100');
    const names = users.json<{ items: { username: string }[] }>().items.map((u) => u.username);
    expect(names).toContain('vaitro.viewer');
    expect(names).not.toContain('vaitro.system_admin');
  });
});

// ── activities (modules/activities): the cases, built by a hoisted function ──
function activityCases(): Record<string, Case> {
  const activityIn = async (where: 'hp' | 'ct'): Promise<string> =>
    (
      await t.db
        .insertInto('activity')
        .values({
          organization_id: where === 'hp' ? hp : ct,
          kind: 'training',
          title: `Lớp tập huấn ${++seq}`,
          starts_on: '2025-03-01',
          ends_on: '2025-03-02',
          sessions: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const attachmentIn = async (where: 'hp' | 'ct'): Promise<string> => {
    const activityId = await activityIn(where);
    const f = await t.db
      .insertInto('activity_attachment')
      .values({
        activity_id: activityId,
        file_name: 'bien-ban.pdf',
        media_type: 'application/pdf',
        size: 9,
        content: Buffer.from('%PDF-1.4\n'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return `/api/activities/${activityId}/attachments/${f.id}`;
  };
  const body = (orgId: string) => ({
    organizationId: orgId,
    kind: 'event',
    title: `Hội thảo khoa học ${++seq}`,
    startsOn: '2025-05-10',
    endsOn: '2025-05-10',
    figures: { participants: 80 },
  });
  const pdf = (activityId: string): Req => ({
    method: 'POST',
    url: `/api/activities/${activityId}/attachments?fileName=bien-ban.pdf`,
    payload: '%PDF-1.4\n%âãÏÓ\n',
    headers: { 'content-type': 'application/octet-stream' },
  });
  return {
    'GET /api/activities': {
      inside: async () => ({ method: 'GET', url: `/api/activities?organizationId=${hp}` }),
      outside: async () => ({
        req: { method: 'GET', url: `/api/activities?organizationId=${ct}` },
        status: 404,
      }),
    },
    'GET /api/activities/export': {
      inside: async () => ({
        method: 'GET',
        url: `/api/activities/export?organizationId=${hp}&format=csv`,
      }),
      outside: async () => ({
        req: { method: 'GET', url: `/api/activities/export?organizationId=${ct}&format=csv` },
        status: 404,
      }),
    },
    'GET /api/activities/summary': {
      inside: async () => ({ method: 'GET', url: `/api/activities/summary?organizationId=${hp}` }),
      outside: async () => ({
        req: { method: 'GET', url: `/api/activities/summary?organizationId=${ct}` },
        status: 404,
      }),
    },
    'GET /api/activities/:id': {
      inside: async () => ({ method: 'GET', url: `/api/activities/${await activityIn('hp')}` }),
      outside: async () => ({
        req: { method: 'GET', url: `/api/activities/${await activityIn('ct')}` },
        status: 404,
      }),
    },
    'POST /api/activities': {
      inside: async () => ({ method: 'POST', url: '/api/activities', payload: body(hp) }),
      outside: async () => ({
        req: { method: 'POST', url: '/api/activities', payload: body(ct) },
        status: 403,
      }),
    },
    'PATCH /api/activities/:id': {
      inside: async () => ({
        method: 'PATCH',
        url: `/api/activities/${await activityIn('hp')}`,
        payload: { figures: { attendances: 120 } },
      }),
      outside: async () => ({
        req: {
          method: 'PATCH',
          url: `/api/activities/${await activityIn('ct')}`,
          payload: { figures: { attendances: 120 } },
        },
        status: 404,
      }),
    },
    'DELETE /api/activities/:id': {
      inside: async () => ({ method: 'DELETE', url: `/api/activities/${await activityIn('hp')}` }),
      outside: async () => ({
        req: { method: 'DELETE', url: `/api/activities/${await activityIn('ct')}` },
        status: 404,
      }),
    },
    'POST /api/activities/:id/attachments': {
      inside: async () => pdf(await activityIn('hp')),
      outside: async () => ({ req: pdf(await activityIn('ct')), status: 404 }),
    },
    'GET /api/activities/:id/attachments/:attachmentId': {
      inside: async () => ({ method: 'GET', url: await attachmentIn('hp') }),
      outside: async () => ({ req: { method: 'GET', url: await attachmentIn('ct') }, status: 404 }),
    },
    'DELETE /api/activities/:id/attachments/:attachmentId': {
      inside: async () => ({ method: 'DELETE', url: await attachmentIn('hp') }),
      outside: async () => ({
        req: { method: 'DELETE', url: await attachmentIn('ct') },
        status: 404,
      }),
    },
  };
}

// ── reporting definitions (modules/reporting indicator.*, form.*) and notifications ──
function reportingDefinitionCases(): Record<string, Case> {
  const none = '00000000-0000-4000-8000-000000000000';
  const indicator = async (): Promise<string> =>
    (
      await t.db
        .insertInto('indicator')
        .values({
          code: `MA_TRAN_${++seq}`,
          name: `Chỉ tiêu thử ${seq}`,
          unit: 'việc',
          category: 'other',
          source: 'manual',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  /** A form with one version (a draft holding one section, or published), made directly. */
  const version = async (published: boolean): Promise<{ formId: string; versionId: string }> => {
    const form = await t.db
      .insertInto('report_form')
      .values({ code: `BM-${++seq}`, name: `Biểu mẫu thử ${seq}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const v = await t.db
      .insertInto('report_form_version')
      .values({ form_id: form.id, version: 1, published_at: published ? new Date() : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('report_form_item')
      .values({
        form_version_id: v.id,
        position: 0,
        item_type: 'section',
        label: 'Kết quả đạt được',
        section_code: 'results',
      })
      .execute();
    return { formId: form.id, versionId: v.id };
  };
  const rootOnly = true;
  return {
    'GET /api/indicators': {
      inside: async () => ({ method: 'GET', url: '/api/indicators' }),
      outside: null,
    },
    'GET /api/indicators/:id': {
      inside: async () => ({ method: 'GET', url: `/api/indicators/${await indicator()}` }),
      outside: null,
    },
    'POST /api/indicators': {
      rootOnly,
      inside: async () => ({
        method: 'POST',
        url: '/api/indicators',
        payload: {
          code: `CT_${++seq}`,
          name: 'Số lớp trực tuyến',
          unit: 'lớp',
          category: 'training',
          source: 'activities',
          rule: { kind: 'training', modes: ['online'], measure: 'count' },
        },
      }),
      outside: null,
    },
    'PATCH /api/indicators/:id': {
      rootOnly,
      inside: async () => ({
        method: 'PATCH',
        url: `/api/indicators/${await indicator()}`,
        payload: { name: 'Tên đã sửa' },
      }),
      outside: null,
    },
    'GET /api/report-forms': {
      inside: async () => ({ method: 'GET', url: '/api/report-forms' }),
      outside: null,
    },
    'GET /api/report-form-versions/:id': {
      inside: async () => ({
        method: 'GET',
        url: `/api/report-form-versions/${(await version(true)).versionId}`,
      }),
      outside: null,
    },
    'POST /api/report-forms': {
      rootOnly,
      inside: async () => ({
        method: 'POST',
        url: '/api/report-forms',
        payload: { code: `BM-MOI-${++seq}`, name: 'Biểu mẫu mới' },
      }),
      outside: null,
    },
    'POST /api/report-forms/:id/versions': {
      rootOnly,
      inside: async () => ({
        method: 'POST',
        url: `/api/report-forms/${(await version(true)).formId}/versions`,
        payload: {},
      }),
      outside: null,
    },
    'PUT /api/report-form-versions/:id/items': {
      rootOnly,
      inside: async () => ({
        method: 'PUT',
        url: `/api/report-form-versions/${(await version(false)).versionId}/items`,
        payload: {
          items: [
            { type: 'group', label: 'Nhóm 1' },
            { type: 'indicator', indicatorCode: 'DT_LOP' },
          ],
        },
      }),
      outside: null,
    },
    'POST /api/report-form-versions/:id/publish': {
      rootOnly,
      inside: async () => ({
        method: 'POST',
        url: `/api/report-form-versions/${(await version(false)).versionId}/publish`,
      }),
      outside: null,
    },
    'DELETE /api/report-form-versions/:id': {
      rootOnly,
      inside: async () => ({
        method: 'DELETE',
        url: `/api/report-form-versions/${(await version(false)).versionId}`,
      }),
      outside: null,
    },
    // signed_in: only who may call them is checked here (their own tests: only one's own)
    'GET /api/notifications': {
      inside: async () => ({ method: 'GET', url: '/api/notifications' }),
      outside: null,
    },
    'POST /api/notifications/read-all': {
      inside: async () => ({ method: 'POST', url: '/api/notifications/read-all' }),
      outside: null,
    },
    'POST /api/notifications/:id/read': {
      inside: async () => ({ method: 'POST', url: `/api/notifications/${none}/read` }),
      outside: null,
    },
  };
}

// ── reporting rounds and submissions (modules/reporting round.*, submission.*) ──
let roundSeq = 0;
let roundYear = 2100;
const reportingUnit: { hp?: string; ct?: string } = {};
async function standardFormVersion(): Promise<string> {
  const v = await t.db
    .selectFrom('report_form_version as v')
    .innerJoin('report_form as f', 'f.id', 'v.form_id')
    .select('v.id')
    .where('f.code', '=', 'BC-DINH-KY')
    .executeTakeFirstOrThrow();
  return v.id;
}
/** A round opened by the subtree's root for a fresh unit below it, made directly. */
async function roundIn(where: 'hp' | 'ct'): Promise<{ roundId: string; unitId: string }> {
  const parent = where === 'hp' ? hp : ct;
  // one reporting unit per subtree: a unit may report in many rounds
  const unitId = (reportingUnit[where] ??= await org(parent));
  const r = await t.db
    .insertInto('reporting_round')
    .values({
      organization_id: parent,
      form_version_id: await standardFormVersion(),
      period_type: 'custom',
      year: 2025,
      title: `Đợt thử nghiệm ${++roundSeq}`,
      window_from: '2025-01-01',
      window_to: '2025-12-31',
      deadline: '2099-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('round_reporter')
    .values({
      round_id: r.id,
      organization_id: unitId,
      name_at_open: 'Hội thử nghiệm',
      kind_at_open: 'member_association',
    })
    .execute();
  return { roundId: r.id, unitId };
}
async function submissionIn(
  where: 'hp' | 'ct',
  status: 'draft' | 'submitted' = 'draft',
): Promise<string> {
  const { roundId, unitId } = await roundIn(where);
  const s = await t.db
    .insertInto('submission')
    .values({
      round_id: roundId,
      organization_id: unitId,
      status,
      submitted_at: status === 'draft' ? null : new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return s.id;
}
async function submissionAttachmentIn(where: 'hp' | 'ct'): Promise<string> {
  const id = await submissionIn(where);
  const a = await t.db
    .insertInto('submission_attachment')
    .values({
      submission_id: id,
      file_name: 'bien-ban.pdf',
      media_type: 'application/pdf',
      size: 9,
      content: Buffer.from('%PDF-1.4\n'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `/api/submissions/${id}/attachments/${a.id}`;
}
function reportingRoundCases(): Record<string, Case> {
  const onRound = (method: 'PATCH' | 'POST', suffix: string, payload?: unknown) => (): Case => ({
    inside: async () => ({
      method,
      url: `/api/rounds/${(await roundIn('hp')).roundId}${suffix}`,
      ...(payload === undefined ? {} : { payload }),
    }),
    outside: async () => ({
      req: {
        method,
        url: `/api/rounds/${(await roundIn('ct')).roundId}${suffix}`,
        ...(payload === undefined ? {} : { payload }),
      },
      status: 404,
    }),
  });
  const onSubmission = (
    method: 'GET' | 'PUT' | 'PATCH' | 'POST',
    suffix: string,
    payload?: unknown,
    status: 'draft' | 'submitted' = 'draft',
  ): Case => ({
    inside: async () => ({
      method,
      url: `/api/submissions/${await submissionIn('hp', status)}${suffix}`,
      ...(payload === undefined ? {} : { payload }),
    }),
    outside: async () => ({
      req: {
        method,
        url: `/api/submissions/${await submissionIn('ct', status)}${suffix}`,
        ...(payload === undefined ? {} : { payload }),
      },
      status: 404,
    }),
  });
  const pdf = (url: string): Req => ({
    method: 'POST',
    url: `${url}/attachments?fileName=${encodeURIComponent('Biên bản.pdf')}`,
    payload: '%PDF-1.4\n',
    headers: { 'content-type': 'application/octet-stream' },
  });
  return {
    'GET /api/rounds': {
      inside: async () => ({ method: 'GET', url: `/api/rounds?organizationId=${hp}` }),
      outside: async () => ({
        req: { method: 'GET', url: `/api/rounds?organizationId=${ct}` },
        status: 404,
      }),
    },
    'GET /api/rounds/reporter-candidates': {
      inside: async () => ({
        method: 'GET',
        url: `/api/rounds/reporter-candidates?organizationId=${hp}`,
      }),
      outside: async () => ({
        req: { method: 'GET', url: `/api/rounds/reporter-candidates?organizationId=${ct}` },
        status: 404,
      }),
    },
    'GET /api/rounds/:id': {
      inside: async () => ({ method: 'GET', url: `/api/rounds/${(await roundIn('hp')).roundId}` }),
      outside: async () => ({
        req: { method: 'GET', url: `/api/rounds/${(await roundIn('ct')).roundId}` },
        status: 404,
      }),
    },
    'POST /api/rounds': {
      inside: async () => ({
        method: 'POST',
        url: '/api/rounds',
        payload: {
          organizationId: hp,
          formVersionId: await standardFormVersion(),
          periodType: 'year',
          year: ++roundYear,
          deadline: '2200-01-01',
        },
      }),
      outside: async () => ({
        req: {
          method: 'POST',
          url: '/api/rounds',
          payload: {
            organizationId: ct,
            formVersionId: await standardFormVersion(),
            periodType: 'year',
            year: ++roundYear,
            deadline: '2200-01-01',
          },
        },
        status: 403,
      }),
    },
    'PATCH /api/rounds/:id': onRound('PATCH', '', { deadline: '2099-02-01', graceDays: 5 })(),
    'POST /api/rounds/:id/close': onRound('POST', '/close')(),
    'POST /api/rounds/:id/remind': onRound('POST', '/remind')(),
    'POST /api/rounds/:id/submissions': {
      inside: async () => {
        const r = await roundIn('hp');
        return {
          method: 'POST',
          url: `/api/rounds/${r.roundId}/submissions`,
          payload: { organizationId: r.unitId },
        };
      },
      outside: async () => {
        const r = await roundIn('ct');
        return {
          req: {
            method: 'POST',
            url: `/api/rounds/${r.roundId}/submissions`,
            payload: { organizationId: r.unitId },
          },
          status: 404,
        };
      },
    },
    'GET /api/submissions/:id': onSubmission('GET', ''),
    'PATCH /api/submissions/:id': onSubmission('PATCH', '', { place: 'Hải Phòng' }),
    'PUT /api/submissions/:id/values/:code': onSubmission('PUT', '/values/TC_HOI_VIEN_MOI', {
      value: 12,
    }),
    'GET /api/submissions/:id/values/:code/sources': onSubmission('GET', '/values/DT_LUOT/sources'),
    'PUT /api/submissions/:id/sections/:code': onSubmission('PUT', '/sections/results', {
      body: 'Kết quả nổi bật trong kỳ.',
    }),
    'POST /api/submissions/:id/attachments': {
      inside: async () => pdf(`/api/submissions/${await submissionIn('hp')}`),
      outside: async () => ({
        req: pdf(`/api/submissions/${await submissionIn('ct')}`),
        status: 404,
      }),
    },
    'GET /api/submissions/:id/attachments/:attachmentId': {
      inside: async () => ({ method: 'GET', url: await submissionAttachmentIn('hp') }),
      outside: async () => ({
        req: { method: 'GET', url: await submissionAttachmentIn('ct') },
        status: 404,
      }),
    },
    'DELETE /api/submissions/:id/attachments/:attachmentId': {
      inside: async () => ({ method: 'DELETE', url: await submissionAttachmentIn('hp') }),
      outside: async () => ({
        req: { method: 'DELETE', url: await submissionAttachmentIn('ct') },
        status: 404,
      }),
    },
    'POST /api/submissions/:id/submit': onSubmission('POST', '/submit'),
    'POST /api/submissions/:id/review': onSubmission(
      'POST',
      '/review',
      { action: 'approve' },
      'submitted',
    ),
  };
}
