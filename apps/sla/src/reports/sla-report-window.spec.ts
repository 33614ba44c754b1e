import { reportWindowProblems } from './sla-report-window';

const at = (iso: string): Date => new Date(iso);

describe(reportWindowProblems.name, () => {
  it('accepts a window of up to 366 days', () => {
    expect(reportWindowProblems(at('2026-01-01T00:00:00Z'), at('2027-01-02T00:00:00Z'))).toEqual([]);
  });

  it('names `to` when the window is empty', () => {
    expect(reportWindowProblems(at('2026-11-02T00:00:00Z'), at('2026-11-02T00:00:00Z'))).toEqual([
      { field: 'to', message: 'must be after from' },
    ]);
  });

  it('names `to` when the window is longer than 366 days', () => {
    expect(reportWindowProblems(at('2026-01-01T00:00:00Z'), at('2027-01-02T00:00:00.001Z'))).toEqual([
      { field: 'to', message: 'must be at most 366 days after from' },
    ]);
  });
});
