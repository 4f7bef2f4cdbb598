/**
 * Every input an editor may hand to `npm run import`, turned into the importer's text forms:
 * PDF (positioned text rebuilt into rows), DOCX (through HTML), XLSX (tab rows), saved HTML in
 * its declared encoding, and text (tab text, `pdftotext` output, markdown, cells copied one per
 * line). Kinds that cannot be read get a Chinese message that says what to do instead.
 *
 * The kind is decided by the file's first bytes first and its name second: a PDF saved as .txt
 * is read as a PDF, and a .doc renamed .docx is refused as what it is.
 */

import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { readDocx } from './docx.ts';
import { InputError } from './errors.ts';
import type { LayoutUnplaced } from './layout.ts';
import { readPdf } from './pdf.ts';
import { decodeText, unstackCells } from './text.ts';
import { readXlsx } from './xlsx.ts';
import { listZip } from './zip.ts';

export { InputError } from './errors.ts';

export type InputKind = 'pdf' | 'docx' | 'xlsx' | 'html' | 'text';

/** A report is a few hundred KB; a file above this is refused before it is read. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export const KIND_LABEL: Readonly<Record<InputKind, string>> = {
  pdf: 'PDF',
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 工作簿（.xlsx）',
  html: 'HTML 网页',
  text: '文本',
};

export interface InputRead {
  readonly kind: InputKind;
  /** The report in a form `importReport` reads. */
  readonly text: string;
  /** Numbers the input layer could not give a row or column (PDF); never guessed. */
  readonly unplaced: readonly LayoutUnplaced[];
  /**
   * The original's place of each line of `text` when it is a conversion (「第 3 页」, a sheet's
   * row, the line of a copied text before its cells were joined); '' for a line added.
   */
  readonly places?: readonly string[];
  /** Facts about the reading an editor should see (encoding, pictures, rows rebuilt). */
  readonly notes: readonly string[];
}

const SAVE_AS =
  '请用 Word 或 WPS 打开，另存为 .docx（或导出为 PDF）后再导入；如果原文网页上有表格文字，也可以保存网页（.html）导入。';
const PICTURE =
  '图片中的文字和数字程序无法读出：请找原文的网页版、PDF 或 Word 版导入；如果机构只以图片发布表格，请按图片手工录入（npm run new 生成草稿后填写）。';

/** Refused kinds by extension, with what to do. */
const REFUSED: Readonly<Record<string, string>> = {
  '.doc': `.doc 是旧版 Word 格式，程序无法直接读取。${SAVE_AS}`,
  '.wps': `.wps 是 WPS 文字的专有格式，程序无法直接读取。${SAVE_AS}`,
  '.et': `.et 是 WPS 表格的专有格式。请另存为 .xlsx 后再导入。`,
  '.xls': `.xls 是旧版 Excel 格式。请用 Excel 或 WPS 另存为 .xlsx 后再导入。`,
  '.ofd': `.ofd 是国产版式文档格式，程序无法读取。请用 OFD 阅读器（如数科 OFD 阅读器）导出为 PDF，或找原文的网页版、Word 版导入。`,
  '.rtf': `.rtf 格式程序无法直接读取。${SAVE_AS}`,
  '.png': `这是图片（.png）。${PICTURE}`,
  '.jpg': `这是图片（.jpg）。${PICTURE}`,
  '.jpeg': `这是图片（.jpeg）。${PICTURE}`,
  '.gif': `这是图片（.gif）。${PICTURE}`,
  '.tif': `这是图片（.tif）。${PICTURE}`,
  '.tiff': `这是图片（.tiff）。${PICTURE}`,
  '.bmp': `这是图片（.bmp）。${PICTURE}`,
  '.webp': `这是图片（.webp）。${PICTURE}`,
};

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0) =>
  bytes.every((b, i) => data[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The kind a file's first bytes show, or a refusal message. */
function sniff(data: Uint8Array): InputKind | 'zip' | { refused: string } | null {
  if (startsWith(data, ascii('%PDF-'))) return 'pdf';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return {
      refused: `这是旧版 Office 格式（.doc/.wps/.xls），程序无法直接读取。${SAVE_AS}`,
    };
  }
  const image =
    startsWith(data, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(data, [0xff, 0xd8, 0xff]) ||
    startsWith(data, ascii('GIF8')) ||
    startsWith(data, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(data, [0x4d, 0x4d, 0x00, 0x2a]) ||
    startsWith(data, ascii('BM')) ||
    (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8));
  if (image) return { refused: `这是图片文件。${PICTURE}` };
  return null;
}

/** Reads a file from disk: the size is checked before a byte is read. */
export async function readInputFile(path: string): Promise<InputRead> {
  const name = path.split(/[\\/]/u).pop() ?? path;
  const info = await stat(path);
  if (!info.isFile()) throw new InputError(`${name} 不是文件。`);
  if (info.size > MAX_INPUT_BYTES) {
    throw new InputError(
      `${name} 有 ${Math.round(info.size / 1024 / 1024)} MB，超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的上限，没有读取。一份年度报告通常不到 5 MB：请确认选对了文件；如果是扫描件，请找原文的文字版。`,
    );
  }
  const handle = await open(path, 'r');
  try {
    const data = new Uint8Array(info.size);
    let read = 0;
    while (read < info.size) {
      const { bytesRead } = await handle.read(data, read, info.size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return await readInput(data.subarray(0, read), name);
  } finally {
    await handle.close();
  }
}

/** Reads an input already in memory. */
export async function readInput(data: Uint8Array, fileName: string): Promise<InputRead> {
  if (data.length > MAX_INPUT_BYTES) {
    throw new InputError(`${fileName} 超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的上限，没有读取。`);
  }
  const ext = extname(fileName).toLowerCase();
  const sniffed = sniff(data);
  if (sniffed && typeof sniffed === 'object')
    throw new InputError(`${fileName}：${sniffed.refused}`);
  const refused = REFUSED[ext];
  if (refused && sniffed === null) throw new InputError(`${fileName}：${refused}`);
  if (data.length === 0) throw new InputError(`${fileName} 是空文件。`);

  if (sniffed === 'pdf' || ext === '.pdf') {
    if (sniffed !== 'pdf') {
      throw new InputError(`${fileName} 的扩展名是 .pdf，但内容不是 PDF。请重新下载原文后再导入。`);
    }
    const layout = await readPdf(data, fileName);
    return {
      kind: 'pdf',
      text: layout.text,
      places: layout.pages.map((p) => (p > 0 ? `第 ${p} 页` : '')),
      unplaced: layout.unplaced,
      notes: [`按文字坐标重建了 ${layout.rows} 个表格数据行。`],
    };
  }
  if (sniffed === 'zip' || ext === '.docx' || ext === '.xlsx') {
    if (sniffed !== 'zip') {
      throw new InputError(
        `${fileName} 的扩展名是 ${ext}，但内容不是 Office 文件。请用 Word/WPS/Excel 重新另存后再导入。`,
      );
    }
    const names = listZip(data, fileName).map((e) => e.name);
    if (names.includes('OFD.xml') || ext === '.ofd') {
      throw new InputError(`${fileName}：${REFUSED['.ofd']}`);
    }
    if (names.includes('word/document.xml')) {
      const docx = await readDocx(data, fileName);
      return {
        kind: 'docx',
        text: docx.html,
        unplaced: [],
        notes: docx.images > 0 ? [`文档中有 ${docx.images} 张图片，图片中的内容没有读取。`] : [],
      };
    }
    if (names.includes('xl/workbook.xml')) {
      const xlsx = readXlsx(data, fileName);
      return {
        kind: 'xlsx',
        text: xlsx.text,
        places: xlsx.places,
        unplaced: [],
        notes: [`读取了 ${xlsx.sheets} 个工作表。`],
      };
    }
    throw new InputError(
      `${fileName} 是压缩文件，但不是 Word（.docx）或 Excel（.xlsx）文档。请解压后导入其中的报告文件。`,
    );
  }
  const html =
    ext === '.html' ||
    ext === '.htm' ||
    ext === '.shtml' ||
    ext === '.xhtml' ||
    looksLikeHtml(data);
  const decoded = decodeText(data, fileName, html);
  const notes =
    decoded.encoding === 'utf-8' ? [] : [`字符编码：${decoded.encoding}（${decoded.evidence}）。`];
  if (html) return { kind: 'html', text: decoded.text, unplaced: [], notes };
  const unstacked = unstackCells(decoded.text.replace(/\r\n?/gu, '\n'));
  if (unstacked.rows > 0)
    notes.push(`每个单元格各占一行的表格文字：按行标签合并成 ${unstacked.rows} 行。`);
  return {
    kind: 'text',
    text: unstacked.text,
    ...(unstacked.lines ? { places: unstacked.lines.map((n) => `第 ${n} 行`) } : {}),
    unplaced: [],
    notes,
  };
}

function looksLikeHtml(data: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 4096)).toLowerCase();
  return /<(html|body|table|!doctype)\b/u.test(head);
}
