/**
 * The kinds of activity units log all year (GLOSSARY.md "Activities"), their finer subtypes and
 * which figures each kind records. The database keeps the figures in typed columns of the same
 * names; indicator rules refer to them by these names.
 */

export const ACTIVITY_KINDS = [
  'training',
  'event',
  'consultancy',
  'project',
  'international',
  'contest',
  'outreach',
  'welfare',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS: Readonly<Record<ActivityKind, { vi: string; en: string }>> = {
  training: { vi: 'Đào tạo, tập huấn, bồi dưỡng', en: 'Training' },
  event: { vi: 'Hội thảo, hội nghị, tọa đàm', en: 'Workshop, conference, forum' },
  consultancy: {
    vi: 'Tư vấn, phản biện và giám định xã hội',
    en: 'Consultancy, critique and social assessment',
  },
  project: { vi: 'Đề tài, dự án KH&CN', en: 'S&T research project' },
  international: { vi: 'Hợp tác quốc tế', en: 'International cooperation' },
  contest: { vi: 'Hội thi, cuộc thi sáng tạo', en: 'Contest' },
  outreach: { vi: 'Phổ biến kiến thức, truyền thông', en: 'Outreach and communications' },
  welfare: { vi: 'Nhân đạo, từ thiện, an sinh xã hội', en: 'Welfare and charity' },
  other: { vi: 'Hoạt động khác', en: 'Other activity' },
};

export function isActivityKind(value: unknown): value is ActivityKind {
  return typeof value === 'string' && (ACTIVITY_KINDS as readonly string[]).includes(value);
}

export const ACTIVITY_MODES = ['offline', 'online', 'hybrid'] as const;
export type ActivityMode = (typeof ACTIVITY_MODES)[number];
export const ACTIVITY_MODE_LABELS: Readonly<Record<ActivityMode, { vi: string; en: string }>> = {
  offline: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  hybrid: { vi: 'Kết hợp', en: 'Hybrid' },
};

export const PROJECT_LEVELS = ['national', 'ministerial', 'provincial', 'grassroots'] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];
export const PROJECT_LEVEL_LABELS: Readonly<Record<ProjectLevel, { vi: string; en: string }>> = {
  national: { vi: 'Cấp quốc gia', en: 'National' },
  ministerial: { vi: 'Cấp bộ', en: 'Ministerial' },
  provincial: { vi: 'Cấp tỉnh', en: 'Provincial' },
  grassroots: { vi: 'Cấp cơ sở', en: 'Grassroots' },
};

/** Finer kinds within a kind; a kind without an entry has none. */
export const ACTIVITY_SUBTYPES: Readonly<
  Partial<Record<ActivityKind, Readonly<Record<string, { vi: string; en: string }>>>>
> = {
  event: {
    workshop: { vi: 'Hội thảo', en: 'Workshop' },
    conference: { vi: 'Hội nghị', en: 'Conference' },
    roundtable: { vi: 'Tọa đàm', en: 'Round table' },
    forum: { vi: 'Diễn đàn', en: 'Forum' },
  },
  consultancy: {
    comment: { vi: 'Góp ý dự thảo văn bản', en: 'Comments on a draft' },
    critique: { vi: 'Phản biện xã hội', en: 'Social critique' },
    assessment: { vi: 'Giám định xã hội', en: 'Social assessment' },
    council: { vi: 'Hội đồng tư vấn', en: 'Advisory council' },
  },
  international: {
    delegation_in: { vi: 'Đón đoàn quốc tế', en: 'Incoming delegation' },
    delegation_out: { vi: 'Đoàn ra', en: 'Outgoing delegation' },
    agreement: { vi: 'Ký kết hợp tác', en: 'Cooperation agreement' },
    event: { vi: 'Hội thảo quốc tế', en: 'International event' },
  },
  contest: {
    technical: { vi: 'Hội thi Sáng tạo kỹ thuật', en: 'Technical innovation contest' },
    youth: {
      vi: 'Cuộc thi Sáng tạo Thanh thiếu niên Nhi đồng',
      en: "Youth and children's creativity contest",
    },
    other: { vi: 'Cuộc thi khác', en: 'Other contest' },
  },
  outreach: {
    talk: { vi: 'Nói chuyện chuyên đề', en: 'Talk' },
    article: { vi: 'Tin, bài truyền thông', en: 'Articles and news' },
    publication: { vi: 'Ấn phẩm, tài liệu', en: 'Publication' },
  },
  welfare: {
    cash: { vi: 'Hỗ trợ tiền mặt', en: 'Cash aid' },
    goods: { vi: 'Hỗ trợ hiện vật', en: 'Goods' },
    health: { vi: 'Khám, chữa bệnh', en: 'Health care' },
  },
};

export function isActivitySubtype(kind: ActivityKind, subtype: string): boolean {
  return Object.hasOwn(ACTIVITY_SUBTYPES[kind] ?? {}, subtype);
}

export const ACTIVITY_FIGURES = [
  'sessions',
  'participants',
  'attendances',
  'opinions',
  'documents',
  'households',
  'amount',
] as const;
export type ActivityFigure = (typeof ACTIVITY_FIGURES)[number];

export const ACTIVITY_FIGURE_LABELS: Readonly<
  Record<ActivityFigure, { vi: string; en: string; unit: string }>
> = {
  sessions: { vi: 'Số lớp, buổi', en: 'Classes or sessions', unit: 'lớp' },
  participants: { vi: 'Số người tham gia', en: 'Participants', unit: 'người' },
  attendances: { vi: 'Số lượt người', en: 'Attendances', unit: 'lượt' },
  opinions: { vi: 'Số ý kiến góp ý', en: 'Opinions given', unit: 'ý kiến' },
  documents: { vi: 'Số văn bản, hồ sơ', en: 'Documents', unit: 'văn bản' },
  households: { vi: 'Số hộ được hỗ trợ', en: 'Households reached', unit: 'hộ' },
  amount: { vi: 'Kinh phí, giá trị', en: 'Budget or value', unit: 'đồng' },
};

/** The figures each kind records, with the label the form shows for it in that kind. */
export const KIND_FIGURES: Readonly<
  Record<ActivityKind, readonly { figure: ActivityFigure; vi: string; en: string }[]>
> = {
  training: [
    { figure: 'sessions', vi: 'Số lớp', en: 'Classes' },
    { figure: 'attendances', vi: 'Số lượt học viên', en: 'Attendances' },
    { figure: 'amount', vi: 'Kinh phí (đồng)', en: 'Budget (VND)' },
  ],
  event: [
    { figure: 'participants', vi: 'Số đại biểu tham dự', en: 'Participants' },
    { figure: 'amount', vi: 'Kinh phí (đồng)', en: 'Budget (VND)' },
  ],
  consultancy: [
    { figure: 'documents', vi: 'Số văn bản, hồ sơ được góp ý, phản biện', en: 'Documents' },
    { figure: 'opinions', vi: 'Số ý kiến góp ý', en: 'Opinions given' },
    { figure: 'participants', vi: 'Số chuyên gia tham gia', en: 'Experts involved' },
    { figure: 'amount', vi: 'Kinh phí (đồng)', en: 'Budget (VND)' },
  ],
  project: [
    { figure: 'amount', vi: 'Kinh phí (đồng)', en: 'Budget (VND)' },
    { figure: 'participants', vi: 'Số người tham gia', en: 'Researchers' },
  ],
  international: [
    { figure: 'participants', vi: 'Số lượt người tham gia', en: 'Participants' },
    { figure: 'amount', vi: 'Kinh phí (đồng)', en: 'Budget (VND)' },
  ],
  contest: [
    { figure: 'documents', vi: 'Số giải pháp, bài dự thi', en: 'Entries' },
    { figure: 'participants', vi: 'Số người dự thi', en: 'Contestants' },
    { figure: 'amount', vi: 'Giá trị giải thưởng (đồng)', en: 'Prize value (VND)' },
  ],
  outreach: [
    { figure: 'sessions', vi: 'Số buổi, số tin bài', en: 'Sessions or articles' },
    { figure: 'participants', vi: 'Số người được tiếp cận', en: 'People reached' },
  ],
  welfare: [
    { figure: 'households', vi: 'Số hộ được hỗ trợ', en: 'Households' },
    { figure: 'participants', vi: 'Số người được hỗ trợ', en: 'People helped' },
    { figure: 'amount', vi: 'Giá trị hỗ trợ (đồng)', en: 'Value (VND)' },
  ],
  other: [
    { figure: 'participants', vi: 'Số người tham gia', en: 'Participants' },
    { figure: 'amount', vi: 'Kinh phí (đồng)', en: 'Budget (VND)' },
  ],
};

export function kindHasFigure(kind: ActivityKind, figure: ActivityFigure): boolean {
  return KIND_FIGURES[kind].some((f) => f.figure === figure);
}
