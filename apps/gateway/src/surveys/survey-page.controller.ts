import { FeedbackRequests, SurveyPage, SurveyPageLocale } from '@complaints/contracts';
import { SERVICE_LOGGER } from '@complaints/runtime';
import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Logger } from 'pino';
import { ServiceRequester } from '../intake/service-requester';
import { ProblemError } from '../problems/problem-error';
import { localeFromAcceptLanguage } from './accept-language';
import { parseSurveyForm } from './survey-form';
import { sendSurveyHtml } from './survey-http';
import { SURVEY_STYLESHEET_PATH, surveyFormPage, surveyNoticePage } from './survey-pages';
import { SURVEY_STYLESHEET } from './survey-stylesheet';

/** What can stand in a token; anything else is not asked of feedback. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The satisfaction survey a customer reaches from the link in their email: HTML rendered
 * here, data and decisions from feedback. No API key (the token is the customer's
 * authority), no JavaScript, and never a problem+json or a stack trace: every outcome,
 * failures included, is a page in the customer's language.
 */
@Controller()
@ApiExcludeController()
export class SurveyPageController {
  constructor(
    private readonly services: ServiceRequester,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  @Get(SURVEY_STYLESHEET_PATH)
  stylesheet(@Res() response: Response): void {
    response.status(200).setHeader('Content-Type', 'text/css; charset=utf-8');
    response.send(SURVEY_STYLESHEET);
  }

  @Get('surveys/:token')
  async show(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.answering(request, response, async (fallback) => {
      const page = await this.open(token);
      switch (page.status) {
        case 'open':
          return sendSurveyHtml(response, 200, page.locale, surveyFormPage(page, actionOf(token)));
        case 'answered':
          return sendSurveyHtml(response, 200, page.locale, surveyNoticePage(page.locale, 'answered', page.organisationName));
        case 'unavailable':
          return this.notFound(response, page.locale ?? fallback);
      }
    });
  }

  @Post('surveys/:token')
  async answer(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.answering(request, response, async (fallback) => {
      const page = await this.open(token);
      if (page.status === 'unavailable') return this.notFound(response, page.locale ?? fallback);
      if (page.status === 'answered') {
        return sendSurveyHtml(response, 409, page.locale, surveyNoticePage(page.locale, 'answered', page.organisationName));
      }
      const form = parseSurveyForm(request.surveyForm ?? { kind: 'not-a-form' }, page.scale);
      if (!form.ok) return sendSurveyHtml(response, form.status, page.locale, surveyFormPage(page, actionOf(token), form));
      let outcome;
      try {
        outcome = await this.services.request(FeedbackRequests.answerSurvey, { token, score: form.score, comment: form.comment });
      } catch (error) {
        // Feedback checks the score against the survey's own scale too; it is the page's scale, so this is a race at most.
        if (!(error instanceof ProblemError && error.status === 422)) throw error;
        const errors = [{ field: 'score', problem: 'choose-score' } as const];
        return sendSurveyHtml(response, 422, page.locale, surveyFormPage(page, actionOf(token), { errors, values: { comment: form.comment ?? '' } }));
      }
      switch (outcome.status) {
        case 'recorded':
          return sendSurveyHtml(response, 200, page.locale, surveyNoticePage(page.locale, 'thanks', page.organisationName));
        case 'answered':
          return sendSurveyHtml(response, 409, page.locale, surveyNoticePage(page.locale, 'answered', page.organisationName));
        case 'unavailable':
          return this.notFound(response, outcome.locale ?? page.locale);
      }
    });
  }

  private async open(token: string): Promise<SurveyPage> {
    if (!TOKEN_SHAPE.test(token)) return { status: 'unavailable', locale: null };
    return this.services.request(FeedbackRequests.openSurvey, { token });
  }

  private notFound(response: Response, locale: SurveyPageLocale): void {
    sendSurveyHtml(response, 404, locale, surveyNoticePage(locale, 'not-found'));
  }

  /**
   * Runs one page's work; a failure becomes a page too. The log line names the route, never
   * the address: the address holds the token.
   */
  private async answering(request: Request, response: Response, work: (fallback: SurveyPageLocale) => Promise<void>): Promise<void> {
    const fallback = localeFromAcceptLanguage(request.headers['accept-language']);
    try {
      await work(fallback);
    } catch (error) {
      const unavailable = error instanceof ProblemError && error.status === 503;
      if (!unavailable) this.logger.error({ err: error, route: `${request.method} /surveys/:token` }, 'survey page failed');
      sendSurveyHtml(response, unavailable ? 503 : 500, fallback, surveyNoticePage(fallback, 'unavailable'));
    }
  }
}

function actionOf(token: string): string {
  return `/surveys/${token}`;
}
