/**
 * Likely duplicates of an imported member, within the file and among the people already kept.
 *
 * Two records are the same person when their accent-free names match (tone-mark placement
 * ignored: `personNameKey`) and one of birth year, phone or e-mail also matches, or when their
 * national ID matches whatever the name. Same name with nothing to tell them apart is only a
 * warning: namesakes are common ("Nguyễn Văn An").
 */
export interface DedupeRecord {
  nameKey: string;
  birthYear: number | null;
  phone: string | null;
  email: string | null;
  nationalId: string | null;
}

export interface FileRecord extends DedupeRecord {
  rowNumber: number;
}

export interface ExistingPerson extends DedupeRecord {
  id: string;
  fullName: string;
  /** Already a member of the importing organisation on the join date. */
  alreadyMember: boolean;
}

export type MatchStrength = 'same' | 'possible';

export interface Match {
  strength: MatchStrength;
  reason: string;
}

export function compareRecords(a: DedupeRecord, b: DedupeRecord): Match | null {
  if (a.nationalId !== null && a.nationalId === b.nationalId) {
    return { strength: 'same', reason: 'cùng số CCCD/CMND' };
  }
  if (a.nameKey === '' || a.nameKey !== b.nameKey) return null;
  const also: string[] = [];
  if (a.birthYear !== null && a.birthYear === b.birthYear) also.push(`năm sinh ${a.birthYear}`);
  if (a.phone !== null && a.phone === b.phone) also.push('số điện thoại');
  if (a.email !== null && a.email === b.email) also.push('thư điện tử');
  if (also.length > 0) return { strength: 'same', reason: `cùng họ tên và ${also.join(', ')}` };
  // A difference in any of them means namesakes, not one person typed twice.
  const differs =
    (a.birthYear !== null && b.birthYear !== null) ||
    (a.phone !== null && b.phone !== null) ||
    (a.email !== null && b.email !== null) ||
    (a.nationalId !== null && b.nationalId !== null);
  return differs
    ? null
    : { strength: 'possible', reason: 'cùng họ tên, không đủ thông tin để phân biệt' };
}

export interface FileMatch extends Match {
  row: number;
}

/**
 * The rows of a file seen so far, to find which earlier row a new one repeats. Rows are added
 * in the file's order, part by part as the analysis reads them.
 */
export function fileDuplicates() {
  const byName = new Map<string, FileRecord[]>();
  const byId = new Map<string, FileRecord>();
  return {
    /** The earliest earlier row `r` repeats (a sure match before a possible one), if any. */
    add(r: FileRecord): FileMatch | null {
      let best: FileMatch | null = null;
      const consider = (earlier: FileRecord) => {
        const m = compareRecords(r, earlier);
        if (!m) return;
        if (
          best === null ||
          (m.strength === 'same' && best.strength === 'possible') ||
          (m.strength === best.strength && earlier.rowNumber < best.row)
        ) {
          best = { ...m, row: earlier.rowNumber };
        }
      };
      if (r.nationalId !== null) {
        const e = byId.get(r.nationalId);
        if (e) consider(e);
      }
      if (r.nameKey !== '') for (const e of byName.get(r.nameKey) ?? []) consider(e);
      if (r.nameKey !== '') {
        const list = byName.get(r.nameKey);
        if (list) list.push(r);
        else byName.set(r.nameKey, [r]);
      }
      if (r.nationalId !== null && !byId.has(r.nationalId)) byId.set(r.nationalId, r);
      return best;
    },
  };
}

/** For each row, the earliest earlier row it repeats (the first occurrence is the one kept). */
export function duplicatesWithinFile(rows: readonly FileRecord[]): Map<number, FileMatch> {
  const seen = fileDuplicates();
  const out = new Map<number, FileMatch>();
  for (const r of rows) {
    const m = seen.add(r);
    if (m !== null) out.set(r.rowNumber, m);
  }
  return out;
}

export interface PersonMatch extends Match {
  person: ExistingPerson;
}

/** The best match among existing people (a sure match before a possible one). */
export function matchExisting(
  r: DedupeRecord,
  candidates: readonly ExistingPerson[],
): PersonMatch | null {
  let best: PersonMatch | null = null;
  for (const p of candidates) {
    const m = compareRecords(r, p);
    if (!m) continue;
    if (best === null || (m.strength === 'same' && best.strength === 'possible')) {
      best = { ...m, person: p };
    }
  }
  return best;
}
