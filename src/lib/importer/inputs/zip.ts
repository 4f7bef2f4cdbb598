/**
 * Reads a ZIP container (DOCX, XLSX) without trusting it: the central directory's declared
 * sizes are checked against caps before anything is inflated, and every entry is then inflated
 * with Node's zlib under `maxOutputLength`, so a zip bomb (or a header that lies about its size)
 * stops at the cap instead of filling memory.
 */

import { inflateRawSync } from 'node:zlib';
import { InputError } from './errors.ts';

/** Caps for a report's container: a DOCX of a report is well under 1 MB unpacked. */
export const ZIP_LIMITS = {
  entries: 2_000,
  /** Total of all entries once inflated. */
  totalBytes: 100 * 1024 * 1024,
  /** One entry once inflated. */
  entryBytes: 50 * 1024 * 1024,
  /** Inflated size over compressed size, for entries above 1 MB. */
  ratio: 200,
} as const;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
  readonly flags: number;
}

function bomb(fileName: string, detail: string): InputError {
  return new InputError(
    `${fileName} 解压后过大（${detail}），可能是损坏或恶意构造的文件，没有读取。请用 Word/WPS 重新另存为 .docx（或 .xlsx）后再导入。`,
  );
}

function broken(fileName: string, detail: string): InputError {
  return new InputError(
    `${fileName} 不是完整的 Office 文件（${detail}）。文件可能下载不完整或已损坏：请重新下载或用 Word/WPS 重新另存后再导入。`,
  );
}

/** The central directory, checked against the caps. */
export function listZip(data: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken(fileName, '找不到 ZIP 目录');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw broken(fileName, '不支持 ZIP64 格式');
  if (count > ZIP_LIMITS.entries) throw bomb(fileName, `${count} 个文件`);
  if (cdOffset + cdSize > data.length) throw broken(fileName, 'ZIP 目录超出文件末尾');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) {
      throw broken(fileName, 'ZIP 目录损坏');
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) {
      throw new InputError(
        `${fileName} 是加密的文件（打开需要密码），无法读取。请去掉密码另存后再导入。`,
      );
    }
    if (size > ZIP_LIMITS.entryBytes) throw bomb(fileName, `${name} 解压后 ${mb(size)}`);
    if (compressedSize > 0 && size > 1024 * 1024 && size / compressedSize > ZIP_LIMITS.ratio) {
      throw bomb(fileName, `${name} 压缩比 ${Math.round(size / compressedSize)}:1`);
    }
    total += size;
    if (total > ZIP_LIMITS.totalBytes)
      throw bomb(fileName, `合计解压后超过 ${mb(ZIP_LIMITS.totalBytes)}`);
    entries.push({ name, method, compressedSize, size, offset, flags });
  }
  return entries;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/**
 * Inflates one entry, never past its declared size: a header that understates the size is a
 * broken (or hostile) file, not a reason to keep inflating.
 */
export function inflateEntry(data: Uint8Array, entry: ZipEntry, fileName: string): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = entry.offset;
  if (at + 30 > data.length || view.getUint32(at, true) !== 0x04034b50) {
    throw broken(fileName, `${entry.name} 的位置不对`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > data.length) throw broken(fileName, `${entry.name} 被截断`);
  const raw = data.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw broken(fileName, `${entry.name} 大小不符`);
    return raw;
  }
  if (entry.method !== 8) throw broken(fileName, `${entry.name} 使用了不支持的压缩方式`);
  try {
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
    if (out.length !== entry.size) throw broken(fileName, `${entry.name} 大小与目录不符`);
    return out;
  } catch (e) {
    if (e instanceof InputError) throw e;
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw bomb(fileName, `${entry.name} 解压后超过目录中声明的 ${entry.size} 字节`);
    }
    throw broken(fileName, `${entry.name} 无法解压`);
  }
}

/** Every entry inflated under the caps, by name. */
export function readZip(data: Uint8Array, fileName: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const e of listZip(data, fileName)) {
    if (e.name.endsWith('/')) continue;
    out.set(e.name, inflateEntry(data, e, fileName));
  }
  return out;
}
