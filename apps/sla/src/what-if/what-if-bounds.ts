import { FieldError, InvalidInputError } from '@complaints/domain';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A quarter: what a manager compares a draft against, and what one replay's planning can take. */
export const MAX_WINDOW_DAYS = 90;
/** Complaints one page replays at most: a few seconds of planning (BENCHMARKS.md). */
export const MAX_COMPLAINTS_PER_PAGE = 100_000;
/** About two seconds on a busy 2-vCPU machine: inside the gateway's default 5 s request timeout. */
export const DEFAULT_COMPLAINTS_PER_PAGE = 2_000;

export interface WhatIfWindow {
  readonly from: Date;
  readonly to: Date;
  readonly limit: number;
}

/** The window and page size asked for, or an `InvalidInputError` naming each field past its bound. */
export function whatIfWindow(request: { from: string; to: string; limit?: number }): WhatIfWindow {
  const from = new Date(request.from);
  const to = new Date(request.to);
  const limit = request.limit ?? DEFAULT_COMPLAINTS_PER_PAGE;
  const problems: FieldError[] = [];
  if (to.getTime() <= from.getTime()) problems.push({ field: 'to', message: 'must be after from' });
  else if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    problems.push({
      field: 'to',
      message: `must be at most ${MAX_WINDOW_DAYS} days after from: replay a longer span window by window`,
    });
  }
  if (limit > MAX_COMPLAINTS_PER_PAGE) {
    problems.push({
      field: 'limit',
      message: `must be at most ${MAX_COMPLAINTS_PER_PAGE.toLocaleString('en')} complaints a page: follow nextCursor for more`,
    });
  }
  if (problems.length > 0)
    throw new InvalidInputError('the what-if asks for more than one replay may cover', problems);
  return { from, to, limit };
}
