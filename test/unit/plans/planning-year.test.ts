import { describe, expect, it } from 'vitest';
import { planningYear } from '../../../shared/plans/planning-year';

describe('planningYear', () => {
  it('is this year until the end of October, next year from November', () => {
    expect([1, 6, 10, 11, 12].map((m) => planningYear(2026, m))).toEqual([2026, 2026, 2026, 2027, 2027]);
  });
});
