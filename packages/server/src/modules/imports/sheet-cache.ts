import type { Sheet } from './sheet.js';

/**
 * The spreadsheets read at upload, kept in memory for the analysis that follows (reading a
 * 100,000-row list again would cost as much as a tenth of the whole import). A bounded cache,
 * not a store: the analysis reads the stored file again when the sheet is not here — after a
 * restart, on another worker, or once newer uploads have pushed it out.
 */
export function sheetCache(maxRows = 250_000) {
  const sheets = new Map<string, Sheet>();
  let rows = 0;
  return {
    put(importId: string, sheet: Sheet) {
      if (sheet.rows.length > maxRows) return;
      sheets.set(importId, sheet);
      rows += sheet.rows.length;
      // the oldest first (a Map iterates in insertion order)
      for (const [id, s] of sheets) {
        if (rows <= maxRows) break;
        sheets.delete(id);
        rows -= s.rows.length;
      }
    },
    get(importId: string): Sheet | undefined {
      return sheets.get(importId);
    },
    drop(importId: string) {
      const s = sheets.get(importId);
      if (!s) return;
      sheets.delete(importId);
      rows -= s.rows.length;
    },
  };
}
