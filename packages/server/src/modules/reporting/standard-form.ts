import type {
  IndicatorRule,
  ReportSection,
  TimeAggregation,
  TreeAggregation,
} from '@lienhiep/core';

/**
 * The standard indicators and the periodic report form every union starts with (migrated into
 * the database by `ensureStandardForm`, then data a user may change). The figures asked for are
 * those the briefing reports in the seeds quote: courses and attendances (online ones apart),
 * workshops, consultancy and critique with the documents commented, projects by level,
 * international work, contests, outreach, welfare (households, value).
 */

export interface StandardIndicator {
  code: string;
  name: string;
  unit: string;
  category: string;
  source: 'activities' | 'manual';
  rule?: IndicatorRule;
  treeAggregation?: TreeAggregation;
  timeAggregation?: TimeAggregation;
  description?: string;
}

export const STANDARD_INDICATORS: readonly StandardIndicator[] = [
  {
    code: 'DT_LOP',
    name: 'Số lớp đào tạo, tập huấn, bồi dưỡng',
    unit: 'lớp',
    category: 'training',
    source: 'activities',
    rule: { kind: 'training', measure: 'count' },
  },
  {
    code: 'DT_LOP_TRUC_TUYEN',
    name: 'Trong đó: số lớp trực tuyến',
    unit: 'lớp',
    category: 'training',
    source: 'activities',
    rule: { kind: 'training', modes: ['online'], measure: 'count' },
  },
  {
    code: 'DT_LUOT',
    name: 'Số lượt người được đào tạo, tập huấn, bồi dưỡng',
    unit: 'lượt người',
    category: 'training',
    source: 'activities',
    rule: { kind: 'training', measure: 'sum', figure: 'attendances' },
  },
  {
    code: 'HT_SO',
    name: 'Số hội thảo, hội nghị, tọa đàm, diễn đàn',
    unit: 'cuộc',
    category: 'event',
    source: 'activities',
    rule: { kind: 'event', measure: 'count' },
  },
  {
    code: 'HT_DAI_BIEU',
    name: 'Số lượt đại biểu tham dự hội thảo, hội nghị',
    unit: 'lượt người',
    category: 'event',
    source: 'activities',
    rule: { kind: 'event', measure: 'sum', figure: 'participants' },
  },
  {
    code: 'TV_SO',
    name: 'Số hoạt động tư vấn, phản biện và giám định xã hội',
    unit: 'hoạt động',
    category: 'consultancy',
    source: 'activities',
    rule: { kind: 'consultancy', measure: 'count' },
  },
  {
    code: 'TV_VAN_BAN',
    name: 'Số văn bản, dự thảo được góp ý, phản biện',
    unit: 'văn bản',
    category: 'consultancy',
    source: 'activities',
    rule: { kind: 'consultancy', measure: 'sum', figure: 'documents' },
  },
  {
    code: 'TV_Y_KIEN',
    name: 'Số ý kiến góp ý, phản biện',
    unit: 'ý kiến',
    category: 'consultancy',
    source: 'activities',
    rule: { kind: 'consultancy', measure: 'sum', figure: 'opinions' },
  },
  {
    code: 'DA_SO',
    name: 'Số đề tài, dự án KH&CN thực hiện',
    unit: 'đề tài',
    category: 'project',
    source: 'activities',
    rule: { kind: 'project', measure: 'count' },
  },
  {
    code: 'DA_CAP_QG_BO',
    name: 'Trong đó: cấp quốc gia, cấp bộ',
    unit: 'đề tài',
    category: 'project',
    source: 'activities',
    rule: { kind: 'project', levels: ['national', 'ministerial'], measure: 'count' },
  },
  {
    code: 'DA_KINH_PHI',
    name: 'Kinh phí đề tài, dự án',
    unit: 'đồng',
    category: 'project',
    source: 'activities',
    rule: { kind: 'project', measure: 'sum', figure: 'amount' },
  },
  {
    code: 'QT_SO',
    name: 'Số hoạt động hợp tác quốc tế',
    unit: 'hoạt động',
    category: 'international',
    source: 'activities',
    rule: { kind: 'international', measure: 'count' },
  },
  {
    code: 'QT_LUOT',
    name: 'Số lượt người tham gia hoạt động quốc tế',
    unit: 'lượt người',
    category: 'international',
    source: 'activities',
    rule: { kind: 'international', measure: 'sum', figure: 'participants' },
  },
  {
    code: 'TH_SO',
    name: 'Số hội thi, cuộc thi sáng tạo tổ chức',
    unit: 'cuộc',
    category: 'contest',
    source: 'activities',
    rule: { kind: 'contest', measure: 'count' },
  },
  {
    code: 'TH_GIAI_PHAP',
    name: 'Số giải pháp, bài dự thi',
    unit: 'giải pháp',
    category: 'contest',
    source: 'activities',
    rule: { kind: 'contest', measure: 'sum', figure: 'documents' },
  },
  {
    code: 'PB_SO',
    name: 'Số hoạt động phổ biến kiến thức, truyền thông',
    unit: 'hoạt động',
    category: 'outreach',
    source: 'activities',
    rule: { kind: 'outreach', measure: 'count' },
  },
  {
    code: 'PB_NGUOI',
    name: 'Số lượt người được tiếp cận',
    unit: 'lượt người',
    category: 'outreach',
    source: 'activities',
    rule: { kind: 'outreach', measure: 'sum', figure: 'participants' },
  },
  {
    code: 'AS_HO',
    name: 'Số hộ được hỗ trợ (nhân đạo, từ thiện, an sinh xã hội)',
    unit: 'hộ',
    category: 'welfare',
    source: 'activities',
    rule: { kind: 'welfare', measure: 'sum', figure: 'households' },
  },
  {
    code: 'AS_GIA_TRI',
    name: 'Giá trị hỗ trợ nhân đạo, từ thiện',
    unit: 'đồng',
    category: 'welfare',
    source: 'activities',
    rule: { kind: 'welfare', measure: 'sum', figure: 'amount' },
  },
  {
    code: 'TC_HOI_VIEN_MOI',
    name: 'Số hội viên mới kết nạp',
    unit: 'người',
    category: 'organization',
    source: 'manual',
  },
  {
    code: 'TC_TO_CHUC_MOI',
    name: 'Số tổ chức thành viên, tổ chức KH&CN thành lập mới',
    unit: 'tổ chức',
    category: 'organization',
    source: 'manual',
  },
  {
    code: 'TC_HOI_VIEN',
    name: 'Tổng số hội viên cuối kỳ',
    unit: 'người',
    category: 'organization',
    source: 'manual',
    timeAggregation: 'last',
  },
];

export type StandardFormItem =
  | { type: 'group'; label: string }
  | { type: 'indicator'; code: string }
  | { type: 'section'; section: ReportSection; label: string; guidance: string };

export const STANDARD_FORM = {
  code: 'BC-DINH-KY',
  name: 'Báo cáo định kỳ kết quả hoạt động',
  description:
    'Mẫu báo cáo sơ kết 6 tháng, 9 tháng và tổng kết năm của các hội thành viên và liên hiệp hội',
  items: [
    { type: 'group', label: '1. Đào tạo, tập huấn, bồi dưỡng' },
    { type: 'indicator', code: 'DT_LOP' },
    { type: 'indicator', code: 'DT_LOP_TRUC_TUYEN' },
    { type: 'indicator', code: 'DT_LUOT' },
    { type: 'group', label: '2. Hội thảo, hội nghị, tọa đàm' },
    { type: 'indicator', code: 'HT_SO' },
    { type: 'indicator', code: 'HT_DAI_BIEU' },
    { type: 'group', label: '3. Tư vấn, phản biện và giám định xã hội' },
    { type: 'indicator', code: 'TV_SO' },
    { type: 'indicator', code: 'TV_VAN_BAN' },
    { type: 'indicator', code: 'TV_Y_KIEN' },
    { type: 'group', label: '4. Nghiên cứu khoa học, đề tài, dự án' },
    { type: 'indicator', code: 'DA_SO' },
    { type: 'indicator', code: 'DA_CAP_QG_BO' },
    { type: 'indicator', code: 'DA_KINH_PHI' },
    { type: 'group', label: '5. Hợp tác quốc tế' },
    { type: 'indicator', code: 'QT_SO' },
    { type: 'indicator', code: 'QT_LUOT' },
    { type: 'group', label: '6. Hội thi, cuộc thi sáng tạo' },
    { type: 'indicator', code: 'TH_SO' },
    { type: 'indicator', code: 'TH_GIAI_PHAP' },
    { type: 'group', label: '7. Phổ biến kiến thức, truyền thông' },
    { type: 'indicator', code: 'PB_SO' },
    { type: 'indicator', code: 'PB_NGUOI' },
    { type: 'group', label: '8. Nhân đạo, từ thiện, an sinh xã hội' },
    { type: 'indicator', code: 'AS_HO' },
    { type: 'indicator', code: 'AS_GIA_TRI' },
    { type: 'group', label: '9. Công tác tổ chức, hội viên' },
    { type: 'indicator', code: 'TC_HOI_VIEN_MOI' },
    { type: 'indicator', code: 'TC_TO_CHUC_MOI' },
    { type: 'indicator', code: 'TC_HOI_VIEN' },
    {
      type: 'section',
      section: 'results',
      label: 'Đánh giá chung về kết quả đạt được',
      guidance: 'Những kết quả nổi bật trong kỳ, nêu tên đơn vị và con số cụ thể.',
    },
    {
      type: 'section',
      section: 'shortcomings',
      label: 'Tồn tại, hạn chế và nguyên nhân',
      guidance: 'Những việc chưa làm được, khó khăn, vướng mắc và nguyên nhân.',
    },
    {
      type: 'section',
      section: 'directions',
      label: 'Phương hướng, nhiệm vụ trọng tâm kỳ tới',
      guidance: 'Các nhiệm vụ trọng tâm của kỳ tiếp theo.',
    },
    {
      type: 'section',
      section: 'proposals',
      label: 'Kiến nghị, đề xuất',
      guidance: 'Kiến nghị với Liên hiệp Hội cấp trên và các cơ quan liên quan.',
    },
  ] satisfies StandardFormItem[],
} as const;
