import {
  AnswerSurveyRequest,
  ComplaintSurveys,
  FeedbackRequests,
  GetSurveyLinkRequest,
  GetSurveyStatsRequest,
  ListComplaintSurveysRequest,
  OpenSurveyRequest,
  SurveyAnswerOutcome,
  SurveyLink,
  SurveyPage,
  SurveyStats,
} from '@complaints/contracts';
import { Answers } from '@complaints/messaging';
import { Controller } from '@nestjs/common';
import { GetSurveyLink } from './survey-links';
import { SurveyInsights } from './survey-insights';
import { SurveyRespondent } from './survey-respondent';

/** Feedback's request-reply entry points: each hands the parsed request to one use case. */
@Controller()
export class SurveysHandlers {
  constructor(
    private readonly links: GetSurveyLink,
    private readonly respondent: SurveyRespondent,
    private readonly insights: SurveyInsights,
  ) {}

  @Answers(FeedbackRequests.getSurveyLink)
  link(request: GetSurveyLinkRequest): Promise<SurveyLink> {
    return this.links.execute(request.surveyId);
  }

  @Answers(FeedbackRequests.openSurvey)
  open(request: OpenSurveyRequest): Promise<SurveyPage> {
    return this.respondent.open(request.token);
  }

  @Answers(FeedbackRequests.answerSurvey)
  answer(request: AnswerSurveyRequest): Promise<SurveyAnswerOutcome> {
    return this.respondent.answer(request.token, request.score, request.comment);
  }

  @Answers(FeedbackRequests.getSurveyStats)
  stats(request: GetSurveyStatsRequest): Promise<SurveyStats> {
    return this.insights.stats(request);
  }

  @Answers(FeedbackRequests.listComplaintSurveys)
  ofComplaint(request: ListComplaintSurveysRequest): Promise<ComplaintSurveys> {
    return this.insights.ofComplaint(request);
  }
}
