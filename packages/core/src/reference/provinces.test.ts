import { describe, it, expect } from 'vitest';
import {
  HISTORIC_PROVINCES,
  PROVINCES,
  historicProvinceByCode,
  provinceByCode,
  successorProvince,
} from './provinces.js';

const codes = (list: readonly { code: string }[]): string[] => list.map((p) => p.code);

describe('PROVINCES', () => {
  it('holds the 34 units since 1 July 2025, codes unique and ascending', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(codes(PROVINCES)).size).toBe(34);
    expect(codes(PROVINCES)).toEqual([...codes(PROVINCES)].sort());
    for (const p of PROVINCES) expect(p.code).toMatch(/^\d{2}$/u);
  });

  it('lists exactly the six centrally-run cities', () => {
    expect(PROVINCES.filter((p) => p.type === 'city').map((p) => p.name)).toEqual([
      'Hà Nội',
      'Hải Phòng',
      'Huế',
      'Đà Nẵng',
      'Hồ Chí Minh',
      'Cần Thơ',
    ]);
  });

  it('builds full names from the unit type', () => {
    expect(provinceByCode('79')?.fullName).toBe('Thành phố Hồ Chí Minh');
    expect(provinceByCode('46')?.fullName).toBe('Thành phố Huế');
    expect(provinceByCode('25')?.fullName).toBe('Tỉnh Phú Thọ');
  });

  it('records what each unit was formed from', () => {
    expect(provinceByCode('31')?.mergedFrom).toEqual(['30', '31']);
    expect(provinceByCode('25')?.mergedFrom).toEqual(['17', '25', '26']);
    expect(provinceByCode('92')?.mergedFrom).toEqual(['92', '93', '94']);
    expect(provinceByCode('52')?.mergedFrom).toEqual(['52', '64']);
    expect(provinceByCode('01')?.mergedFrom).toEqual(['01']);
  });

  it('has mergedFrom equal to the historic provinces that name it as successor', () => {
    for (const p of PROVINCES) {
      const predecessors = HISTORIC_PROVINCES.filter((h) => h.successorCode === p.code).map(
        (h) => h.code,
      );
      expect(p.mergedFrom, p.name).toEqual(predecessors);
    }
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(PROVINCES)).toBe(true);
    expect(Object.isFrozen(PROVINCES[0])).toBe(true);
    expect(Object.isFrozen(PROVINCES[0]?.mergedFrom)).toBe(true);
  });
});

describe('HISTORIC_PROVINCES', () => {
  it('holds the 63 units before 1 July 2025, codes unique and ascending', () => {
    expect(HISTORIC_PROVINCES).toHaveLength(63);
    expect(new Set(codes(HISTORIC_PROVINCES)).size).toBe(63);
    expect(codes(HISTORIC_PROVINCES)).toEqual([...codes(HISTORIC_PROVINCES)].sort());
  });

  it('points every province to an existing successor', () => {
    for (const h of HISTORIC_PROVINCES) {
      expect(provinceByCode(h.successorCode), h.name).toBeDefined();
    }
  });

  it('has the five cities of the old list', () => {
    expect(
      HISTORIC_PROVINCES.filter((h) => h.fullName.startsWith('Thành phố')).map((h) => h.code),
    ).toEqual(['01', '31', '48', '79', '92']);
  });

  it.each([
    ['30', 'Hải Dương', '31'],
    ['26', 'Vĩnh Phúc', '25'],
    ['17', 'Hòa Bình', '25'],
    ['27', 'Bắc Ninh', '24'],
    ['24', 'Bắc Giang', '24'],
    ['45', 'Quảng Trị', '44'],
    ['46', 'Thừa Thiên Huế', '46'],
    ['62', 'Kon Tum', '51'],
    ['64', 'Gia Lai', '52'],
    ['54', 'Phú Yên', '66'],
    ['77', 'Bà Rịa - Vũng Tàu', '79'],
    ['72', 'Tây Ninh', '80'],
    ['87', 'Đồng Tháp', '82'],
    ['02', 'Hà Giang', '08'],
    ['10', 'Lào Cai', '15'],
    ['06', 'Bắc Kạn', '19'],
  ])('%s %s → %s', (code, name, successor) => {
    const h = historicProvinceByCode(code);
    expect(h?.name).toBe(name);
    expect(h?.successorCode).toBe(successor);
  });

  it('keeps the two code lists apart: one code, two different units', () => {
    expect(historicProvinceByCode('52')?.name).toBe('Bình Định');
    expect(provinceByCode('52')?.name).toBe('Gia Lai');
    expect(historicProvinceByCode('44')?.name).toBe('Quảng Bình');
    expect(provinceByCode('44')?.name).toBe('Quảng Trị');
  });
});

describe('lookups', () => {
  it('accept codes without the leading zero', () => {
    expect(provinceByCode('1')?.name).toBe('Hà Nội');
    expect(provinceByCode(1)?.name).toBe('Hà Nội');
    expect(historicProvinceByCode(' 2 ')?.name).toBe('Hà Giang');
  });

  it('return undefined for unknown codes', () => {
    expect(provinceByCode('02')).toBeUndefined();
    expect(provinceByCode('99')).toBeUndefined();
    expect(historicProvinceByCode('03')).toBeUndefined();
    expect(successorProvince('03')).toBeUndefined();
  });

  it('find the successor of a historic province', () => {
    expect(successorProvince('30')?.name).toBe('Hải Phòng');
    expect(successorProvince('94')?.name).toBe('Cần Thơ');
  });
});
