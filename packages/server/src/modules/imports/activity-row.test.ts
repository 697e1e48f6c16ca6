import { describe, expect, it } from 'vitest';
import { guessActivityField, amountMultiplier } from './activity-fields.js';
import { kindNamed, modeNamed, normaliseActivityRow, readCount, readSpan } from './activity-row.js';
import { PROVINCE_KEYS } from './member-analysis.js';

describe('reading an activity list', () => {
  it('recognises the kinds lists write, with their subtype', () => {
    expect(kindNamed('Tập huấn')).toEqual({ kind: 'training', subtype: null });
    expect(kindNamed('Lớp đào tạo ngắn hạn')).toEqual({ kind: 'training', subtype: null });
    expect(kindNamed('Hội thảo')).toEqual({ kind: 'event', subtype: 'workshop' });
    expect(kindNamed('HỘI NGHỊ tổng kết')).toEqual({ kind: 'event', subtype: 'conference' });
    expect(kindNamed('Tọa đàm')).toEqual({ kind: 'event', subtype: 'roundtable' });
    expect(kindNamed('Góp ý dự thảo')).toEqual({ kind: 'consultancy', subtype: 'comment' });
    expect(kindNamed('Tư vấn, phản biện')).toEqual({ kind: 'consultancy', subtype: 'critique' });
    expect(kindNamed('Giám định xã hội')).toEqual({ kind: 'consultancy', subtype: 'assessment' });
    expect(kindNamed('TV-PB-GĐXH')).toEqual({ kind: 'consultancy', subtype: null });
    expect(kindNamed('Đề tài')?.kind).toBe('project');
    expect(kindNamed('Dự án')?.kind).toBe('project');
    expect(kindNamed('Hợp tác quốc tế')?.kind).toBe('international');
    expect(kindNamed('Hội thi Sáng tạo kỹ thuật')).toEqual({
      kind: 'contest',
      subtype: 'technical',
    });
    expect(kindNamed('Nhân đạo, từ thiện')?.kind).toBe('welfare');
    expect(kindNamed('training')).toEqual({ kind: 'training', subtype: null });
    // "khoa học" is science, not a course
    expect(kindNamed('Sinh hoạt khoa học')).toBeNull();
  });

  it('reads counts and amounts as Vietnamese lists write them', () => {
    expect(readCount('1.250')).toEqual({ value: 1250, approximate: false });
    expect(readCount('20 000')).toEqual({ value: 20000, approximate: false });
    expect(readCount('khoảng 40')).toEqual({ value: 40, approximate: true });
    expect(readCount('hơn 300 người')).toEqual({ value: 300, approximate: true });
    expect(readCount('2,5')).toEqual({ error: 'phải là số nguyên' });
    expect(readCount('nhiều')).toEqual({ error: 'không phải là số' });
    expect(readCount('45 triệu', 1, true)).toEqual({ value: 45_000_000, approximate: false });
    expect(readCount('1,2 tỷ đồng', 1, true)).toEqual({ value: 1_200_000_000, approximate: false });
    expect(readCount('45.000.000 đ', 1_000_000, true)).toEqual({
      value: 45_000_000,
      approximate: false,
    });
    expect(readCount('45', 1_000_000, true)).toEqual({ value: 45_000_000, approximate: false });
    expect(amountMultiplier('Kinh phí (triệu đồng)')).toBe(1_000_000);
    expect(amountMultiplier('Kinh phí (đồng)')).toBe(1);
  });

  it('reads dates, spans and Excel serials; the mode in words', () => {
    expect(readSpan('10/03/2025')).toEqual({ from: '2025-03-10', to: '2025-03-10' });
    expect(readSpan('10/03/2025 - 12/03/2025')).toEqual({ from: '2025-03-10', to: '2025-03-12' });
    expect(readSpan('từ 10/03/2025 đến 12/03/2025')).toEqual({
      from: '2025-03-10',
      to: '2025-03-12',
    });
    expect(readSpan('10-12/03/2025')).toEqual({ from: '2025-03-10', to: '2025-03-12' });
    expect(readSpan('45726')).toEqual({ from: '2025-03-10', to: '2025-03-10' });
    expect('error' in readSpan('2025')).toBe(true);
    expect('error' in readSpan('31/02/2025')).toBe(true);
    expect(modeNamed('Trực tuyến')).toBe('online');
    expect(modeNamed('online qua Zoom')).toBe('online');
    expect(modeNamed('Kết hợp trực tiếp và trực tuyến')).toBe('hybrid');
    expect(modeNamed('Tập trung')).toBe('offline');
    expect(modeNamed('???')).toBeNull();
  });

  it('suggests the field of each heading', () => {
    expect(guessActivityField('Tên hoạt động')).toBe('activityTitle');
    expect(guessActivityField('Loại hình')).toBe('activityKind');
    expect(guessActivityField('Thời gian')).toBe('startsOn');
    expect(guessActivityField('Số lượt học viên')).toBe('attendances');
    expect(guessActivityField('Số đại biểu')).toBe('participants');
    expect(guessActivityField('Kinh phí (triệu đồng)')).toBe('amount');
    expect(guessActivityField('Đơn vị thực hiện')).toBe('unit');
    expect(guessActivityField('Hình thức')).toBe('mode');
  });

  it('normalises a row: kind from the title, figures the kind does not record dropped with a warning', () => {
    const mapping = new Map<number, string>([
      [0, 'activityTitle'],
      [1, 'startsOn'],
      [2, 'attendances'],
      [3, 'households'],
      [4, 'amount'],
    ]);
    const r = normaliseActivityRow(
      ['Khám bệnh miễn phí cho người cao tuổi', '20/05/2025', '200', '87', '12,5'],
      mapping,
      {
        today: '2025-11-01',
        defaultDate: '2025-11-01',
        provinces: PROVINCE_KEYS,
        amountMultiplier: 1_000_000,
      },
    );
    expect(r.data).toMatchObject({
      kind: 'welfare',
      subtype: 'health',
      startsOn: '2025-05-20',
      endsOn: '2025-05-20',
      figures: { households: 87, amount: 12_500_000 },
    });
    expect(r.issues.find((i) => i.field === 'attendances')).toMatchObject({
      severity: 'warning',
      message:
        'Hoạt động loại "Nhân đạo, từ thiện, an sinh xã hội" không ghi "Số lượt người"; bỏ qua 200',
    });
    expect(r.nameKey).toBe('kham benh mien phi cho nguoi cao tuoi');
  });
});
