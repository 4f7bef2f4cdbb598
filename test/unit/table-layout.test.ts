import { describe, expect, it } from 'vitest';
import { checksFor } from '../../src/lib/template/rules.ts';
import { flaggedCells, noticeId } from '../../src/lib/site/table-layout.ts';

describe('flagged cells', () => {
  it('link a printed total to every notice that concerns it, in notice order', () => {
    const byId = (id: string) => ({ check: checksFor(2021).find((c) => c.id === id)! });
    const flags = flaggedCells([
      byId('applications.balance.total'),
      byId('applications.row_total.total'),
      byId('applications.outcome_total.total'),
      byId('applications.row_total.received'),
    ]);
    expect(Object.fromEntries(flags)).toEqual({
      'applications.total.total': [
        'notice-applications-balance-total',
        'notice-applications-row-total-total',
        'notice-applications-outcome-total-total',
      ],
      'applications.received.total': ['notice-applications-row-total-received'],
    });
    expect(noticeId('appeals.appeal_total.litigation_direct')).toBe(
      'notice-appeals-appeal-total-litigation-direct',
    );
  });
});
