/**
 * What each value kind (`count`, `signed`, `money`) allows, decided once for the validator and
 * the importer. Each words its own message: the validator names the YAML to write, the importer
 * the printed number it read.
 */

import type { ValueKind } from './declarations.ts';

/** Why a number does not fit a kind, or null when it fits. */
export function valueKindViolation(kind: ValueKind, value: number): 'integer' | 'negative' | null {
  if (kind !== 'money' && !Number.isInteger(value)) return 'integer';
  if (kind !== 'signed' && value < 0) return 'negative';
  return null;
}

/** What a cell of each kind holds, as the validator tells an editor. */
export const VALUE_KIND_EXPECTED: Readonly<Record<ValueKind, string>> = {
  count: '非负整数（原文空白的单元格写 null）',
  signed: '整数，可以为负（原文空白的单元格写 null）',
  money: '非负数，可以有小数（原文空白的单元格写 null）',
};
