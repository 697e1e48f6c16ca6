import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';
import { addDays } from '../../shared/dates.js';
import { flushNotificationEmails, notificationService } from './notification.service.js';
import { runRoundReminders } from './reminder.service.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
async function startSmtp(): Promise<{
  port: number;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'thongbao' && auth.password === 'mat-khau-smtp')
        cb(null, { user: 'thongbao' });
      else cb(new Error('Sai tài khoản SMTP'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded text part of a message (quoted-printable or base64, UTF-8). */
function textOf(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head!)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head!)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** A MIME encoded-word subject, decoded. */
function subjectOf(raw: string): string {
  const m = /^subject:\s*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(raw);
  const value = (m?.[1] ?? '').replace(/\r?\n[ \t]/g, ' ');
  return value
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim();
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;
const withSubject = (subject: string) => smtp.received.filter((m) => subjectOf(m.raw) === subject);

let t: TestApp;
let root: string;
let hp: string;
let hpLaw: string;
let hpMed: string;
let hpLawReporter: string;
let hpLawReporter2: string;
let hpLawLocked: string;
let hpLawViewer: string;
let hpStaff: string;
let hpMedReporter: string;
let reporter: Client;
let other: Client;

async function org(
  code: string,
  kind: 'provincial_union' | 'member_association',
  name: string,
  parentId: string,
) {
  return (
    await createOrganization(
      t.db,
      { code, kind, fullName: name, parentId, foundedOn: '2000-01-01' },
      null,
    )
  ).id;
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({
    mail: {
      smtpUrl: `smtp://thongbao:mat-khau-smtp@127.0.0.1:${smtp.port}`,
      from: 'Liên hiệp Hội Việt Nam <thongbao@lienhiep.test>',
    },
  });
  root = await createRoot(t.db);
  hp = await org('LHH-31', 'provincial_union', 'Liên hiệp Hội Hải Phòng', root);
  hpLaw = await org('LHH-31-001', 'member_association', 'Hội Luật gia Hải Phòng', hp);
  hpMed = await org('LHH-31-002', 'member_association', 'Hội Y học Hải Phòng', hp);
  hpLawReporter = await createUser(t.db, 'luatgia.bientap', [
    { role: 'editor', organizationId: hpLaw },
  ]);
  hpLawReporter2 = await createUser(t.db, 'luatgia.quantri', [
    { role: 'unit_admin', organizationId: hpLaw },
  ]);
  hpLawLocked = await createUser(t.db, 'luatgia.khoa', [{ role: 'editor', organizationId: hpLaw }]);
  await t.db.updateTable('auth_user').set({ locked: true }).where('id', '=', hpLawLocked).execute();
  hpLawViewer = await createUser(t.db, 'luatgia.xem', [{ role: 'viewer', organizationId: hpLaw }]);
  hpStaff = await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: hp }]);
  hpMedReporter = await createUser(t.db, 'yhoc.bientap', [
    { role: 'editor', organizationId: hpMed },
  ]);
  reporter = await signIn(t.app, 'luatgia.bientap');
  other = await signIn(t.app, 'yhoc.bientap');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

interface NotificationDto {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
interface ListDto {
  items: NotificationDto[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

async function notificationsOf(userId: string) {
  return t.db
    .selectFrom('notification')
    .where('user_id', '=', userId)
    .select(['kind', 'title', 'body', 'link', 'dedupe_key'])
    .orderBy('created_at')
    .execute();
}

describe('notifyOrganizationUsers', () => {
  it("reaches the unit's own staff holding the permission, not locked accounts, viewers or the staff above", async () => {
    const n = await t.db.transaction().execute((tx) =>
      notificationService.notifyOrganizationUsers(tx, [hpLaw], 'report.submit', {
        kind: 'round.opened',
        title: 'Mở kỳ báo cáo sơ kết 9 tháng đầu năm 2025',
        body: 'Hạn nộp: 10/10/2025',
        link: '/bao-cao',
      }),
    );
    expect(n).toBe(2);
    expect(await notificationsOf(hpLawReporter)).toHaveLength(1);
    expect(await notificationsOf(hpLawReporter2)).toHaveLength(1);
    expect(await notificationsOf(hpLawLocked)).toHaveLength(0);
    expect(await notificationsOf(hpLawViewer)).toHaveLength(0);
    expect(await notificationsOf(hpStaff)).toHaveLength(0);
    expect(await notificationsOf(hpMedReporter)).toHaveLength(0);
  });

  it('with a dedupe key, a user already notified is skipped; a rolled-back transaction leaves nothing', async () => {
    const send = () =>
      t.db.transaction().execute((tx) =>
        notificationService.notifyUsers(tx, [hpMedReporter, hpMedReporter], {
          kind: 'submission.returned',
          title: 'Báo cáo bị trả lại',
          dedupeKey: 'return:1',
        }),
      );
    expect(await send()).toBe(1);
    expect(await send()).toBe(0);
    await expect(
      t.db.transaction().execute(async (tx) => {
        await notificationService.notifyUsers(tx, [hpMedReporter], {
          kind: 'x',
          title: 'Không gửi',
        });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const rows = await notificationsOf(hpMedReporter);
    expect(rows.map((r) => r.title)).toEqual(['Báo cáo bị trả lại']);
  });
});

describe('the inbox', () => {
  it("lists the caller's own, newest first, with the unread count; marks one and all read", async () => {
    await t.db.transaction().execute(async (tx) => {
      for (const title of ['Thông báo thứ nhất', 'Thông báo thứ hai']) {
        await notificationService.notifyUsers(tx, [hpLawReporter], { kind: 'test', title });
      }
    });
    // distinct creation times so "newest first" is observable
    await t.db
      .updateTable('notification')
      .set({ created_at: new Date('2025-01-01T00:00:00Z') })
      .where('title', '=', 'Thông báo thứ nhất')
      .execute();
    const list = (await reporter.get('/api/notifications')).json<ListDto>();
    expect(list.total).toBe(3);
    expect(list.unread).toBe(3);
    expect(list.items.at(-1)!.title).toBe('Thông báo thứ nhất');
    expect(list.items.every((i) => i.readAt === null)).toBe(true);

    const paged = (await reporter.get('/api/notifications?page=2&pageSize=2')).json<ListDto>();
    expect(paged.items.map((i) => i.title)).toEqual(['Thông báo thứ nhất']);

    const first = list.items[0]!;
    // someone else's notification does not exist for this caller
    expect((await other.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(404);
    const read = await reporter.post(`/api/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json<NotificationDto>().readAt).not.toBeNull();
    const after = (await reporter.get('/api/notifications')).json<ListDto>();
    expect(after.unread).toBe(2);
    const unreadOnly = (await reporter.get('/api/notifications?unread=true')).json<ListDto>();
    expect(unreadOnly.items).toHaveLength(2);
    expect(unreadOnly.items.map((i) => i.id)).not.toContain(first.id);

    const all = await reporter.post('/api/notifications/read-all');
    expect(all.json<{ updated: number }>().updated).toBe(2);
    expect((await reporter.get('/api/notifications')).json<ListDto>().unread).toBe(0);
    // the other user's inbox is untouched
    expect((await other.get('/api/notifications')).json<ListDto>().unread).toBe(1);
  });

  it('refuses a bad id and a bad filter with a Vietnamese problem', async () => {
    const bad = await reporter.post('/api/notifications/khong-phai-uuid/read');
    expect(bad.statusCode).toBe(400);
    const filter = await reporter.get('/api/notifications?unread=co');
    expect(filter.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});

describe('reminders of a round', () => {
  let roundId: string;
  const deadline = '2025-10-10';

  beforeAll(async () => {
    const version = await t.db
      .selectFrom('report_form_version')
      .where('published_at', 'is not', null)
      .select('id')
      .executeTakeFirstOrThrow();
    const round = await t.db
      .insertInto('reporting_round')
      .values({
        organization_id: hp,
        form_version_id: version.id,
        period_type: 'nine_months',
        year: 2025,
        title: 'Báo cáo sơ kết 9 tháng đầu năm 2025',
        window_from: '2024-12-15',
        window_to: '2025-09-14',
        deadline,
        grace_days: 5,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    roundId = round.id;
    await t.db
      .insertInto('round_reporter')
      .values([
        {
          round_id: roundId,
          organization_id: hpLaw,
          name_at_open: 'Hội Luật gia Hải Phòng',
          kind_at_open: 'member_association',
        },
        {
          round_id: roundId,
          organization_id: hpMed,
          name_at_open: 'Hội Y học Hải Phòng',
          kind_at_open: 'member_association',
        },
      ])
      .execute();
    // Hội Y học has already sent its report: it is reminded of nothing
    await t.db
      .insertInto('submission')
      .values({
        round_id: roundId,
        organization_id: hpMed,
        status: 'submitted',
        submitted_at: new Date(),
      })
      .execute();
  });

  const reminders = async (userId: string) =>
    (await notificationsOf(userId)).filter(
      (r) => r.kind === 'round.due_soon' || r.kind === 'round.overdue',
    );

  it('says nothing a week before, "sắp đến hạn" within 3 days, once; nothing in the grace days; "quá hạn" after, once', async () => {
    expect(await runRoundReminders(t.db, addDays(deadline, -7))).toEqual({
      dueSoon: 0,
      overdue: 0,
    });
    expect(await reminders(hpLawReporter)).toHaveLength(0);

    expect(await runRoundReminders(t.db, addDays(deadline, -3))).toEqual({
      dueSoon: 2,
      overdue: 0,
    });
    const soon = await reminders(hpLawReporter);
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({
      kind: 'round.due_soon',
      title: 'Sắp đến hạn nộp báo cáo: Báo cáo sơ kết 9 tháng đầu năm 2025',
      body: 'Hội Luật gia Hải Phòng: hạn nộp báo cáo là ngày 10/10/2025 (còn 3 ngày). Báo cáo của đơn vị chưa được gửi.',
      link: `/bao-cao/dot/${roundId}`,
    });
    // the next days and a second run the same day send nothing twice
    expect(await runRoundReminders(t.db, addDays(deadline, -3))).toEqual({
      dueSoon: 0,
      overdue: 0,
    });
    expect(await runRoundReminders(t.db, deadline)).toEqual({ dueSoon: 0, overdue: 0 });
    // within the grace days (deadline + 5): not yet overdue
    expect(await runRoundReminders(t.db, addDays(deadline, 5))).toEqual({ dueSoon: 0, overdue: 0 });

    expect(await runRoundReminders(t.db, addDays(deadline, 6))).toEqual({ dueSoon: 0, overdue: 2 });
    const late = await reminders(hpLawReporter);
    expect(late.map((r) => r.kind)).toEqual(['round.due_soon', 'round.overdue']);
    expect(late[1]!.title).toBe('Quá hạn nộp báo cáo: Báo cáo sơ kết 9 tháng đầu năm 2025');
    expect(late[1]!.body).toBe(
      'Hội Luật gia Hải Phòng: đã quá hạn nộp báo cáo (hạn 10/10/2025 và 5 ngày gia hạn), chậm 6 ngày. Đề nghị đơn vị hoàn thiện và gửi báo cáo sớm.',
    );
    expect(await runRoundReminders(t.db, addDays(deadline, 9))).toEqual({
      dueSoon: 0,
      overdue: 0,
    });
    // e-mailed too, each once, to each reporter
    await flushNotificationEmails();
    const overdue = withSubject('Quá hạn nộp báo cáo: Báo cáo sơ kết 9 tháng đầu năm 2025');
    expect(overdue.flatMap((m) => m.to).sort()).toEqual([
      'luatgia.bientap@thu-nghiem.vn',
      'luatgia.quantri@thu-nghiem.vn',
    ]);
    expect(textOf(overdue[0]!.raw)).toContain('chậm 6 ngày');

    // the unit that submitted, the staff above and the locked account got none
    expect(await reminders(hpMedReporter)).toHaveLength(0);
    expect(await reminders(hpStaff)).toHaveLength(0);
    expect(await reminders(hpLawLocked)).toHaveLength(0);
    expect(await reminders(hpLawReporter2)).toHaveLength(2);
  });

  it('a closed round reminds nobody', async () => {
    await t.db
      .updateTable('reporting_round')
      .set({ status: 'closed' })
      .where('id', '=', roundId)
      .execute();
    await t.db.deleteFrom('notification').where('kind', 'like', 'round.%').execute();
    expect(await runRoundReminders(t.db, addDays(deadline, 6))).toEqual({ dueSoon: 0, overdue: 0 });
  });
});

async function waitUntil(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('e-mail', () => {
  it('each notification is e-mailed through the SMTP server after its transaction commits', async () => {
    await t.db.transaction().execute((tx) =>
      notificationService.notifyUsers(tx, [hpMedReporter], {
        kind: 'submission.approved',
        title: 'Báo cáo 9 tháng năm 2025 đã được duyệt',
        body: 'Liên hiệp Hội Hải Phòng đã duyệt báo cáo của Hội Y học Hải Phòng.',
        link: '/bao-cao/ky/abc',
      }),
    );
    await waitUntil(() => withSubject('Báo cáo 9 tháng năm 2025 đã được duyệt').length > 0);
    const [mail, ...more] = withSubject('Báo cáo 9 tháng năm 2025 đã được duyệt');
    expect(more).toEqual([]);
    expect(mail!.to).toEqual(['yhoc.bientap@thu-nghiem.vn']);
    expect(mail!.from).toBe('thongbao@lienhiep.test');
    const text = textOf(mail!.raw);
    expect(text).toContain('Kính gửi Người dùng yhoc.bientap,');
    expect(text).toContain('Liên hiệp Hội Hải Phòng đã duyệt báo cáo của Hội Y học Hải Phòng.');
    expect(text).toContain(`Xem chi tiết: ${TEST_ORIGIN}/bao-cao/ky/abc`);
    const sent = () =>
      t.db
        .selectFrom('notification')
        .where('title', '=', 'Báo cáo 9 tháng năm 2025 đã được duyệt')
        .select(['email_pending', 'emailed_at'])
        .executeTakeFirstOrThrow();
    // the SMTP server has the message a moment before the sender records it as sent
    await waitUntil(async () => (await sent()).emailed_at !== null);
    const row = await sent();
    expect(row.email_pending).toBe(false);
    expect(row.emailed_at).not.toBeNull();
  });

  it('a rolled-back notification is never e-mailed; a refused address is kept with its error', async () => {
    await t.db
      .transaction()
      .execute(async (tx) => {
        await notificationService.notifyUsers(tx, [hpMedReporter], {
          kind: 'x',
          title: 'Không được gửi',
        });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await t.db
      .updateTable('auth_user')
      .set({ email: 'khong-hop-le' })
      .where('id', '=', hpStaff)
      .execute();
    await t.db
      .transaction()
      .execute((tx) =>
        notificationService.notifyUsers(tx, [hpStaff], { kind: 'x', title: 'Địa chỉ hỏng' }),
      );
    const failed = () =>
      t.db
        .selectFrom('notification')
        .where('title', '=', 'Địa chỉ hỏng')
        .select(['email_pending', 'email_attempts', 'email_error'])
        .executeTakeFirstOrThrow();
    await waitUntil(async () => (await failed()).email_attempts >= 1);
    const row = await failed();
    expect(row.email_error).toBeTruthy();
    expect(row.email_pending).toBe(true); // retried on a later pass, up to 5 attempts
    expect(withSubject('Không được gửi')).toEqual([]);
    expect(withSubject('Địa chỉ hỏng')).toEqual([]);
  });
});
