/**
 * Reconciling: the checks a report's numbers fail against the discrepancies its editor
 * acknowledged. What is acknowledged and still true is shown to readers as a notice; everything
 * else is a problem that says what to paste or delete.
 */

import { isSeq, type Node } from 'yaml';
import { UNCONFIRMED_IMPORT_NOTE, type Notice } from '../../template/model.ts';
import {
  RULES,
  blankTotals,
  checksFor,
  isEvaluated,
  type CheckResult,
} from '../../template/rules.ts';
import { describeCell, findCell } from '../../template/cells.ts';
import { describeFailure, discrepancyYaml } from '../../template/wording.ts';
import type { Entry } from '../yaml-source.ts';
import type { LocatedDiscrepancy } from './discrepancies.ts';
import type { ReadContext } from './entries.ts';

/**
 * Matches the failing checks with the editor's acknowledgements: an acknowledged failure with the
 * same numbers becomes a notice for readers; every other failure, every stale or unknown
 * acknowledgement, and every acknowledgement the importer wrote unconfirmed is an error with a
 * paste-ready fix.
 */
export function reconcile(
  ctx: ReadContext,
  failures: readonly CheckResult[],
  acknowledged: readonly LocatedDiscrepancy[],
  rootEntries: Map<string, Entry>,
): Notice[] {
  const notices: Notice[] = [];
  const byId = new Map<string, LocatedDiscrepancy>();
  const known = new Set(checksFor(ctx.version).map((c) => c.id));
  for (const d of acknowledged) {
    const field = 'discrepancies';
    if (byId.has(d.value.check)) {
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: d.line,
        field,
        message: `勾稽关系「${d.value.check}」被确认了两次，请删除重复的一条。`,
      });
      continue;
    }
    byId.set(d.value.check, d);
    if (!known.has(d.value.check)) {
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: d.line,
        field,
        message: `没有编号为「${d.value.check}」的勾稽关系（${ctx.version} 年版模板）。请从 npm run check 的提示中复制编号。`,
      });
    }
  }
  // Suggested YAML is indented like the entries already listed, so that it can be pasted as is.
  const listed = rootEntries.has('discrepancies');
  const list = rootEntries.get('discrepancies')?.value;
  const firstItem = isSeq(list) ? (list.items[0] as Node | undefined) : undefined;
  const column = firstItem?.range ? ctx.src.lineCounter.linePos(firstItem.range[0]).col : 0;
  // The item's own range starts after its `- ` indicator.
  const indent = ' '.repeat(firstItem && column >= 3 ? column - 3 : 2);
  const matched = new Set<string>();
  for (const failure of failures) {
    const ack = byId.get(failure.check.id);
    if (ack && ack.value.left === failure.leftSum && ack.value.right === failure.rightSum) {
      matched.add(failure.check.id);
      if (ack.value.note === UNCONFIRMED_IMPORT_NOTE) {
        ctx.problems.push({
          severity: 'error',
          file: ctx.src.file,
          line: ack.line,
          field: `discrepancies[${ack.index}].note`,
          message: `这条记录是导入程序写入的，还没有经过编辑确认。${describeFailure(ctx.version, failure)}请对照原文核实：原文确实如此，就把 note 改为说明（例如「原文如此」）；如果是导入出错，请改正表中的数字并删除这条记录。`,
        });
        continue;
      }
      notices.push({ ...failure, note: ack.value.note });
      continue;
    }
    const firstCell = failure.check.left[0] ?? '';
    if (ack) {
      matched.add(failure.check.id);
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: ack.line,
        field: `discrepancies[${ack.index}]`,
        message: `对「${failure.check.id}」的确认记录的是 left: ${ack.value.left}、right: ${ack.value.right}，但表中的数字现在是 ${failure.leftSum} 和 ${failure.rightSum}。请核对原文后更新这条记录。${describeFailure(ctx.version, failure)}`,
        hint: [
          '如果原报告确实印的是现在的数字，请把这条记录改为：',
          ...discrepancyYaml(failure).map((l) =>
            l.startsWith('  note:') ? `  note: ${ack.value.note}` : l,
          ),
        ],
      });
      continue;
    }
    ctx.problems.push({
      severity: 'error',
      file: ctx.src.file,
      line: ctx.lines[firstCell],
      field: firstCell,
      message: `${describeFailure(ctx.version, failure)}请核对录入的数字。`,
      hint: [
        listed
          ? '如果原报告确实如此印刷，请在 discrepancies 下添加：'
          : '如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：',
        ...(listed ? [] : ['discrepancies:']),
        ...discrepancyYaml(failure).map((l) => indent + l),
      ],
    });
  }
  const printed = { notPrinted: [...ctx.notPrinted], combined: ctx.combined };
  const notGiven = new Set(blankTotals(ctx.version, ctx.cells, printed));
  for (const [id, d] of byId) {
    if (matched.has(id) || !known.has(id)) continue;
    const check = checksFor(ctx.version).find((c) => c.id === id);
    if (check && !isEvaluated(check, ctx.cells, notGiven, printed)) {
      const terms = [check.focus, ...check.left, ...check.right].filter(
        (p, i, all) => all.indexOf(p) === i,
      );
      const name = (p: string) => {
        const cell = findCell(ctx.version, p);
        return cell ? describeCell(cell) : p;
      };
      const unprinted = terms.filter((p) => ctx.notPrinted.has(p));
      const blanks = terms.filter(
        (p) =>
          !ctx.notPrinted.has(p) &&
          (notGiven.has(p) || p === check.focus) &&
          (ctx.cells[p] ?? null) === null,
      );
      const why =
        blanks.length > 0
          ? `用到原文未填写的总计（${blanks.map(name).join('、')}）：原文未填写总计不算不符`
          : `用到原文没有印出的单元格（${unprinted.map(name).join('、')}）`;
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: d.line,
        field: `discrepancies[${d.index}]`,
        message: `这条记录确认的「${id}」${why}，这条勾稽关系不核对，无需确认。请删除这条记录。`,
        hint: [
          '删除以下 4 行：',
          `- check: ${id}`,
          `  left: ${d.value.left}`,
          `  right: ${d.value.right}`,
          `  note: ${d.value.note}`,
        ],
      });
      continue;
    }
    ctx.problems.push({
      severity: 'error',
      file: ctx.src.file,
      line: d.line,
      field: 'discrepancies',
      message: `确认的勾稽关系「${id}」并没有不符：表中数字满足「${RULES[checksFor(ctx.version).find((c) => c.id === id)?.rule ?? 'balance'].formula}」。请删除这条记录（或核对是否录错了数字）。`,
    });
  }
  return notices;
}
