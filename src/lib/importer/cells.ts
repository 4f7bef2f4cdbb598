/**
 * One printed table cell, read: a number (with the text printed beside it), a blank, or text.
 */

/** A cell as the importer understands it. */
export type Cell =
  | { readonly kind: 'empty'; readonly raw: string }
  /** A ruled line ("--------") that some web pages print as a table row. */
  | { readonly kind: 'rule'; readonly raw: string }
  | {
      readonly kind: 'value';
      readonly raw: string;
      /** Null for a printed dash or 无. */
      readonly value: number | null;
      /** Text printed in the cell beside the number, as the archive's cell note. */
      readonly note?: string;
      /** A unit printed after the number ("251000元"). */
      readonly unit?: string;
    }
  | { readonly kind: 'text'; readonly raw: string };

/** Units an agency may print inside a numeric cell. */
const UNITS = ['万元', '元', '件', '个', '项', '次', '条'];
/** Marks printed instead of a number that mean "nothing here". */
const BLANK_MARKS = ['—', '–', '-', '－', '/', '／', '\\', '无', '——'];

// Thousands separators only in groups of three ("3,985,758"): "5，3" is two numbers, not 53.
const NUMBER = /^([+\-−－]?)(\d{1,3}(?:,\d{3})+(?![\d,])|\d+)((?:\.\d+)?)(.*)$/su;

/** Reads one cell as printed. */
export function parseCell(printed: string): Cell {
  const raw = printed.replace(/\s+/gu, ' ').trim();
  if (raw === '') return { kind: 'empty', raw };
  if (/^[-—–_=]{2,}$/u.test(raw) && raw !== '——') return { kind: 'rule', raw };
  if (BLANK_MARKS.includes(raw)) return { kind: 'value', raw, value: null, note: raw };
  const folded = raw.normalize('NFKC');
  const m = NUMBER.exec(folded);
  if (!m) return { kind: 'text', raw };
  const [, sign = '', digits = '', fraction = '', restRaw = ''] = m;
  const rest = restRaw.trim();
  // "2.其他法律…", "1、申请人…": a numbered label, not a number.
  if (/^[.、．]/u.test(restRaw)) return { kind: 'text', raw };
  // After NFKC folding a sign is '+' or one of the minus signs; "+3" is an increase of 3.
  const negative = sign !== '' && sign !== '+';
  const value = Number((negative ? '-' : '') + digits.replace(/,/g, '') + fraction);
  if (!Number.isFinite(value)) return { kind: 'text', raw };
  if (rest === '') return { kind: 'value', raw, value };
  if (UNITS.includes(rest)) return { kind: 'value', raw, value, unit: rest, note: raw };
  // Text beside the number must be set apart, as printed notes are: "22（其中修订16件）".
  if (/^[(（[［]/u.test(rest)) {
    return { kind: 'value', raw, value, note: raw.slice(raw.length - noteLength(raw, rest)) };
  }
  return { kind: 'text', raw };
}

/** Length of the note in the original spelling (the rest was matched on the NFKC-folded text). */
function noteLength(raw: string, foldedRest: string): number {
  for (let i = 0; i < raw.length; i++) {
    if (raw.slice(i).normalize('NFKC').trim() === foldedRest && /^[(（[［]/u.test(raw.slice(i))) {
      return raw.length - i;
    }
  }
  return foldedRest.length;
}

/** True for a cell that holds a number or a printed blank mark. */
export function isValue(cell: Cell): cell is Extract<Cell, { kind: 'value' }> {
  return cell.kind === 'value';
}

/**
 * Splits a line of `pdftotext -layout` output into cells: columns are set apart by two or more
 * spaces; numbers set apart by one space are cells too ("13 4"), but text keeps its single
 * spaces ("（其中修订 16 件）").
 */
export function splitLayout(line: string): string[] {
  const out: string[] = [];
  for (const chunk of line.trim().split(/\s{2,}/u)) {
    if (chunk === '') continue;
    const tokens = chunk.split(' ');
    const numeric = (t: string) => /^[+\-−－]?\d[\d,]*(?:\.\d+)?$/u.test(t.normalize('NFKC'));
    if (tokens.every(numeric)) {
      out.push(...tokens);
      continue;
    }
    const tail: string[] = [];
    while (tokens.length > 1 && numeric(tokens[tokens.length - 1] ?? ''))
      tail.unshift(tokens.pop() ?? '');
    out.push(tokens.join(' '), ...tail);
  }
  return out;
}
