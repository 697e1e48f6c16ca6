import { AppError } from '../../shared/errors.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const EXT_TYPES: Readonly<
  Record<string, { media: string; magic: 'pdf' | 'zip' | 'ole' | 'png' | 'jpeg' | 'text' }>
> = {
  pdf: { media: 'application/pdf', magic: 'pdf' },
  docx: {
    media: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: 'zip',
  },
  xlsx: {
    media: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: 'zip',
  },
  pptx: {
    media: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: 'zip',
  },
  odt: { media: 'application/vnd.oasis.opendocument.text', magic: 'zip' },
  ods: { media: 'application/vnd.oasis.opendocument.spreadsheet', magic: 'zip' },
  zip: { media: 'application/zip', magic: 'zip' },
  doc: { media: 'application/msword', magic: 'ole' },
  xls: { media: 'application/vnd.ms-excel', magic: 'ole' },
  ppt: { media: 'application/vnd.ms-powerpoint', magic: 'ole' },
  png: { media: 'image/png', magic: 'png' },
  jpg: { media: 'image/jpeg', magic: 'jpeg' },
  jpeg: { media: 'image/jpeg', magic: 'jpeg' },
  txt: { media: 'text/plain; charset=utf-8', magic: 'text' },
  csv: { media: 'text/csv; charset=utf-8', magic: 'text' },
};

function magicOf(b: Buffer): 'pdf' | 'zip' | 'ole' | 'png' | 'jpeg' | 'text' | null {
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  if (b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    return 'ole';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (!b.includes(0)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
      return 'text';
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The media type of an uploaded file, from its content (never from what the browser claims):
 * the bytes must be of the kind the file's extension says.
 */
export function sniffAttachment(fileName: string, content: Buffer): string {
  if (content.length === 0) throw new AppError(400, 'invalid', 'Tệp rỗng', 'fileName');
  if (content.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(413, 'too_large', 'Tệp đính kèm tối đa 10 MB');
  }
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const type = EXT_TYPES[ext];
  if (!type) {
    throw new AppError(
      422,
      'unsupported_type',
      'Chỉ nhận tệp PDF, Word, Excel, PowerPoint, OpenDocument, ảnh JPEG/PNG, văn bản (.txt, .csv) hoặc .zip',
      'fileName',
    );
  }
  if (magicOf(content) !== type.magic) {
    throw new AppError(
      422,
      'unsupported_type',
      `Nội dung tệp không đúng loại .${ext} như tên tệp cho biết`,
      'fileName',
    );
  }
  return type.media;
}

/** Content-Disposition with the UTF-8 name (RFC 6266/5987) and an ASCII fallback. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
