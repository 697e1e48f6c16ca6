/**
 * The narrative sections of the demo's reports (results, shortcomings, directions, proposals),
 * written from the unit's own figures so the prose agrees with the table above it.
 */
import { formatNumber, type ReportSection } from '@lienhiep/core';
import { pick, type Rng } from './random.js';

const n = (x: number | undefined) => formatNumber(x ?? 0, 0);

const SHORTCOMINGS = [
  'Cơ sở vật chất còn thiếu thốn, chưa có trụ sở làm việc riêng; nguồn kinh phí hoạt động hạn hẹp, chủ yếu dựa vào hội phí và tài trợ.',
  'Cán bộ chủ yếu hoạt động kiêm nhiệm, thời gian dành cho công tác hội còn hạn chế; thiếu cán bộ trẻ có năng lực và tâm huyết.',
  'Hoạt động tư vấn, phản biện và giám định xã hội chưa thường xuyên, chủ yếu theo đề nghị của cơ quan nhà nước.',
  'Công tác phát triển hội viên còn gặp khó khăn, chưa thu hút được nhiều trí thức trẻ tham gia.',
  'Việc cập nhật số liệu hoạt động lên hệ thống còn chậm; một số chi hội chưa báo cáo đúng hạn.',
  'Tính kết nối giữa các hội thành viên chưa sâu rộng; học tập, trao đổi kinh nghiệm chưa được tiến hành thường xuyên.',
];

const DIRECTIONS = [
  'Tiếp tục quán triệt và triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.',
  'Tăng cường công tác tư vấn, phản biện và giám định xã hội; chủ động đề xuất chủ đề phản biện với cơ quan có thẩm quyền.',
  'Đẩy mạnh đào tạo, bồi dưỡng, phổ biến kiến thức khoa học và công nghệ, ưu tiên hình thức trực tuyến.',
  'Kiện toàn tổ chức, phát triển hội viên; chuẩn bị tốt cho đại hội nhiệm kỳ mới.',
  'Thúc đẩy chuyển đổi số trong hoạt động hội; cập nhật đầy đủ, kịp thời số liệu hoạt động lên hệ thống.',
  'Mở rộng hợp tác với các viện nghiên cứu, trường đại học và doanh nghiệp để huy động nguồn lực cho hoạt động khoa học.',
];

const PROPOSALS = [
  'Đề nghị Liên hiệp Hội cấp trên tiếp tục tổ chức các lớp tập huấn nâng cao năng lực tư vấn, phản biện cho cán bộ hội.',
  'Đề nghị các cơ quan nhà nước bố trí kinh phí cho hoạt động tư vấn, phản biện và giám định xã hội theo quy định.',
  'Kiến nghị sớm ban hành văn bản hướng dẫn cơ chế để các nhà khoa học thuộc các hội tham gia trực tiếp nhiệm vụ khoa học và công nghệ các cấp.',
  'Đề nghị hỗ trợ trụ sở làm việc và trang thiết bị phục vụ chuyển đổi số cho các hội thành viên.',
];

function clauses(v: Readonly<Record<string, number>>): string[] {
  const out: string[] = [];
  if (v.DT_LOP)
    out.push(
      `tổ chức ${n(v.DT_LOP)} lớp đào tạo, tập huấn, bồi dưỡng${v.DT_LOP_TRUC_TUYEN ? ` (trong đó ${n(v.DT_LOP_TRUC_TUYEN)} lớp trực tuyến)` : ''} với ${n(v.DT_LUOT)} lượt người tham gia`,
    );
  if (v.HT_SO)
    out.push(
      `tổ chức ${n(v.HT_SO)} hội thảo, hội nghị, tọa đàm với ${n(v.HT_DAI_BIEU)} lượt đại biểu`,
    );
  if (v.TV_SO)
    out.push(
      `thực hiện ${n(v.TV_SO)} hoạt động tư vấn, phản biện và giám định xã hội, góp ý ${n(v.TV_VAN_BAN)} văn bản với ${n(v.TV_Y_KIEN)} ý kiến`,
    );
  if (v.DA_SO)
    out.push(
      `thực hiện ${n(v.DA_SO)} đề tài, dự án khoa học và công nghệ${v.DA_CAP_QG_BO ? ` (${n(v.DA_CAP_QG_BO)} đề tài cấp quốc gia, cấp bộ)` : ''}`,
    );
  if (v.QT_SO) out.push(`triển khai ${n(v.QT_SO)} hoạt động hợp tác quốc tế`);
  if (v.TH_SO)
    out.push(
      `tổ chức ${n(v.TH_SO)} hội thi, cuộc thi với ${n(v.TH_GIAI_PHAP)} giải pháp, bài dự thi`,
    );
  if (v.PB_SO)
    out.push(
      `thực hiện ${n(v.PB_SO)} hoạt động phổ biến kiến thức, tiếp cận ${n(v.PB_NGUOI)} lượt người`,
    );
  if (v.AS_HO) out.push(`hỗ trợ ${n(v.AS_HO)} hộ gia đình có hoàn cảnh khó khăn`);
  return out;
}

/** The four sections of one report. */
export function demoSections(
  rng: Rng,
  ctx: { unitWord: string; periodPhrase: string; values: Readonly<Record<string, number>> },
): Record<ReportSection, string> {
  const done = clauses(ctx.values);
  const results = done.length
    ? `Trong ${ctx.periodPhrase}, ${ctx.unitWord} đã ${done.join('; ')}.` +
      (ctx.values.TC_HOI_VIEN_MOI
        ? ` Công tác phát triển hội viên được quan tâm, kết nạp ${n(ctx.values.TC_HOI_VIEN_MOI)} hội viên mới.`
        : '')
    : `Trong ${ctx.periodPhrase}, ${ctx.unitWord} duy trì sinh hoạt thường kỳ, tập trung kiện toàn tổ chức và chuẩn bị kế hoạch hoạt động.`;
  const a = pick(rng, SHORTCOMINGS);
  let b = pick(rng, SHORTCOMINGS);
  if (b === a) b = SHORTCOMINGS[(SHORTCOMINGS.indexOf(a) + 1) % SHORTCOMINGS.length]!;
  const d1 = pick(rng, DIRECTIONS);
  let d2 = pick(rng, DIRECTIONS);
  if (d2 === d1) d2 = DIRECTIONS[(DIRECTIONS.indexOf(d1) + 2) % DIRECTIONS.length]!;
  return {
    results,
    shortcomings: `${a}\n${b}`,
    directions: `1. ${d1}\n2. ${d2}\n3. Thực hiện tốt công tác thi đua, khen thưởng; tổng kết, đánh giá kết quả hoạt động đúng thời hạn.`,
    proposals: pick(rng, PROPOSALS),
  };
}
