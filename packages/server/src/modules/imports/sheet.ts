/** A spreadsheet as the import sees it: the first sheet's non-empty rows, every cell as text. */
export interface SheetRow {
  /** The row's number as shown in Excel (1-based; for CSV, the line's record number). */
  number: number;
  cells: string[];
}

export interface Sheet {
  format: 'xlsx' | 'csv';
  name: string | null;
  rows: SheetRow[];
}

export interface ReadLimits {
  /** Non-empty rows. */
  maxRows: number;
  /** Columns holding a value in some row. */
  maxColumns: number;
  /** What the parts of an .xlsx may inflate to, together. */
  maxInflatedBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxRows: 200_000,
  maxColumns: 200,
  maxInflatedBytes: 400 * 1024 * 1024,
};

/**
 * Cell text conventions shared by both readers, so that normalisation sees one shape:
 * dates (cells formatted as dates) as dd/mm/yyyy, a formula as "=" followed by its text (the
 * import refuses formulas, it does not evaluate them), booleans as TRUE/FALSE.
 */
export const FORMULA_PREFIX = '=';

export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const whole = Math.floor(serial);
  // 1900 system: Excel counts a 29/02/1900 that never was; serials from 61 on are one day ahead.
  const days = date1904 ? whole + 1462 : whole < 60 ? whole + 1 : whole;
  const ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  const d = new Date(ms);
  if (!date1904 && whole === 60) return null;
  return d.toISOString().slice(0, 10);
}

export const isoToDmy = (iso: string): string => iso.split('-').reverse().join('/');
