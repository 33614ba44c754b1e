import { SurveyExpiredV1 } from '@complaints/contracts';
import { UnitOfWork } from '@complaints/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { FEEDBACK_ACTOR } from './feedback-actor';
import { SURVEY_REPOSITORY, SurveyRepository } from './survey';

/** Surveys expired per transaction; a backlog is worked through in several. */
const BATCH = 100;

/**
 * Closes the surveys whose window ended without an answer and announces each as
 * `survey.expired`, dated at the window's end. Replicas share the work (locked rows are
 * skipped); an answer racing the sweep waits on the row and then finds it expired.
 */
@Injectable()
export class ExpireSurveys {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(SURVEY_REPOSITORY) private readonly surveys: SurveyRepository,
  ) {}

  /** How many surveys it expired. */
  async execute(): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.unitOfWork.run(async (tx, events) => {
        const now = new Date();
        const due = await this.surveys.lockExpiring(tx, now, BATCH);
        for (const survey of due) {
          // Only surveys with a window are due, so expiresAt is set.
          const expiredAt = survey.expiresAt ?? now;
          await this.surveys.markExpired(tx, survey.surveyId, expiredAt);
          await events.publish(SurveyExpiredV1, {
            complaintId: survey.complaintId,
            actor: FEEDBACK_ACTOR,
            occurredAt: expiredAt,
            data: {
              policyId: survey.policyId,
              policyVersion: survey.policyVersion,
              surveyId: survey.surveyId,
              expiredAt: expiredAt.toISOString(),
            },
          });
        }
        return due.length;
      });
      total += expired;
      if (expired < BATCH) return total;
    }
  }
}
