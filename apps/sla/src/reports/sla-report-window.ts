import { SLA_REPORT_MAX_DAYS } from '@complaints/contracts';
import { FieldError } from '@complaints/domain';

const DAY_MS = 86_400_000;

/**
 * What is wrong with a report's window, field by field: it must not be empty, and it covers at
 * most `SLA_REPORT_MAX_DAYS` so one request reads a bounded share of the clocks.
 */
export function reportWindowProblems(from: Date, to: Date): FieldError[] {
  if (to <= from) return [{ field: 'to', message: 'must be after from' }];
  if (to.getTime() - from.getTime() > SLA_REPORT_MAX_DAYS * DAY_MS) {
    return [{ field: 'to', message: `must be at most ${SLA_REPORT_MAX_DAYS} days after from` }];
  }
  return [];
}
