import { BusinessTimeRequest, BusinessTimeView } from '@complaints/contracts';
import { FieldError, InvalidInputError } from '@complaints/domain';
import { BusinessCalendar, businessTimeBetween, toZonedIso } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { Injectable } from '@nestjs/common';
import { policyInQuestion } from './policy-in-question';

/**
 * How far from today an instant may lie. A calendar's timeline is built month by month the
 * first time a month is needed (about 15 ms each here), so a span across centuries would hold
 * intake for a minute; ten years either side covers every complaint a register keeps.
 */
const REACH_MS = 10 * 366 * 24 * 60 * 60 * 1000;

/** The business time between two instants under a published policy's calendar, or a draft's; nothing is stored. */
@Injectable()
export class MeasureBusinessTime {
  constructor(private readonly catalog: PolicyCatalog) {}

  execute(request: BusinessTimeRequest, now = new Date()): BusinessTimeView {
    const from = new Date(request.from);
    const to = new Date(request.to);
    assertWithinReach(now, { from, to });
    const policy = policyInQuestion(this.catalog.registry, request.principal, request.subject, from, 'from');
    const { zone } = policy.calendar;
    const measured = businessTimeBetween(BusinessCalendar.of(policy.calendar), from, to);
    return {
      policyId: policy.id,
      version: policy.version,
      from: toZonedIso(from.getTime(), zone),
      to: toZonedIso(to.getTime(), zone),
      businessSeconds: measured.businessMs / 1000,
      explanation: measured.explanation,
    };
  }
}

function assertWithinReach(now: Date, instants: Record<string, Date>): void {
  const problems: FieldError[] = Object.entries(instants)
    .filter(([, instant]) => Math.abs(instant.getTime() - now.getTime()) > REACH_MS)
    .map(([field]) => ({ field, message: 'must be within ten years of today' }));
  if (problems.length > 0) throw new InvalidInputError('an instant is too far from today to measure', problems);
}
