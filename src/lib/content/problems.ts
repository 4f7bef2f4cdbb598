/**
 * Problems found in content, worded for the editors who typed it: Chinese government web staff.
 * Every problem names the file and, where there is one, the line and the field.
 */

/** `info`: said for the editor's information (a draft, totals left blank); never a failure. */
export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  readonly severity: Severity;
  /** Path relative to the project root, with forward slashes. */
  readonly file: string;
  /** 1-based line in the file, when the problem sits on one. */
  readonly line?: number;
  /** 1-based column (character) in that line, when the problem sits on one character. */
  readonly column?: number;
  /** The field as the editor sees it: a YAML key path or a front matter key. */
  readonly field?: string;
  /** One or more sentences in Chinese: what was found and what was expected. */
  readonly message: string;
  /** Lines to show verbatim under the message (e.g. YAML to paste). */
  readonly hint?: readonly string[];
}

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '提示', info: '说明' };

/** `data/reports/a/2020.yaml 第 12 行（applications.received）` */
export function formatLocation(p: Pick<Problem, 'file' | 'line' | 'column' | 'field'>): string {
  let out = p.file;
  if (p.line !== undefined) out += ` 第 ${p.line} 行`;
  if (p.line !== undefined && p.column !== undefined) out += `第 ${p.column} 列`;
  if (p.field) out += `（${p.field}）`;
  return out;
}

/** One problem as printed by `npm run check` and by a failing build. */
export function formatProblem(p: Problem): string {
  const lines = [`${SEVERITY_LABEL[p.severity]}：${formatLocation(p)}`, `  ${p.message}`];
  for (const h of p.hint ?? []) lines.push(`    ${h}`);
  return lines.join('\n');
}

/** Orders problems by file, then line, so that output is stable and easy to follow. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.field ?? '', b.field ?? '') ||
      compareText(a.message, b.message),
  );
}

/** Code-point order: independent of the machine's locale, so output is deterministic. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The full report: every problem, then a count line. */
export function formatReport(problems: readonly Problem[]): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  const warnings = sorted.filter((p) => p.severity === 'warning').length;
  const infos = sorted.length - errors - warnings;
  const body = sorted.map(formatProblem).join('\n\n');
  const summary =
    errors === 0 && warnings === 0
      ? '内容检查通过：没有发现问题。'
      : `内容检查：${errors} 个错误，${warnings} 个提示。` +
        (errors > 0 ? '请先改正错误，网站才能构建。' : '');
  const withInfos = infos > 0 ? `${summary}另有 ${infos} 条说明。` : summary;
  return body ? `${body}\n\n${withInfos}` : withInfos;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
