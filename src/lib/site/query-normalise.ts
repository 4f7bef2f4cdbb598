/**
 * What a typed query is searched as: traditional characters become simplified (復議 → 复议; the
 * archive's reports are all in simplified characters) and common short forms of agency names
 * become the words the reports print (发改局 → 发展和改革局). Applied once to the whole query before
 * it is split into words, so the ranked search, the exact-phrase checks and the excerpt marks all
 * use the same words. Pure and small: the search page bundles it.
 */
import { AGENCY_SHORT_FORMS } from './agency-short-forms.ts';
import { T2S_FROM, T2S_TO } from './t2s-table.ts';

let t2s: Map<string, string> | undefined;

/** Traditional → simplified, character by character; other characters are kept as they are. */
export function toSimplified(text: string): string {
  if (!t2s) {
    t2s = new Map();
    const from = [...T2S_FROM];
    const to = [...T2S_TO];
    from.forEach((c, i) => t2s!.set(c, to[i]!));
  }
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

/** The query as searched: simplified characters, then short forms expanded. */
export function normaliseQuery(q: string): string {
  return expandShortForms(toSimplified(q));
}
