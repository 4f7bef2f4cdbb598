/**
 * Acknowledged discrepancies: the `discrepancies` list of a report YAML, where an editor confirms
 * that the published report really printed numbers that break a rule (原文如此).
 */

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Discrepancy } from '../../template/model.ts';
import { describeNode, lineOf, type Entry } from '../yaml-source.ts';
import { checkedEntries, type ReadContext } from './entries.ts';

const DISCREPANCY_KEYS = ['check', 'left', 'right', 'note'] as const;

/** An acknowledgement as read, with where it stands in the file. */
export interface LocatedDiscrepancy {
  readonly value: Discrepancy;
  readonly line: number | undefined;
  /** Position in the `discrepancies` list, for the field name in messages. */
  readonly index: number;
}

/** Reads the `discrepancies` list: each entry well formed, or an error naming its field. */
export function readDiscrepancies(
  ctx: ReadContext,
  entry: Entry | undefined,
): LocatedDiscrepancy[] {
  const out: LocatedDiscrepancy[] = [];
  if (!entry) return out;
  if (!isSeq(entry.value)) {
    ctx.problems.push({
      severity: 'error',
      file: ctx.src.file,
      line: entry.line,
      field: 'discrepancies',
      message: `discrepancies 应为列表（每条以「- check:」开头），实为${describeNode(ctx.src, entry.value)}。`,
    });
    return out;
  }
  entry.value.items.forEach((item, i) => {
    const node = item as Node | null;
    const field = `discrepancies[${i}]`;
    const line = lineOf(ctx.src, node) ?? entry.line;
    if (!isMap(node)) {
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line,
        field,
        message: `每条 discrepancies 记录应有 check、left、right、note 四个字段，实为${describeNode(ctx.src, node)}。`,
      });
      return;
    }
    const found = checkedEntries(ctx.src, node, ctx.problems, {
      field,
      allowed: DISCREPANCY_KEYS,
      what: '这条 discrepancies 记录',
    });
    const scalar = (key: string) => {
      const v = found.get(key)?.value;
      return isScalar(v) ? v.value : undefined;
    };
    const check = scalar('check');
    const left = scalar('left');
    const right = scalar('right');
    const note = scalar('note');
    const bad = (key: string, expected: string) =>
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: found.get(key)?.line ?? line,
        field: `${field}.${key}`,
        message: `${expected}，实为${describeNode(ctx.src, found.get(key)?.value)}。`,
      });
    let ok = found.size === DISCREPANCY_KEYS.length;
    if (found.has('check') && typeof check !== 'string')
      (bad('check', 'check 应为勾稽关系编号（npm run check 的提示里给出）'), (ok = false));
    if (found.has('left') && typeof left !== 'number') (bad('left', 'left 应为数字'), (ok = false));
    if (found.has('right') && typeof right !== 'number')
      (bad('right', 'right 应为数字'), (ok = false));
    if (found.has('note') && (typeof note !== 'string' || note.trim() === ''))
      (bad('note', 'note 应为说明文字，例如「原文如此」'), (ok = false));
    if (ok) {
      out.push({
        value: {
          check: String(check),
          left: Number(left),
          right: Number(right),
          note: String(note),
        },
        line,
        index: i,
      });
    }
  });
  return out;
}
