/**
 * Shapes of the deterministic demo dataset of the VUSTA organisation tree.
 *
 * The string unions below mirror `OrganizationKind` and `LineageEventKind` of
 * `@lienhiep/core`; they are repeated here so that the demo data compiles on
 * its own. Keep them equal to the core ones.
 */

export type OrganizationKind =
  | 'central_union'
  | 'national_association'
  | 'provincial_union'
  | 'member_association'
  | 'branch'
  | 'st_organization'
  | 'club'
  | 'collective_member';

export type LineageEventKind = 'merge' | 'split' | 'rename' | 'move' | 'dissolve';

/** Fields of activity used by the demo data (a subset of the core list). */
export type DemoFieldCode =
  | 'y_duoc'
  | 'nong_nghiep'
  | 'ky_thuat'
  | 'cntt'
  | 'kinh_te'
  | 'luat'
  | 'khxh'
  | 'tu_nhien'
  | 'moi_truong'
  | 'giao_duc'
  | 'van_hoa'
  | 'xay_dung'
  | 'da_nganh';

export interface DemoLegalBasis {
  number: string;
  date: string /* yyyy-mm-dd */;
  issuer: string;
}

export interface DemoOrganization {
  key: string; // stable unique key, also used as the organisation code (ASCII, e.g. 'VUSTA', 'HNTQ-017', 'LHH-31', 'LHH-31-HTV-001')
  kind: OrganizationKind;
  fullName: string; // name at founding, correct Vietnamese with diacritics, NFC
  shortName: string | null; // e.g. 'Liên hiệp Hội Hải Phòng', 'Hội Dược học'
  englishName: string | null;
  provinceCode: string | null; // current (34-list) province; for units that ended before 2025 use the successor province
  historicProvinceCode: string | null; // 63-list code for units of a pre-2025 province, else null
  fieldCode: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  foundingDecision: DemoLegalBasis | null;
  foundedOn: string; // yyyy-mm-dd, the organisation exists from this date
  parentKey: string | null; // parent at foundedOn (null only for the central union)
}

export type DemoLineageEvent =
  | {
      kind: 'merge';
      effectiveDate: string;
      legalBasis: DemoLegalBasis;
      note: string;
      sourceKeys: string[];
      survivorKey: string;
    } // sourceKeys (not including the survivor) end on effectiveDate; their children move under the survivor
  | {
      kind: 'rename';
      effectiveDate: string;
      legalBasis: DemoLegalBasis;
      note: string;
      organizationKey: string;
      fullName: string;
      shortName: string | null;
    }
  | {
      kind: 'move';
      effectiveDate: string;
      legalBasis: DemoLegalBasis;
      note: string;
      organizationKey: string;
      newParentKey: string;
    }
  | {
      kind: 'split';
      effectiveDate: string;
      legalBasis: DemoLegalBasis;
      note: string;
      sourceKey: string;
      sourceContinues: boolean;
      newOrganizations: DemoOrganization[];
      childMoves: { childKey: string; toKey: string }[];
    } // newOrganizations have foundedOn === effectiveDate
  | {
      kind: 'dissolve';
      effectiveDate: string;
      legalBasis: DemoLegalBasis;
      note: string;
      organizationKey: string;
    };

/**
 * `organizations` holds every unit that exists before any event; units created
 * by a `split` appear only in that event's `newOrganizations` (never twice).
 * `events` are sorted by effectiveDate ascending (ties keep a fixed order).
 */
export interface DemoDataset {
  organizations: DemoOrganization[];
  events: DemoLineageEvent[];
} // events sorted by effectiveDate ascending
