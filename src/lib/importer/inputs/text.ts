/**
 * Text inputs as saved: an HTML page in the encoding it declares (GBK and GB2312 pages are
 * common on government portals), plain text in UTF-8 (or, failing that, GB18030, which Windows
 * editors in China save), and text copied from a browser with every table cell on its own line.
 *
 * Decoding uses the WHATWG TextDecoder of Node's full ICU (gbk, gb18030, big5, utf-16 …).
 */

import { parseCell } from '../cells.ts';
import { InputError } from './errors.ts';

export interface DecodedText {
  readonly text: string;
  /** The encoding used, as TextDecoder names it ("utf-8", "gbk", "gb18030"). */
  readonly encoding: string;
  /** Where the encoding came from. */
  readonly evidence: string;
}

/** `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`. */
export function declaredCharset(head: string): string | null {
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/iu.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

function bomEncoding(data: Uint8Array): string | null {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8';
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  return null;
}

function decoder(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

/** Decodes a saved file: BOM, then the page's declared charset, then UTF-8, then GB18030. */
export function decodeText(data: Uint8Array, fileName: string, html: boolean): DecodedText {
  const bom = bomEncoding(data);
  if (bom) {
    return {
      text: (decoder(bom, false) as TextDecoder).decode(data),
      encoding: bom,
      evidence: '字节顺序标记',
    };
  }
  if (html) {
    // The declaration is ASCII and sits in the first bytes of the page.
    const head = new TextDecoder('latin1').decode(data.subarray(0, 4096));
    const declared = declaredCharset(head);
    if (declared) {
      const d = decoder(declared, true);
      if (!d) {
        throw new InputError(
          `${fileName} 声明的字符编码「${declared}」无法识别。请在浏览器中打开原网页，另存为“网页，仅 HTML”（UTF-8）后再导入。`,
        );
      }
      try {
        return {
          text: d.decode(data),
          encoding: d.encoding,
          evidence: `网页声明 charset=${declared}`,
        };
      } catch {
        // A page that declares one encoding and is saved in another (a browser re-saving a GBK
        // page as UTF-8 keeps the old <meta>): the bytes decide, and the message says so.
        for (const other of ['utf-8', 'gb18030']) {
          const alt = decoder(other, true) as TextDecoder;
          try {
            return {
              text: alt.decode(data),
              encoding: alt.encoding,
              evidence: `网页声明 charset=${declared}，但内容是 ${alt.encoding} 编码`,
            };
          } catch {
            /* try the next one */
          }
        }
        throw new InputError(
          `${fileName} 声明的字符编码是「${declared}」，但内容不是这种编码，无法正确读出中文。请在浏览器中打开原网页重新保存后再导入。`,
        );
      }
    }
  }
  try {
    return {
      text: (decoder('utf-8', true) as TextDecoder).decode(data),
      encoding: 'utf-8',
      evidence: 'UTF-8',
    };
  } catch {
    try {
      return {
        text: (decoder('gb18030', true) as TextDecoder).decode(data),
        encoding: 'gb18030',
        evidence: '不是 UTF-8，按 GB18030（GBK）读取',
      };
    } catch {
      throw new InputError(
        `${fileName} 的字符编码无法识别（既不是 UTF-8，也不是 GBK）。请用记事本等编辑器另存为 UTF-8 后再导入。`,
      );
    }
  }
}

/** A line that is one number or one printed blank mark, nothing else. */
function loneValue(line: string): boolean {
  const t = line.trim();
  if (t === '' || t.length > 24) return false;
  const cell = parseCell(t);
  return cell.kind === 'value';
}

/**
 * Text copied from a browser where every table cell is a line of its own: each run of number
 * lines becomes one tab row with the label line above it. Group labels and headers (text lines
 * not followed by numbers) stay lines of their own. Blank cells were lost by the copy: the table
 * readers see the short row and report it, nothing is filled in.
 */
export function unstackCells(text: string): {
  text: string;
  rows: number;
  /** The copied text's line number of each line of `text` (a merged row: its label's line). */
  lines?: number[];
} {
  const lines = text.split('\n');
  const lone = lines.filter(loneValue).length;
  // Only a copy whose table cells are stacked: many lines that are one number each.
  if (lone < 12 || lines.some((l) => l.includes('\t'))) return { text, rows: 0 };
  const out: string[] = [];
  const from: number[] = [];
  let rows = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!loneValue(line)) {
      out.push(line);
      from.push(i + 1);
      continue;
    }
    const values: string[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const l = lines[j] as string;
      if (loneValue(l)) values.push(l.trim());
      else if (l.trim() !== '') break;
    }
    // The label is the last non-blank text line above the numbers (when it is a short label).
    let k = out.length - 1;
    while (k >= 0 && (out[k] as string).trim() === '') k--;
    const label = k >= 0 ? (out[k] as string).trim() : '';
    if (label !== '' && label.length <= 60 && !/[。；]$/u.test(label)) {
      out.splice(k, out.length - k, [label, ...values].join('\t'));
      from.splice(k + 1);
    } else {
      out.push(['', ...values].join('\t'));
      from.push(i + 1);
    }
    rows++;
    // Keep the blank line that ended the run, if any.
    i = j - 1;
  }
  return { text: out.join('\n'), rows, lines: from };
}
