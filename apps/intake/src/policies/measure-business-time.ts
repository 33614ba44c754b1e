import { BusinessTimeRequest, BusinessTimeView } from '@complaints/contracts';
import { BusinessCalendar, businessTimeBetween, toZonedIso } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { Injectable } from '@nestjs/common';
import { policyInQuestion } from './policy-in-question';

/** The business time between two instants under a published policy's calendar, or a draft's; nothing is stored. */
@Injectable()
export class MeasureBusinessTime {
  constructor(private readonly catalog: PolicyCatalog) {}

  execute(request: BusinessTimeRequest): BusinessTimeView {
    const from = new Date(request.from);
    const to = new Date(request.to);
    const policy = policyInQuestion(this.catalog.registry, request.subject, from, 'from');
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
