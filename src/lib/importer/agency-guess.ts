/**
 * A first guess at a new agency's level, kind and region from its name, for the entry the
 * importer adds to data/agencies.yaml. The editor confirms it: a name does not always say.
 */

import type { AgencyKind, AgencyLevel } from '../content/agencies.ts';

export interface AgencyGuess {
  readonly level: AgencyLevel;
  readonly kind: AgencyKind;
  readonly region: string;
}

/** Municipalities directly under the central government: provincial level. */
const MUNICIPALITIES = ['北京市', '天津市', '上海市', '重庆市'];
const UNIT = /^(.{1,10}?(?:自治区|自治州|自治县|省|市|州|盟|县|区|旗|镇|乡|街道))/u;

/** A zone whose 管委会 is its government (开发区, 示范区 …): the 管委会 is then no department. */
const ZONE = '(?:开发区|高新区|新区|示范区|园区|试验区|保税区|度假区|管理区|合作区|实验区)';

/**
 * What a name's ending says about the agency's kind, first match wins. Data, not code: add a
 * pattern here when a real name is guessed wrong (tested on every agency name of the corpus).
 */
export const KIND_PATTERNS: readonly { readonly pattern: RegExp; readonly kind: AgencyKind }[] = [
  { pattern: /人民政府(?:办公厅|办公室)?$/u, kind: 'government' },
  { pattern: /(?:街道办事处|街道办)$/u, kind: 'government' },
  {
    pattern: new RegExp(`${ZONE}(?:党工委)?(?:管委会|管理委员会)(?:办公室)?$`, 'u'),
    kind: 'government',
  },
  { pattern: /(?:局|委员会|委|厅|办公室|办|中心|署|院|站|所|队)$/u, kind: 'department' },
];

export function guessKind(name: string): AgencyKind {
  return KIND_PATTERNS.find((p) => p.pattern.test(name))?.kind ?? 'department';
}

export function guessAgency(name: string): AgencyGuess {
  const kind: AgencyKind = guessKind(name);
  const units: string[] = [];
  let rest = name;
  for (;;) {
    const m = UNIT.exec(rest);
    if (!m || rest.startsWith('人民政府') || /^市场/u.test(rest)) break;
    const unit = m[1] ?? '';
    // Stop at an office name that merely contains a unit character (e.g. 管理区, 示范区 are kept).
    if (units.length > 0 && unit.length > 6) break;
    units.push(unit);
    rest = rest.slice(unit.length);
  }
  const region = units.join('') || name;
  const last = units[units.length - 1] ?? '';
  let level: AgencyLevel = 'prefectural';
  if (units.length === 1 && (MUNICIPALITIES.includes(last) || /(省|自治区)$/u.test(last))) {
    level = 'provincial';
  } else if (/(镇|乡|街道)$/u.test(last) || /街道办事处$/u.test(name)) level = 'township';
  else if (/(县|旗|自治县)$/u.test(last) || (/区$/u.test(last) && units.length > 1))
    level = 'county';
  return { level, kind, region };
}
