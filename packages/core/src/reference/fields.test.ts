import { describe, it, expect } from 'vitest';
import { FIELDS_OF_ACTIVITY, fieldByCode } from './fields.js';
import { normalizeText } from '../text/vietnamese.js';

describe('FIELDS_OF_ACTIVITY', () => {
  it('has unique snake_case ASCII codes', () => {
    const codes = FIELDS_OF_ACTIVITY.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(?:_[a-z]+)*$/u);
  });

  it('is a short list with Vietnamese and English labels, already normalised', () => {
    expect(FIELDS_OF_ACTIVITY.length).toBeGreaterThanOrEqual(12);
    expect(FIELDS_OF_ACTIVITY.length).toBeLessThanOrEqual(16);
    for (const f of FIELDS_OF_ACTIVITY) {
      expect(normalizeText(f.vi)).toBe(f.vi);
      expect(f.en.length).toBeGreaterThan(0);
    }
  });

  it('ends with the multidisciplinary fallback', () => {
    expect(FIELDS_OF_ACTIVITY.at(-1)?.code).toBe('da_nganh');
  });
});

describe('fieldByCode', () => {
  it('finds a field by its code', () => {
    expect(fieldByCode('y_duoc')?.vi).toBe('Y dược');
    expect(fieldByCode('nong_nghiep')?.vi).toBe('Nông – lâm – ngư nghiệp');
    expect(fieldByCode('cntt')?.en).toBe('Information and communication technology');
  });

  it('returns undefined for an unknown code', () => {
    expect(fieldByCode('Y dược')).toBeUndefined();
    expect(fieldByCode('')).toBeUndefined();
  });
});
