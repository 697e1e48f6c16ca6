import { normalizeText } from '@lienhiep/core';
import { AppError } from '../../shared/errors.js';
import { openZip } from '../imports/zip-reader.js';

/** Largest attachment of an activity. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface SniffedType {
  mediaType: string;
  /** The extensions a file of this type may carry; the first is given to a name without one. */
  extensions: readonly string[];
  label: string;
}

const T = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (.docx)',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (.xlsx)',
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'PowerPoint (.pptx)',
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'ODT' },
  ods: {
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    label: 'ODS',
  },
  doc: { mediaType: 'application/msword', extensions: ['doc'], label: 'Word (.doc)' },
  xls: { mediaType: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Excel (.xls)' },
  ppt: {
    mediaType: 'application/vnd.ms-powerpoint',
    extensions: ['ppt'],
    label: 'PowerPoint (.ppt)',
  },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'ảnh JPEG' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'ảnh PNG' },
  gif: { mediaType: 'image/gif', extensions: ['gif'], label: 'ảnh GIF' },
  webp: { mediaType: 'image/webp', extensions: ['webp'], label: 'ảnh WebP' },
} as const satisfies Record<string, SniffedType>;

export const ACCEPTED_TYPES_TEXT =
  'PDF, Word, Excel, PowerPoint, OpenDocument, ảnh JPEG, PNG, GIF, WebP';

const starts = (b: Buffer, bytes: readonly number[], at = 0) =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);

const extensionOf = (name: string): string | null => {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : null;
};

/**
 * What the bytes are, whatever the name says: the few kinds of document an activity's record
 * keeps (minutes, decisions, reports, photos). The Office packages are told apart by their
 * parts; an old binary Office file (one compound-file signature for all three) by its name.
 */
export function sniffAttachment(b: Buffer, fileName: string): SniffedType | null {
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return T.pdf;
  if (starts(b, [0xff, 0xd8, 0xff])) return T.jpeg;
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return T.png;
  if (starts(b, [0x47, 0x49, 0x46, 0x38])) return T.gif;
  if (starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b, [0x57, 0x45, 0x42, 0x50], 8)) return T.webp;
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const ext = extensionOf(fileName);
    return ext === 'doc' ? T.doc : ext === 'xls' ? T.xls : ext === 'ppt' ? T.ppt : null;
  }
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    let names: string[];
    try {
      const zip = openZip(b, { maxInflatedBytes: 1024, maxEntries: 20_000 });
      names = zip.names;
      if (zip.has('mimetype')) {
        const mime = zip.read('mimetype')?.toString('ascii').trim();
        if (mime === T.odt.mediaType) return T.odt;
        if (mime === T.ods.mediaType) return T.ods;
        return null;
      }
    } catch {
      return null;
    }
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.some((n) => n.startsWith('word/'))) return T.docx;
    if (names.some((n) => n.startsWith('xl/'))) return T.xlsx;
    if (names.some((n) => n.startsWith('ppt/'))) return T.pptx;
  }
  return null;
}

const ALL_EXTENSIONS = new Set(Object.values(T).flatMap((t) => t.extensions as readonly string[]));

/**
 * The name a file is kept under: the last part of a path, NFC, without control characters or the
 * characters Windows refuses, at most 150 characters, with an extension matching its content
 * (added when missing). A known extension that contradicts the content is refused.
 */
export function safeFileName(given: string, type: SniffedType): string {
  const base = given.split(/[/\\]/).pop() ?? '';
  const visible = [...base].map((c) => (c.charCodeAt(0) < 32 || c === '\u007f' ? ' ' : c)).join('');
  let name = normalizeText(visible.replace(/[<>:"|?*]/g, ' '))
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  const ext = extensionOf(name);
  if (ext !== null && ALL_EXTENSIONS.has(ext) && !type.extensions.includes(ext)) {
    throw new AppError(
      422,
      'file_type_mismatch',
      `Tệp "${name}" có đuôi .${ext} nhưng nội dung là ${type.label}; hãy kiểm tra lại tệp`,
      'fileName',
    );
  }
  const keptExt = ext !== null && type.extensions.includes(ext) ? ext : type.extensions[0];
  let stem =
    ext !== null && type.extensions.includes(ext) ? name.slice(0, -(ext.length + 1)) : name;
  stem = stem.trim() === '' ? 'tep-dinh-kem' : stem.trim();
  if (stem.length > 140) stem = stem.slice(0, 140).trim();
  name = `${stem}.${keptExt}`;
  return name;
}

/**
 * Content-Disposition for a download: an ASCII fallback (accents dropped, anything else
 * replaced) and the real name in UTF-8 (RFC 6266 / 5987), which every current browser uses.
 */
export function contentDisposition(fileName: string, inline = false): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
