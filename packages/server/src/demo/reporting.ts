/**
 * The demo's activities and reporting rounds: a year and a half of logged work and the rounds
 * 6 months 2024, year 2024, 6 months 2025 (closed: every report approved then locked, a few units
 * never reported) and 9 months 2025 (open, its deadline passed: partly submitted, some late, one
 * returned with a reason and a comment on one figure).
 *
 * Each family is the central union's round for the national associations, the provincial unions
 * and its own S&T organisations, with child rounds opened by Hải Phòng (and Hải Dương in 2024,
 * before the merger of 1/7/2025) for their member associations and institutes. Reporters are the
 * sub-units on the day the round opened, with their names of that day.
 *
 * The figures of a report are what the product computes: the unit's own values from its activities
 * in the window (activityFiguresRepository.ownValues, the rules of the standard form), overridden
 * in a few reports with a reason; its sub-units' values the sum of the approved child reports.
 * Rows are written directly (no audit), like the rest of the demo.
 */
import {
  defaultWindow,
  formatDate,
  periodPhrase,
  REPORT_SECTIONS,
  roundTitle,
  type PeriodType,
  type SubmissionStatus,
} from '@lienhiep/core';
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Database, Executor } from '../db/database.js';
import type { DB } from '../db/schema.generated.js';
import { activityFiguresRepository } from '../modules/reporting/activity-figures.repository.js';
import { STANDARD_FORM } from '../modules/reporting/standard-form.js';
import { buildDemoActivities, SEED_FIGURES } from './activities.js';
import { demoSections } from './narratives.js';
import {
  FAMILY_NAMES,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  MALE_GIVEN,
  MALE_MIDDLE,
} from './people-names.js';
import { addDays, chance, pick, randInt, rngFor, toDayNumber, type Rng } from './random.js';
import {
  demoReportingRepository as repo,
  type FormItemRow,
  type ReporterRow,
} from './reporting.repository.js';
import { symbolInitials } from './text.js';

export interface DemoReportingResult {
  activities: number;
  rounds: number;
  submissions: number;
}

interface ChildRoundSpec {
  code: string;
  openedOn: string;
  deadline: string;
}

export interface DemoFamilySpec {
  key: string;
  periodType: Exclude<PeriodType, 'custom' | 'quarter'>;
  year: number;
  openedOn: string;
  deadline: string;
  closedOn: string | null;
  children: ChildRoundSpec[];
}

/** The demo's round families; the open one's deadline has passed (it is a late round). */
export const DEMO_FAMILIES: readonly DemoFamilySpec[] = [
  {
    key: '6T-2024',
    periodType: 'half_year',
    year: 2024,
    openedOn: '2024-06-03',
    deadline: '2024-06-20',
    closedOn: '2024-07-26',
    children: [
      { code: 'LHH-31', openedOn: '2024-05-27', deadline: '2024-06-17' },
      { code: 'LHH-30', openedOn: '2024-05-29', deadline: '2024-06-18' },
    ],
  },
  {
    // the same period a year before the open round: its "so với cùng kỳ"
    key: '9T-2024',
    periodType: 'nine_months',
    year: 2024,
    openedOn: '2024-09-03',
    deadline: '2024-09-20',
    closedOn: '2024-10-25',
    children: [
      { code: 'LHH-31', openedOn: '2024-08-27', deadline: '2024-09-17' },
      { code: 'LHH-30', openedOn: '2024-08-28', deadline: '2024-09-18' },
    ],
  },
  {
    key: 'NAM-2024',
    periodType: 'year',
    year: 2024,
    openedOn: '2024-12-02',
    deadline: '2024-12-20',
    closedOn: '2025-01-24',
    children: [
      { code: 'LHH-31', openedOn: '2024-11-25', deadline: '2024-12-17' },
      { code: 'LHH-30', openedOn: '2024-11-26', deadline: '2024-12-18' },
    ],
  },
  {
    key: '6T-2025',
    periodType: 'half_year',
    year: 2025,
    openedOn: '2025-06-02',
    deadline: '2025-06-20',
    closedOn: '2025-07-25',
    children: [{ code: 'LHH-31', openedOn: '2025-05-26', deadline: '2025-06-17' }],
  },
  {
    key: '9T-2025',
    periodType: 'nine_months',
    year: 2025,
    openedOn: '2025-09-03',
    deadline: '2025-09-20',
    closedOn: null,
    children: [{ code: 'LHH-31', openedOn: '2025-08-27', deadline: '2025-09-18' }],
  },
];

export const OPEN_FAMILY_KEY = '9T-2025';
const ROOT_CODE = 'VUSTA';
const ROOT_REPORTER_KINDS = ['national_association', 'provincial_union', 'st_organization'];
// as the rounds service proposes by default: the direct sub-units but branches and collective members
const CHILD_REPORTER_KINDS = ['member_association', 'st_organization', 'club'];

/**
 * Fixed fates in the open round, so the browser walk-through finds them: the seed units approved,
 * Cần Thơ returned (cantho.bientap can fix it), Hải Phòng and its Hội Tin học in draft.
 */
export const OPEN_ROUND_FATES: Readonly<Record<string, OpenFate>> = {
  'HNTQ-004': 'approved',
  'HNTQ-006': 'approved',
  RIC: 'approved',
  'LHH-92': 'returned',
  'LHH-31': 'draft',
  'LHH-31-HTV-002': 'draft',
};
type OpenFate = 'approved' | 'submitted' | 'resubmitted' | 'returned' | 'draft' | 'none';

const RETURN_REASONS: readonly { reason: string; target: string; comment: string }[] = [
  {
    reason: 'Số liệu tư vấn, phản biện chưa khớp với danh sách văn bản đã góp ý; đề nghị rà soát.',
    target: 'TV_Y_KIEN',
    comment:
      'Số ý kiến góp ý tăng gấp đôi so với cùng kỳ; đề nghị kiểm tra lại và ghi rõ các văn bản đã góp ý.',
  },
  {
    reason: 'Phần đánh giá tồn tại, hạn chế còn sơ sài; đề nghị bổ sung nguyên nhân.',
    target: 'shortcomings',
    comment: 'Đề nghị nêu rõ nguyên nhân chủ quan, khách quan của từng hạn chế.',
  },
  {
    reason: 'Số lượt người được đào tạo chưa tách các lớp do chi hội tổ chức; đề nghị làm rõ.',
    target: 'DT_LUOT',
    comment: 'Đề nghị chỉ tính các lớp do Hội trực tiếp tổ chức; lớp của chi hội báo cáo riêng.',
  },
  {
    reason: 'Chưa có kiến nghị, đề xuất cụ thể với Liên hiệp Hội; đề nghị bổ sung.',
    target: 'proposals',
    comment: 'Đề nghị nêu kiến nghị cụ thể, có địa chỉ cơ quan tiếp nhận.',
  },
];

const OVERRIDE_REASONS = [
  'Bổ sung các lớp do chi hội tổ chức chưa cập nhật lên hệ thống trước hạn báo cáo.',
  'Điều chỉnh theo biên bản nghiệm thu; một hoạt động đã nhập trùng.',
  'Cộng thêm số liệu của hoạt động phối hợp với Sở Khoa học và Công nghệ.',
];

const REVIEWER_OF_HAI_DUONG = 'Nguyễn Thị Thanh Hương';
const OPENER_OF_HAI_DUONG = 'Phạm Văn Đức';

/** A staff name per organisation, the same on every run. */
function staffName(code: string, role: string): string {
  const rng = rngFor(`staff:${role}:${code}`);
  const female = chance(rng, 0.55);
  const family = pick(rng, FAMILY_NAMES.slice(0, 14))[0];
  return `${family} ${pick(rng, female ? FEMALE_MIDDLE : MALE_MIDDLE)} ${pick(rng, female ? FEMALE_GIVEN : MALE_GIVEN)}`;
}

const at = (date: string, rng: Rng) =>
  `${date} ${String(randInt(rng, 8, 16)).padStart(2, '0')}:${String(randInt(rng, 0, 59)).padStart(2, '0')}:00+07`;
const latest = (a: string, b: string) => (a >= b ? a : b);
const earliest = (a: string, b: string) => (a <= b ? a : b);

function unitWord(kind: string, name: string): string {
  if (kind === 'provincial_union') return 'Liên hiệp Hội';
  if (kind === 'st_organization') return name.startsWith('Viện') ? 'Viện' : 'Trung tâm';
  return 'Hội';
}

function manualValues(
  r: ReporterRow,
  periodIndex: number,
  periodMonths: number,
): Record<string, number> {
  const base = rngFor(`members:${r.code}`);
  const rng = rngFor(`manual:${r.code}:${periodIndex}`);
  const size =
    r.kind === 'national_association'
      ? randInt(base, 2_000, 60_000)
      : r.kind === 'provincial_union'
        ? randInt(base, 300, 2_500)
        : r.kind === 'member_association'
          ? randInt(base, 150, 3_000)
          : randInt(base, 15, 200);
  const joined = Math.round((size * randInt(rng, 2, 6) * periodMonths) / 1200);
  const orgs =
    r.kind === 'provincial_union' || r.kind === 'national_association'
      ? randInt(rng, 0, periodMonths >= 9 ? 4 : 2)
      : chance(rng, 0.1)
        ? 1
        : 0;
  return {
    TC_HOI_VIEN_MOI: joined,
    TC_TO_CHUC_MOI: orgs,
    TC_HOI_VIEN: Math.round(size * (1 + 0.015 * periodIndex)),
  };
}

interface PlannedSubmission {
  id: string;
  reporter: ReporterRow;
  status: SubmissionStatus;
  own: Record<string, number>;
  computed: Record<string, number | null>;
  overrideReason: Record<string, string>;
  subunits: Record<string, number> | null;
}

export async function loadDemoReporting(db: Database): Promise<DemoReportingResult | null> {
  return db.transaction().execute(async (tx) => {
    if (await repo.hasReportingData(tx)) return null;
    const orgs = await repo.organizations(tx);
    const byCode = new Map(orgs.map((o) => [o.code, o]));
    const root = byCode.get(ROOT_CODE);
    const form = await repo.standardForm(tx, STANDARD_FORM.code);
    if (!root || !form) return null;

    const activities = buildDemoActivities(orgs);
    await repo.insertActivities(tx, activities);

    const users = await repo.users(tx);
    let rounds = 0;
    let submissions = 0;
    for (const [index, family] of DEMO_FAMILIES.entries()) {
      const r = await loadFamily(tx, family, index, { root, byCode, form, users });
      rounds += r.rounds;
      submissions += r.submissions;
    }
    return { activities: activities.length, rounds, submissions };
  });
}

interface FamilyContext {
  root: { id: string; code: string };
  byCode: Map<string, { id: string; code: string; full_name: string; kind: string }>;
  form: { versionId: string; items: FormItemRow[] };
  users: Map<string, { id: string; name: string }>;
}

async function loadFamily(
  tx: Executor,
  family: DemoFamilySpec,
  periodIndex: number,
  ctx: FamilyContext,
): Promise<{ rounds: number; submissions: number }> {
  const window = defaultWindow(family.periodType, family.year);
  const title = roundTitle(family.periodType, family.year);
  const open = family.closedOn === null;
  const periodMonths =
    family.periodType === 'year' ? 12 : family.periodType === 'nine_months' ? 9 : 6;
  const ruleItems = ctx.form.items.flatMap((i) =>
    i.source === 'activities' && i.rule ? [{ code: i.code, rule: i.rule }] : [],
  );
  const user = (username: string) => ctx.users.get(username) ?? null;
  const rootRoundId = randomUUID();

  const roundRows: Insertable<DB['reporting_round']>[] = [];
  const reporterRows: Insertable<DB['round_reporter']>[] = [];
  const submissionRows: Insertable<DB['submission']>[] = [];
  const valueRows: Insertable<DB['submission_value']>[] = [];
  const sectionRows: Insertable<DB['submission_section']>[] = [];
  const eventRows: Insertable<DB['submission_event']>[] = [];
  const commentRows: Insertable<DB['submission_comment']>[] = [];
  const notificationRows: Insertable<DB['notification']>[] = [];

  /** Plans one round: reporters, fates, values; returns the planned submissions. */
  async function planRound(spec: {
    id: string;
    parentId: string | null;
    organization: { id: string; code: string; full_name: string };
    openedOn: string;
    deadline: string;
    reporterKinds: readonly string[];
    opener: { id: string | null; name: string };
    reviewer: { id: string | null; name: string };
    subunitsOf: Map<string, Record<string, number>>;
    isChild: boolean;
  }): Promise<PlannedSubmission[]> {
    const reporters = await repo.childrenAt(
      tx,
      spec.organization.id,
      spec.openedOn,
      spec.reporterKinds,
    );
    roundRows.push({
      id: spec.id,
      organization_id: spec.organization.id,
      parent_round_id: spec.parentId,
      form_version_id: ctx.form.versionId,
      period_type: family.periodType,
      year: family.year,
      title,
      window_from: window.from,
      window_to: window.to,
      deadline: spec.deadline,
      grace_days: 3,
      status: open ? 'open' : 'closed',
      note: spec.isChild
        ? `Các hội thành viên gửi báo cáo để ${spec.organization.full_name} tổng hợp báo cáo Liên hiệp Hội Việt Nam.`
        : 'Các hội ngành toàn quốc, liên hiệp hội địa phương và tổ chức trực thuộc gửi báo cáo phục vụ hội nghị giao ban.',
      opened_at: `${spec.openedOn} 09:00:00+07`,
      opened_by: spec.opener.id,
      closed_at: family.closedOn ? `${family.closedOn} 16:30:00+07` : null,
      closed_by: family.closedOn ? spec.opener.id : null,
    });
    for (const r of reporters)
      reporterRows.push({
        round_id: spec.id,
        organization_id: r.organization_id,
        name_at_open: r.name,
        kind_at_open: r.kind,
        province_code_at_open: r.province_code,
      });
    const fates = new Map(
      reporters.map((r) => [r.organization_id, fateOf(family.key, r.code, open)] as const),
    );
    const reporting = reporters.filter((r) => fates.get(r.organization_id) !== 'none');
    const computed = await activityFiguresRepository.ownValues(
      tx,
      reporting.map((r) => r.organization_id),
      window,
      ruleItems,
    );
    const planned: PlannedSubmission[] = [];
    for (const r of reporting) {
      const fate = fates.get(r.organization_id)!;
      const status: SubmissionStatus = open ? (fate as Exclude<OpenFate, 'none'>) : 'locked';
      const values = computed.get(r.organization_id)!;
      const own: Record<string, number> = {
        ...values,
        ...manualValues(r, periodIndex, periodMonths),
      };
      const comp: Record<string, number | null> = { ...values };
      const overrideReason: Record<string, string> = {};
      const orng = rngFor(`override:${family.key}:${r.code}`);
      const seeded = Object.hasOwn(OPEN_ROUND_FATES, r.code);
      if (!seeded && chance(orng, 0.04)) {
        const candidates = ruleItems.filter((i) => (values[i.code] ?? 0) > 0);
        if (candidates.length) {
          const code = pick(orng, candidates).code;
          // a count corrected by a few; an amount in đồng by a few million, as people write it
          const step = values[code]! >= 10_000_000 ? 1_000_000 : 1;
          own[code] = values[code]! + randInt(orng, 1, 3) * step;
          overrideReason[code] = pick(orng, OVERRIDE_REASONS);
        }
      }
      planned.push({
        id: randomUUID(),
        reporter: r,
        status,
        own,
        computed: comp,
        overrideReason,
        subunits: spec.subunitsOf.get(r.organization_id) ?? null,
      });
    }
    writeSubmissions(spec, planned);
    return planned;
  }

  function writeSubmissions(
    spec: {
      id: string;
      organization: { id: string; code: string; full_name: string };
      openedOn: string;
      deadline: string;
      reviewer: { id: string | null; name: string };
      opener: { id: string | null; name: string };
      isChild: boolean;
    },
    planned: PlannedSubmission[],
  ) {
    for (const p of planned) {
      const r = p.reporter;
      const rng = rngFor(`timeline:${family.key}:${r.code}`);
      const reporterUser =
        r.code === 'HNTQ-004'
          ? user('duochoc.bientap')
          : r.code === 'LHH-92'
            ? user('cantho.bientap')
            : r.code === 'LHH-31'
              ? user('haiphong.bientap')
              : r.code === 'LHH-31-HTV-002'
                ? user('haiphong.tinhoc.bientap')
                : null;
      const reporter = reporterUser ?? { id: null, name: staffName(r.code, 'editor') };
      const events: Insertable<DB['submission_event']>[] = [];
      const event = (
        action: string,
        from: SubmissionStatus | null,
        to: SubmissionStatus,
        on: string,
        who: { id: string | null; name: string },
        reason: string | null = null,
      ) => {
        const id = randomUUID();
        events.push({
          id,
          submission_id: p.id,
          action,
          from_status: from,
          to_status: to,
          reason,
          actor_id: who.id,
          actor_name: who.name,
          at: at(on, rng),
        });
        return events[events.length - 1]!;
      };
      const late = !open && chance(rng, 0.15);
      const createdOn = addDays(spec.openedOn, randInt(rng, 0, 6));
      const created = event('create', null, 'draft', createdOn, reporter);
      let submittedAt: string | null = null;
      let approvedAt: string | null = null;
      let lockedAt: string | null = null;
      const toDeadline = Math.max(0, toDayNumber(spec.deadline) - toDayNumber(createdOn));
      const firstSubmit = late
        ? addDays(spec.deadline, randInt(rng, 1, 10))
        : addDays(createdOn, randInt(rng, Math.min(2, toDeadline), toDeadline));
      const hadReturn =
        p.status === 'returned' ||
        p.status === 'resubmitted' ||
        (!open && chance(rng, 0.12)) ||
        (open && p.status === 'approved' && chance(rng, 0.1));
      let last = firstSubmit;
      if (p.status !== 'draft') {
        submittedAt = event('submit', 'draft', 'submitted', firstSubmit, reporter).at as string;
        if (hadReturn) {
          // the report still with its unit carries the comment on one figure
          const ret = p.status === 'returned' ? RETURN_REASONS[0]! : pick(rng, RETURN_REASONS);
          const returnOn = addDays(last, randInt(rng, 1, 4));
          const e = event('return', 'submitted', 'returned', returnOn, spec.reviewer, ret.reason);
          const isSection = (REPORT_SECTIONS as readonly string[]).includes(ret.target);
          last = returnOn;
          let resolved: string | null = null;
          if (p.status !== 'returned') {
            const resubmitOn = addDays(last, randInt(rng, 1, 5));
            const re = event('submit', 'returned', 'resubmitted', resubmitOn, reporter);
            submittedAt = re.at as string;
            resolved = re.at as string;
            last = resubmitOn;
          }
          commentRows.push({
            submission_id: p.id,
            event_id: e.id!,
            target_type: isSection ? 'section' : 'indicator',
            target_code: ret.target,
            body: ret.comment,
            resolved_at: resolved,
            created_at: e.at!,
          });
        }
        if (p.status === 'approved' || p.status === 'locked') {
          let approveOn = addDays(last, randInt(rng, 1, 6));
          if (family.closedOn) approveOn = earliest(approveOn, addDays(family.closedOn, -1));
          approveOn = latest(approveOn, last);
          approvedAt = event(
            'approve',
            hadReturn ? 'resubmitted' : 'submitted',
            'approved',
            approveOn,
            spec.reviewer,
          ).at as string;
        }
        if (p.status === 'locked' && family.closedOn) {
          lockedAt = `${family.closedOn} 16:00:00+07`;
          events.push({
            id: randomUUID(),
            submission_id: p.id,
            action: 'lock',
            from_status: 'approved',
            to_status: 'locked',
            reason: null,
            actor_id: spec.opener.id,
            actor_name: spec.opener.name,
            at: lockedAt,
          });
        }
      }
      eventRows.push(...events);
      const sent = p.status !== 'draft';
      const lastEventAt = events[events.length - 1]!.at as string;
      submissionRows.push({
        id: p.id,
        round_id: spec.id,
        organization_id: r.organization_id,
        status: p.status,
        document_number: sent
          ? `${randInt(rng, 12, 160)}/BC-${symbolInitials(r.name).slice(0, 6)}`
          : null,
        place: sent ? placeOf(r) : null,
        signer_authority:
          sent && r.kind !== 'st_organization'
            ? r.kind === 'provincial_union'
              ? 'TM. BAN THƯỜNG VỤ'
              : 'TM. BAN CHẤP HÀNH'
            : null,
        signer_position: sent
          ? r.kind === 'st_organization'
            ? r.name.startsWith('Viện')
              ? 'VIỆN TRƯỞNG'
              : 'GIÁM ĐỐC'
            : 'CHỦ TỊCH'
          : null,
        signer_name: sent ? staffName(r.code, 'chair') : null,
        recipients: sent ? [spec.organization.full_name, 'Lưu: VT'] : [],
        submitted_at: submittedAt,
        approved_at: approvedAt,
        locked_at: lockedAt,
        created_at: created.at!,
        updated_at: lastEventAt,
      });
      for (const item of ctx.form.items) {
        const reason = p.overrideReason[item.code] ?? null;
        valueRows.push({
          submission_id: p.id,
          indicator_code: item.code,
          own_value: String(p.own[item.code] ?? 0),
          computed_value: item.source === 'activities' ? String(p.computed[item.code] ?? 0) : null,
          override_reason: reason,
          subunits_value: p.subunits ? String(p.subunits[item.code] ?? 0) : null,
          updated_at: lastEventAt,
        });
      }
      const sections = demoSections(rngFor(`sections:${family.key}:${r.code}`), {
        unitWord: unitWord(r.kind, r.name),
        periodPhrase: periodPhrase(family.periodType, family.year),
        values: p.own,
      });
      for (const code of REPORT_SECTIONS) {
        // a draft is being written: the results first, the rest still empty
        const body = p.status === 'draft' && code !== 'results' ? '' : sections[code];
        sectionRows.push({
          submission_id: p.id,
          section_code: code,
          body,
          updated_at: lastEventAt,
        });
      }
    }
  }

  function placeOf(r: ReporterRow): string {
    if (r.kind === 'national_association' || r.kind === 'st_organization') return 'Hà Nội';
    const m = /(?:thành phố|tỉnh) (.+)$/u.exec(r.name);
    return m?.[1] ?? 'Hà Nội';
  }

  const vanphong = user('vanphong') ?? { id: null, name: 'Lê Thị Thu Hà' };
  const centralReviewer = user('trungtam.duyet') ?? { id: null, name: 'Nguyễn Thị Hồng Nhung' };
  const hpEditor = user('haiphong.bientap') ?? { id: null, name: 'Vũ Thị Lan' };
  const hpReviewer = user('haiphong.duyet') ?? { id: null, name: 'Đỗ Văn Hùng' };

  // child rounds first: their approved reports make the parents' sub-units' values
  const subunitsOf = new Map<string, Record<string, number>>();
  const childRounds: { id: string; org: { id: string }; planned: PlannedSubmission[] }[] = [];
  for (const child of family.children) {
    const org = ctx.byCode.get(child.code);
    if (!org) continue;
    const id = randomUUID();
    const isHaiPhong = child.code === 'LHH-31';
    const planned = await planRound({
      id,
      parentId: rootRoundId,
      organization: org,
      openedOn: child.openedOn,
      deadline: child.deadline,
      reporterKinds: CHILD_REPORTER_KINDS,
      opener: isHaiPhong ? hpEditor : { id: null, name: OPENER_OF_HAI_DUONG },
      reviewer: isHaiPhong ? hpReviewer : { id: null, name: REVIEWER_OF_HAI_DUONG },
      subunitsOf: new Map(),
      isChild: true,
    });
    const sum: Record<string, number> = Object.fromEntries(ctx.form.items.map((i) => [i.code, 0]));
    for (const p of planned) {
      if (p.status !== 'approved' && p.status !== 'locked') continue;
      for (const i of ctx.form.items)
        sum[i.code]! += (p.own[i.code] ?? 0) + (p.subunits?.[i.code] ?? 0);
    }
    subunitsOf.set(org.id, sum);
    childRounds.push({ id, org, planned });
  }
  const rootPlanned = await planRound({
    id: rootRoundId,
    parentId: null,
    organization: { ...ctx.root, full_name: ctx.byCode.get(ROOT_CODE)!.full_name },
    openedOn: family.openedOn,
    deadline: family.deadline,
    reporterKinds: ROOT_REPORTER_KINDS,
    opener: vanphong,
    reviewer: centralReviewer,
    subunitsOf,
    isChild: false,
  });

  if (open) {
    const all = [
      { roundId: rootRoundId, planned: rootPlanned, deadline: family.deadline },
      ...childRounds.map((c) => ({
        roundId: c.id,
        planned: c.planned,
        deadline: family.children.find((x) => ctx.byCode.get(x.code)?.id === c.org.id)!.deadline,
      })),
    ];
    await notify(tx, all);
  }

  await repo.insertRounds(tx, [
    ...roundRows.filter((r) => r.id === rootRoundId),
    ...roundRows.filter((r) => r.id !== rootRoundId),
  ]);
  await repo.insertReporters(tx, reporterRows);
  await repo.insertSubmissions(tx, submissionRows);
  await repo.insertValues(tx, valueRows);
  await repo.insertSections(tx, sectionRows);
  await repo.insertEvents(tx, eventRows);
  await repo.insertComments(tx, commentRows);
  await repo.insertNotifications(tx, notificationRows);
  return { rounds: roundRows.length, submissions: submissionRows.length };

  /** In-app notifications of the open round for the demo accounts concerned. */
  async function notify(
    db: Executor,
    rounds: { roundId: string; planned: PlannedSubmission[]; deadline: string }[],
  ) {
    const reportersOf = new Map<
      string,
      { roundId: string; deadline: string; p: PlannedSubmission | null }
    >();
    for (const r of reporterRows) {
      const round = rounds.find((x) => x.roundId === r.round_id);
      if (!round) continue;
      reportersOf.set(r.organization_id, {
        roundId: round.roundId,
        deadline: round.deadline,
        p: round.planned.find((p) => p.reporter.organization_id === r.organization_id) ?? null,
      });
    }
    const holders = await repo.usersOnOrganizations(db, [...reportersOf.keys()]);
    const reporterName = (orgId: string) =>
      reporterRows.find((r) => r.organization_id === orgId)?.name_at_open ?? '';
    for (const h of holders) {
      const x = reportersOf.get(h.organization_id)!;
      if (h.role === 'viewer' || h.role === 'reviewer') continue;
      // kinds, titles and links as the rounds, submissions and reminders services write them
      const roundLink = `/bao-cao/dot/${x.roundId}`;
      notificationRows.push({
        user_id: h.user_id,
        kind: 'round.opened',
        title: `Đợt báo cáo mới: ${title}`,
        body: `Số liệu từ ${formatDate(window.from)} đến ${formatDate(window.to)}; hạn nộp ${formatDate(x.deadline)} (gia hạn đến ${formatDate(addDays(x.deadline, 3))}).`,
        link: roundLink,
        dedupe_key: null,
        created_at: `${family.openedOn} 09:00:00+07`,
        read_at: `${addDays(family.openedOn, 1)} 08:15:00+07`,
        email_pending: false,
      });
      const s = x.p;
      if (!s || s.status === 'draft') {
        notificationRows.push({
          user_id: h.user_id,
          kind: 'round.overdue',
          title: `Quá hạn nộp báo cáo: ${title}`,
          body: `${reporterName(h.organization_id)}: đã quá hạn nộp báo cáo (hạn ${formatDate(x.deadline)} và 3 ngày gia hạn), chậm 4 ngày. Đề nghị đơn vị hoàn thiện và gửi báo cáo sớm.`,
          link: roundLink,
          dedupe_key: `round.overdue:${x.roundId}:${h.organization_id}`,
          created_at: `${addDays(x.deadline, 4)} 07:00:00+07`,
          read_at: null,
          email_pending: false,
        });
      } else if (s.status === 'returned') {
        const ret = eventRows.find((e) => e.submission_id === s.id && e.action === 'return')!;
        notificationRows.push({
          user_id: h.user_id,
          kind: 'report.reviewed',
          title: `Báo cáo bị trả lại: ${title}`,
          body: ret.reason ?? null,
          link: `/bao-cao/nop/${s.id}`,
          dedupe_key: null,
          created_at: ret.at!,
          read_at: null,
          email_pending: false,
        });
      } else if (s.status === 'approved') {
        const ok = eventRows.find((e) => e.submission_id === s.id && e.action === 'approve')!;
        notificationRows.push({
          user_id: h.user_id,
          kind: 'report.reviewed',
          title: `Báo cáo đã được duyệt: ${title}`,
          body: null,
          link: `/bao-cao/nop/${s.id}`,
          dedupe_key: null,
          created_at: ok.at!,
          read_at: null,
          email_pending: false,
        });
      }
    }
    // reviewers: the reports waiting for them
    const waiting = rounds.flatMap((r) =>
      r.planned
        .filter((p) => p.status === 'submitted' || p.status === 'resubmitted')
        .map((p) => ({ roundId: r.roundId, p })),
    );
    for (const w of waiting) {
      const reviewer = w.roundId === rootRoundId ? centralReviewer : hpReviewer;
      if (!reviewer.id) continue;
      const sent = [...eventRows]
        .reverse()
        .find((e) => e.submission_id === w.p.id && e.action === 'submit')!;
      notificationRows.push({
        user_id: reviewer.id,
        kind: 'report.submitted',
        title: `${w.p.reporter.name} đã ${w.p.status === 'resubmitted' ? 'nộp lại' : 'nộp'} báo cáo`,
        body: title,
        link: `/bao-cao/nop/${w.p.id}`,
        dedupe_key: null,
        created_at: sent.at!,
        read_at: null,
        email_pending: false,
      });
    }
  }
}

/** What became of a reporter's report: closed rounds end locked unless the unit never reported. */
function fateOf(familyKey: string, code: string, open: boolean): OpenFate {
  const seeded = OPEN_ROUND_FATES[code];
  if (!open) {
    if (seeded) return 'approved';
    return chance(rngFor(`fate:${familyKey}:${code}`), 0.05) ? 'none' : 'approved';
  }
  if (seeded) return seeded;
  const x = rngFor(`fate:${familyKey}:${code}`)();
  if (x < 0.45) return 'approved';
  if (x < 0.57) return 'submitted';
  if (x < 0.63) return 'resubmitted';
  if (x < 0.75) return 'draft';
  return 'none';
}

export { SEED_FIGURES };
