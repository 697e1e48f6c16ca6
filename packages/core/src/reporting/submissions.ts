/**
 * The one state machine of a report (submission):
 *   draft → submitted → (returned → resubmitted)* → approved → locked
 * The server applies nothing else; the browser reads the same table to offer only legal actions.
 */

export const SUBMISSION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'resubmitted',
  'approved',
  'locked',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_STATUS_LABELS: Readonly<
  Record<SubmissionStatus, { vi: string; en: string }>
> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  resubmitted: { vi: 'Đã nộp lại', en: 'Resubmitted' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  locked: { vi: 'Đã khóa', en: 'Locked' },
};

export const SUBMISSION_ACTIONS = ['submit', 'return', 'approve', 'lock'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

export const SUBMISSION_ACTION_LABELS: Readonly<Record<SubmissionAction, string>> = {
  submit: 'Nộp báo cáo',
  return: 'Trả lại',
  approve: 'Duyệt',
  lock: 'Khóa',
};

/** Who acts: the reporting unit (submit) or the round's reviewer (the rest). */
export const ACTION_ACTOR: Readonly<Record<SubmissionAction, 'reporter' | 'reviewer'>> = {
  submit: 'reporter',
  return: 'reviewer',
  approve: 'reviewer',
  lock: 'reviewer',
};

const TRANSITIONS: Readonly<
  Record<SubmissionAction, Partial<Record<SubmissionStatus, SubmissionStatus>>>
> = {
  submit: { draft: 'submitted', returned: 'resubmitted' },
  return: { submitted: 'returned', resubmitted: 'returned' },
  approve: { submitted: 'approved', resubmitted: 'approved' },
  lock: { approved: 'locked' },
};

/** The status an action leads to, or null when the action is not allowed from `status`. */
export function nextSubmissionStatus(
  status: SubmissionStatus,
  action: SubmissionAction,
): SubmissionStatus | null {
  return TRANSITIONS[action][status] ?? null;
}

export function allowedSubmissionActions(status: SubmissionStatus): SubmissionAction[] {
  return SUBMISSION_ACTIONS.filter((a) => nextSubmissionStatus(status, a) !== null);
}

/** The unit may change its figures and sections only while the report is with it. */
export const isEditableByReporter = (s: SubmissionStatus): boolean =>
  s === 'draft' || s === 'returned';

/** Statuses of a report in the parent's hands (sent, and not returned since). */
export const SENT_STATUSES = [
  'submitted',
  'resubmitted',
  'approved',
  'locked',
] as const satisfies readonly SubmissionStatus[];

/** Statuses whose figures count in a consolidation: 'approved' by default, or all that were sent. */
export const COUNTED_STATUSES = {
  approved: ['approved', 'locked'],
  submitted: SENT_STATUSES,
} as const satisfies Record<string, readonly SubmissionStatus[]>;
export type ConsolidationBasis = keyof typeof COUNTED_STATUSES;

/** The narrative sections of every report, in the order of the document (Nghị định 30 body). */
export const REPORT_SECTIONS = ['results', 'shortcomings', 'directions', 'proposals'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_SECTION_LABELS: Readonly<
  Record<ReportSection, { numeral: string; vi: string; en: string }>
> = {
  results: { numeral: 'I', vi: 'Kết quả đạt được', en: 'Results' },
  shortcomings: { numeral: 'II', vi: 'Tồn tại, hạn chế', en: 'Shortcomings' },
  directions: { numeral: 'III', vi: 'Phương hướng, nhiệm vụ', en: 'Direction and tasks' },
  proposals: { numeral: 'IV', vi: 'Kiến nghị, đề xuất', en: 'Proposals' },
};
