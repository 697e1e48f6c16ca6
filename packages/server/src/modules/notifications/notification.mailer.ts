import nodemailer from 'nodemailer';
import type { Database } from '../../db/database.js';
import { notificationRepository, type PendingEmailRow } from './notification.repository.js';

export interface MailOptions {
  /** smtp://user:pass@host:port (smtps:// for implicit TLS). */
  smtpUrl: string;
  /** The sender, e.g. "Liên hiệp các Hội KH&KT Việt Nam <thongbao@vusta.vn>". */
  from: string;
  /** The address users reach the app at: notification links become absolute URLs from it. */
  publicUrl: string;
  log: (msg: string, err?: unknown) => void;
}

export interface Mailer {
  /** Sends what is pending soon (several passes, for a transaction that commits a little later). */
  kick(): void;
  /** Sends every committed notification still waiting for its e-mail; how many were sent. */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

/** Attempts before an address that keeps failing is given up (the error stays on the row). */
const MAX_ATTEMPTS = 5;
const BATCH = 50;
/** The periodic pass catches what a kick missed (a transaction committed after its passes). */
const SWEEP_MS = 60_000;

/** The plain-text message for one notification, in Vietnamese. */
export function emailText(
  row: Pick<PendingEmailRow, 'name' | 'title' | 'body' | 'link'>,
  publicUrl: string,
): string {
  const lines = [`Kính gửi ${row.name},`, '', row.title];
  if (row.body) lines.push('', row.body);
  if (row.link) lines.push('', `Xem chi tiết: ${new URL(row.link, publicUrl).toString()}`);
  lines.push(
    '',
    '--',
    'Thư này được gửi tự động từ hệ thống thông tin của Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam.',
    'Vui lòng không trả lời thư này. Bạn xem mọi thông báo tại mục Thông báo khi đăng nhập hệ thống.',
  );
  return lines.join('\n');
}

/**
 * The e-mail copy of notifications, as an outbox: notifications written while mail is configured
 * are marked pending in the writer's transaction; once committed they are picked up here (rows
 * locked with SKIP LOCKED, so two passes never send one twice) and sent one by one. A failure is
 * logged and retried on a later pass, never reported to the request that caused the notification.
 */
export function createMailer(db: Database, opts: MailOptions): Mailer {
  // one reused connection; bounded waits, so a stalled server cannot hold a pass (and the rows it
  // has claimed) for long
  const transport = nodemailer.createTransport({
    url: opts.smtpUrl,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const timers = new Set<NodeJS.Timeout>();
  let running: Promise<number> | null = null;
  let stopped = false;

  const sendBatch = async (): Promise<{ sent: number; claimed: number }> =>
    db.transaction().execute(async (tx) => {
      const rows = await notificationRepository.claimPendingEmails(tx, BATCH);
      let sent = 0;
      for (const row of rows) {
        try {
          await transport.sendMail({
            from: opts.from,
            to: { name: row.name, address: row.email },
            subject: row.title,
            text: emailText(row, opts.publicUrl),
          });
          await notificationRepository.markEmailed(tx, row.id);
          sent++;
        } catch (err) {
          const giveUp = row.email_attempts + 1 >= MAX_ATTEMPTS;
          opts.log(
            `không gửi được thư thông báo tới ${row.email}${giveUp ? ' (thôi thử lại)' : ''}`,
            err,
          );
          await notificationRepository.markEmailFailed(
            tx,
            row.id,
            err instanceof Error ? err.message : String(err),
            giveUp,
          );
        }
      }
      return { sent, claimed: rows.length };
    });

  const flushOnce = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const { sent, claimed } = await sendBatch();
      total += sent;
      if (claimed < BATCH) return total;
    }
  };

  const flush = async (): Promise<number> => {
    // one pass at a time in this process; a pass asked for meanwhile runs after it
    while (running) await running.catch(() => 0);
    running = flushOnce();
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  const later = (ms: number) => {
    if (stopped) return;
    const t = setTimeout(() => {
      timers.delete(t);
      flush().catch((err: unknown) => opts.log('lỗi khi gửi thư thông báo', err));
    }, ms);
    t.unref();
    timers.add(t);
  };

  const sweep = setInterval(() => later(0), SWEEP_MS);
  sweep.unref();

  return {
    kick() {
      for (const ms of [200, 2_000, 10_000]) later(ms);
    },
    flush,
    async stop() {
      stopped = true;
      clearInterval(sweep);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await running?.catch(() => 0);
      transport.close();
    },
  };
}
