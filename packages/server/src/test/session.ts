import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Executor } from '../db/database.js';
import type { App } from '../http/app.js';
import { createAccount } from '../modules/access/access.service.js';
import type { Role } from '../modules/access/roles.js';
import { createOrganization } from '../modules/organizations/organization.service.js';
import { TEST_ORIGIN } from './app.js';

export const PASSWORD = 'mat-khau-thu-nghiem-2025';

export async function createUser(
  db: Executor,
  username: string,
  roles: { role: Role; organizationId: string }[],
  opts: { mustChangePassword?: boolean; isDemo?: boolean } = {},
): Promise<string> {
  return createAccount(db, {
    name: `Người dùng ${username}`,
    username,
    email: `${username}@thu-nghiem.vn`,
    password: PASSWORD,
    mustChangePassword: opts.mustChangePassword ?? false,
    isDemo: opts.isDemo ?? false,
    roles,
  });
}

/** The central union, created directly (only a system administrator could through the API). */
export async function createRoot(db: Executor): Promise<string> {
  const r = await createOrganization(
    db,
    {
      code: 'VUSTA',
      kind: 'central_union',
      fullName: 'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam',
      shortName: 'Liên hiệp Hội Việt Nam',
      foundedOn: '1983-03-26',
      provinceCode: '01',
    },
    null,
  );
  return r.id;
}

export interface Client {
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** The session cookies from a response, as one Cookie header. */
export function cookiesFrom(res: LightMyRequestResponse): string {
  const raw = res.headers['set-cookie'];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((c) => c.split(';')[0]).join('; ');
}

export function clientWith(app: App, cookie: string): Client {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: { origin: TEST_ORIGIN, ...(cookie ? { cookie } : {}), ...(opts.headers ?? {}) },
    });
  return {
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) =>
      request({
        method: 'POST',
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** Signs in with the password and then the authenticator code (two-factor accounts). */
export async function signInWithCode(
  app: App,
  login: string,
  code: () => string,
  password = PASSWORD,
): Promise<Client> {
  const first = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { origin: TEST_ORIGIN },
    payload: { login, password },
  });
  if (first.json<{ status: string }>().status !== 'two_factor_required')
    throw new Error(`expected two-factor step: ${first.body}`);
  const second = await app.inject({
    method: 'POST',
    url: '/api/auth/two-factor',
    headers: { origin: TEST_ORIGIN, cookie: cookiesFrom(first) },
    payload: { code: code() },
  });
  if (second.statusCode !== 200)
    throw new Error(`two-factor failed ${second.statusCode}: ${second.body}`);
  return clientWith(app, cookiesFrom(second));
}

/** Signs in through the API and returns a client carrying the session cookie and our Origin. */
export async function signIn(app: App, login: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { origin: TEST_ORIGIN },
    payload: { login, password },
  });
  if (res.statusCode !== 200)
    throw new Error(`sign-in ${login} failed ${res.statusCode}: ${res.body}`);
  return clientWith(app, cookiesFrom(res));
}
