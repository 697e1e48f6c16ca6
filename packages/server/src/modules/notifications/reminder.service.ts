import { formatDate } from '@lienhiep/core';
import type { Database } from '../../db/database.js';
import { addDays, vnToday } from '../../shared/dates.js';
import { notificationService, type NotificationContent } from './notification.service.js';
import { reminderRepository, type PendingReporterRow } from './reminder.repository.js';

/** "Sắp đến hạn" is sent when the deadline is at most this many days away. */
export const DUE_SOON_DAYS = 3;

export const REMINDER_KINDS = { dueSoon: 'round.due_soon', overdue: 'round.overdue' } as const;

/** Where a reporter opens the round (and from there its report) in the app. */
export const roundLink = (roundId: string): string => `/bao-cao/dot/${roundId}`;

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface ReminderResult {
  /** Notifications written (each user once per round, unit and kind, however often it runs). */
  dueSoon: number;
  overdue: number;
}

/** What to tell the unit's reporters today, if anything. */
export function reminderFor(row: PendingReporterRow, today: string) {
  const left = daysBetween(today, row.deadline);
  const deadline = formatDate(row.deadline);
  if (left >= 0 && left <= DUE_SOON_DAYS) {
    return {
      kind: REMINDER_KINDS.dueSoon,
      title: `Sắp đến hạn nộp báo cáo: ${row.title}`,
      body:
        left === 0
          ? `${row.name_at_open}: hôm nay (${deadline}) là hạn nộp báo cáo. Báo cáo của đơn vị chưa được gửi.`
          : `${row.name_at_open}: hạn nộp báo cáo là ngày ${deadline} (còn ${left} ngày). Báo cáo của đơn vị chưa được gửi.`,
    };
  }
  const overdueFrom = addDays(row.deadline, row.grace_days);
  if (today > overdueFrom) {
    const late = daysBetween(row.deadline, today);
    const grace = row.grace_days > 0 ? ` và ${row.grace_days} ngày gia hạn` : '';
    return {
      kind: REMINDER_KINDS.overdue,
      title: `Quá hạn nộp báo cáo: ${row.title}`,
      body: `${row.name_at_open}: đã quá hạn nộp báo cáo (hạn ${deadline}${grace}), chậm ${late} ngày. Đề nghị đơn vị hoàn thiện và gửi báo cáo sớm.`,
    };
  }
  return null;
}

/**
 * The daily reminder pass: for each open round, the reporters (users holding report.submit on
 * the expected unit itself) whose report is not sent are told when the deadline is near, and
 * again once the deadline and the grace days have passed. Dedupe keys per round, unit and kind
 * make a re-run (the same day or the next) send nothing twice.
 */
export async function runRoundReminders(
  db: Database,
  today: string = vnToday(),
): Promise<ReminderResult> {
  const rows = await reminderRepository.pendingReporters(db, today, DUE_SOON_DAYS);
  const result: ReminderResult = { dueSoon: 0, overdue: 0 };
  const byRound = new Map<string, PendingReporterRow[]>();
  for (const row of rows) {
    const list = byRound.get(row.round_id) ?? [];
    list.push(row);
    byRound.set(row.round_id, list);
  }
  for (const list of byRound.values()) {
    // one transaction per round: a failure in one round does not undo the reminders of others
    await db.transaction().execute(async (tx) => {
      const byKind = new Map<string, { organizationId: string; n: NotificationContent }[]>();
      for (const row of list) {
        const r = reminderFor(row, today);
        if (!r) continue;
        const items = byKind.get(r.kind) ?? [];
        items.push({
          organizationId: row.organization_id,
          n: {
            kind: r.kind,
            title: r.title,
            body: r.body,
            link: roundLink(row.round_id),
            dedupeKey: `${r.kind}:${row.round_id}:${row.organization_id}`,
          },
        });
        byKind.set(r.kind, items);
      }
      for (const [kind, items] of byKind) {
        const sent = await notificationService.notifyEachOrganization(tx, 'report.submit', items);
        if (kind === REMINDER_KINDS.dueSoon) result.dueSoon += sent;
        else result.overdue += sent;
      }
    });
  }
  return result;
}
