import path from 'node:path';
import type { Browser, Locator, Page, ViewportSize } from 'playwright-core';
import { expect } from 'vitest';
import type { Database } from '../db/database.js';
import { DEMO_PASSWORD, loadDemoAccountsIfMissing } from '../demo/accounts.js';
import { loadDemo } from '../demo/loader.js';
import { loadDemoReporting } from '../demo/reporting.js';
import { buildApp, type App } from '../http/app.js';
import { TEST_ORIGIN, TEST_SECRET } from '../test/app.js';
import { createTestDatabase } from '../test/database.js';
import { launchBrowser } from './browser.js';

/**
 * What every browser test starts from: the app in demo mode on a fresh database, serving the web
 * build on a port of its own, and Chromium to drive it; with the sign-in through the form and the
 * API read with a page's own session cookie, as the signed-in person sees it.
 */

const WEB_DIST =
  process.env.LIENHIEP_WEB_DIST ?? path.resolve(import.meta.dirname, '../../../web/dist');

/** The window the pages are laid out for unless a test asks for another. */
const DESKTOP: ViewportSize = { width: 1440, height: 900 };

export interface DemoServerOptions {
  /** The demo's organisations and accounts (the default); off for a test that builds its own. */
  demo?: boolean;
  /** Also the demo's activities and rounds, as the server loads them at start. */
  reporting?: boolean;
  /** Start the job queue (pg-boss) on the database: imports need it. */
  jobs?: boolean;
  /** What the test adds to the database before the app starts (after the demo). */
  seed?: (db: Database) => Promise<void>;
}

export interface SignIn {
  username: string;
  /** The demo accounts' password unless given. */
  password?: string;
  /** The page to go to: the sign-in form shows there, and the page itself once signed in. */
  path: string;
  /** What shows once signed in: the page's heading (its exact name), or a wait of its own. */
  ready: string | ((page: Page) => Promise<unknown>);
  viewport?: ViewportSize;
}

export interface DemoServer {
  db: Database;
  app: App;
  /** The app's address, without a trailing slash. */
  base: string;
  browser: Browser;
  /** A page of its own (separate cookies), in Vietnamese. */
  newPage: (viewport?: ViewportSize) => Promise<Page>;
  /** A new page, signed in through the form. */
  signIn: (s: SignIn) => Promise<Page>;
  /** The API with the page's own session cookie. */
  fetchAs: (page: Page, url: string) => Promise<Response>;
  /** An API read with the page's own session cookie, which must answer 200. */
  api: <T>(page: Page, url: string) => Promise<T>;
  /** Closes the browser and the app, then drops the database. */
  stop: () => Promise<void>;
}

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const t = await createTestDatabase();
  let app: App | undefined;
  let browser: Browser | undefined;
  const stop = async (): Promise<void> => {
    await browser?.close();
    await app?.close();
    await t.drop();
  };
  try {
    if (opts.demo ?? true) {
      await loadDemo(t.db);
      await loadDemoAccountsIfMissing(t.db);
    }
    if (opts.reporting) await loadDemoReporting(t.db);
    await opts.seed?.(t.db);
    app = await buildApp({
      db: t.db,
      logLevel: 'silent',
      webDist: WEB_DIST,
      authSecret: TEST_SECRET,
      publicUrl: TEST_ORIGIN,
      demoMode: true,
      ...(opts.jobs ? { jobsUrl: t.url } : {}),
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    return harness(t.db, app, base, browser, stop);
  } catch (e) {
    // what did start is closed here: the caller has nothing to stop
    await stop();
    throw e;
  }
}

function harness(
  db: Database,
  app: App,
  base: string,
  browser: Browser,
  stop: () => Promise<void>,
): DemoServer {
  const newPage = async (viewport: ViewportSize = DESKTOP): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    return context.newPage();
  };
  const fetchAs = async (page: Page, url: string): Promise<Response> => {
    const cookies = await page.context().cookies(base);
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return fetch(base + url, { headers: { cookie } });
  };
  return {
    db,
    app,
    base,
    browser,
    newPage,
    fetchAs,
    stop,
    signIn: async (s) => {
      const page = await newPage(s.viewport);
      await page.goto(base + s.path);
      await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(s.username);
      await page.getByLabel('Mật khẩu').fill(s.password ?? DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      if (typeof s.ready === 'string') {
        await page.getByRole('heading', { name: s.ready, exact: true }).waitFor();
      } else {
        await s.ready(page);
      }
      return page;
    },
    api: async <T>(page: Page, url: string): Promise<T> => {
      const res = await fetchAs(page, url);
      expect(res.status, url).toBe(200);
      return (await res.json()) as T;
    },
  };
}

/**
 * Acts until what the action should bring shows. Under the load of the whole suite a click can
 * land while a dialog or a confirmation is still animating in and be lost; the action must be
 * safe to repeat (check before clicking what may already be gone).
 */
export async function actUntil(
  action: () => Promise<void>,
  outcome: Locator,
  attempts = 4,
): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    await action();
    try {
      await outcome.waitFor({ timeout: 5_000 });
      return;
    } catch {
      // not yet: act again
    }
  }
  await outcome.waitFor();
}
