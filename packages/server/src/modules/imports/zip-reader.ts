import zlib from 'node:zlib';
import { unprocessable } from './import-errors.js';

/**
 * The few entries of an .xlsx package we need, read straight from the central directory.
 * Every inflation is bounded by what is left of a total budget, so a zip bomb stops at the
 * budget instead of filling the memory — whatever sizes its headers claim.
 */
export interface ZipLimits {
  /** Bytes all inflated entries together may take. */
  maxInflatedBytes: number;
  maxEntries: number;
}

export interface ZipArchive {
  names: string[];
  has(name: string): boolean;
  /** The entry's bytes, inflated within the remaining budget; undefined when absent. */
  read(name: string): Buffer | undefined;
}

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const broken = () =>
  unprocessable(
    'file',
    'Tệp .xlsx bị hỏng (cấu trúc nén không đọc được); hãy mở và lưu lại bằng Excel',
  );

export function openZip(buf: Buffer, limits: ZipLimits): ZipArchive {
  // End of central directory: within the last 64 KiB + 22 bytes (comment at most 65535).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const count = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    throw unprocessable('file', 'Tệp quá lớn hoặc dùng định dạng ZIP64, không nhận');
  }
  if (count > limits.maxEntries) {
    throw unprocessable(
      'file',
      `Tệp có ${count} thành phần nén — bất thường với một bảng tính, không nhận`,
    );
  }
  if (dirOffset + dirSize > buf.length) throw broken();

  const entries = new Map<string, Entry>();
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw broken();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (flags & 1) {
      throw unprocessable(
        'file',
        'Tệp được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu trong Excel rồi tải lên lại',
      );
    }
    entries.set(name, { method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }

  let budget = limits.maxInflatedBytes;
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const e = entries.get(name);
      if (!e) return undefined;
      const at = e.localOffset;
      if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw broken();
      const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
      const data = buf.subarray(start, start + e.compressedSize);
      if (data.length !== e.compressedSize) throw broken();
      let out: Buffer;
      if (e.method === 0) {
        out = Buffer.from(data);
      } else if (e.method === 8) {
        try {
          out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
        } catch (err) {
          if (
            err instanceof RangeError ||
            (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
          ) {
            throw bomb();
          }
          throw broken();
        }
      } else {
        throw broken();
      }
      budget -= out.length;
      if (budget < 0) throw bomb();
      return out;
    },
  };
}

const bomb = () =>
  unprocessable(
    'file',
    'Tệp giải nén ra quá lớn so với một bảng tính (nghi là "bom nén"); không nhận. Nếu là dữ liệu thật, hãy chia thành nhiều tệp',
  );
