/**
 * What a typed query is searched as: traditional characters become simplified (復議 → 复议; the
 * archive's reports are all in simplified characters) and common short forms of agency names
 * become the words the reports print (发改局 → 发展和改革局). Applied once to the whole query before
 * it is split into words, so the ranked search, the exact-phrase checks and the excerpt marks all
 * use the same words. Pure and small: the search page bundles it.
 *
 * The traditional → simplified pairs (t2s-table.ts, ~13 KB gzipped) are not bundled with the
 * page: almost every query is simplified, so the page keeps only which characters the table holds
 * (t2s-members.ts, a bitset) and loads the pairs with a dynamic import when a query holds one of
 * them. Callers await `ensureT2s(q)` before they normalise `q`; `toSimplified` throws rather than
 * search a traditional character unconverted.
 */
import { AGENCY_SHORT_FORMS } from './agency-short-forms.ts';
import { T2S_BITS, T2S_FIRST } from './t2s-members.ts';

/** t2s-table.ts: the character at index i of T2S_FROM becomes the one at index i of T2S_TO. */
export interface T2sPairs {
  readonly T2S_FROM: string;
  readonly T2S_TO: string;
}

/** The table's own module, a separate file in the built site (Vite splits a dynamic import). */
const importTable = (): Promise<T2sPairs> => import('./t2s-table.ts');

/** T2S_BITS decoded: one character per byte of the bitset. */
let bits: string | undefined;

/** True when the text holds a character that the t2s table turns into another (a traditional form). */
export function needsT2s(text: string): boolean {
  bits ??= atob(T2S_BITS);
  for (const c of text) {
    const i = c.codePointAt(0)! - T2S_FIRST;
    if (i >= 0 && i >> 3 < bits.length && (bits.charCodeAt(i >> 3) >> (i & 7)) & 1) return true;
  }
  return false;
}

let t2s: Map<string, string> | undefined;
let loading: Promise<void> | undefined;

/**
 * Resolves once `text` can be normalised: at once when it holds no traditional character, else
 * when the table is loaded. `load` (the table's module unless a test gives another) runs at most
 * once while it succeeds; a failed load is forgotten, so that the next query tries again.
 */
export function ensureT2s(
  text: string,
  load: () => Promise<T2sPairs> = importTable,
): Promise<void> {
  if (t2s || !needsT2s(text)) return Promise.resolve();
  loading ??= load().then(
    ({ T2S_FROM, T2S_TO }) => {
      const to = [...T2S_TO];
      t2s = new Map([...T2S_FROM].map((c, i) => [c, to[i]!]));
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * Traditional → simplified, character by character; other characters are kept as they are. Text
 * with a traditional character needs the table loaded first (`ensureT2s`).
 */
export function toSimplified(text: string): string {
  if (!needsT2s(text)) return text;
  if (!t2s)
    throw new Error('toSimplified: the t2s table is not loaded; await ensureT2s(text) first');
  let out = '';
  for (const c of text) out += t2s.get(c) ?? c;
  return out;
}

// Longest short form first, so that 市场监管局 wins over a shorter form inside it.
const SHORT_FORMS = Object.keys(AGENCY_SHORT_FORMS).sort((a, b) => b.length - a.length);
const SHORT_FORM_PATTERN = new RegExp(SHORT_FORMS.join('|'), 'gu');

/** Expands agency short forms (人社局 → 人力资源和社会保障局) wherever they occur in the text. */
export function expandShortForms(text: string): string {
  return text.replace(SHORT_FORM_PATTERN, (s) => AGENCY_SHORT_FORMS[s]!);
}

/**
 * The query as searched: simplified characters, then short forms expanded. A query with a
 * traditional character needs `await ensureT2s(q)` first.
 */
export function normaliseQuery(q: string): string {
  return expandShortForms(toSimplified(q));
}
