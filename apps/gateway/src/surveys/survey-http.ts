import { SurveyPageLocale } from '@complaints/contracts';
import type { NextFunction, Request, Response } from 'express';
import { localeFromAcceptLanguage } from './accept-language';
import { SurveyFormBody } from './survey-form';
import { surveyNoticePage } from './survey-pages';
import { SurveyRateLimiter } from './survey-rate-limiter';

/**
 * The survey page's browser policy: only the gateway's own stylesheet loads, no script at all,
 * the form posts only to the gateway, no site may frame it, and no page it links to learns
 * its address (which holds the token).
 */
export const SURVEY_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function surveyPageHeaders(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Content-Security-Policy', SURVEY_CONTENT_SECURITY_POLICY);
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Robots-Tag', 'noindex, nofollow');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  next();
}

/** Sends one HTML page in its language. */
export function sendSurveyHtml(response: Response, status: number, locale: SurveyPageLocale, html: string): void {
  response.status(status).setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Content-Language', locale);
  response.send(html);
}

/** The public survey routes' own budget per client address, answered with a page rather than a problem. */
export function surveyRateLimit(limiter: SurveyRateLimiter) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const decision = limiter.take(request.ip ?? 'unknown');
    if (decision.allowed) {
      next();
      return;
    }
    const locale = localeFromAcceptLanguage(request.headers['accept-language']);
    response.setHeader('Retry-After', String(decision.retryAfterSeconds));
    sendSurveyHtml(response, 429, locale, surveyNoticePage(locale, 'too-many'));
  };
}

/** More than a 2,000-character comment in any script needs, with room for the encoding, and no more. */
export const SURVEY_FORM_LIMIT_BYTES = 32 * 1024;

declare module 'express-serve-static-core' {
  interface Request {
    /** The posted survey form, as `readSurveyForm` found it. */
    surveyForm?: SurveyFormBody;
  }
}

/**
 * Reads a posted survey form (application/x-www-form-urlencoded, as browsers send it) up to
 * its limit. A larger body is read to its end and dropped, so the respondent gets the form
 * again with a message (413) rather than a reset connection.
 */
export function readSurveyForm(request: Request, _response: Response, next: NextFunction): void {
  if (request.method !== 'POST') {
    next();
    return;
  }
  if (!request.is('application/x-www-form-urlencoded')) {
    request.surveyForm = { kind: 'not-a-form' };
    request.resume();
    request.once('end', () => next());
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= SURVEY_FORM_LIMIT_BYTES) chunks.push(chunk);
  });
  request.once('end', () => {
    request.surveyForm =
      size > SURVEY_FORM_LIMIT_BYTES ? { kind: 'too-large' } : { kind: 'fields', fields: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) };
    next();
  });
  request.once('error', next);
}
