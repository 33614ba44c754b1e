import { SURVEY_COMMENT_MAX_LENGTH } from '@complaints/contracts';

export type SurveyFormField = 'score' | 'comment' | 'form';

/** What was wrong, for the page to say in the respondent's language. */
export type SurveyFormError =
  | { readonly field: 'score'; readonly problem: 'choose-score' }
  | { readonly field: 'comment'; readonly problem: 'comment-too-long' }
  | { readonly field: 'form'; readonly problem: 'form-changed' | 'too-large' };

/** What the respondent sent, to show the form again as they left it. */
export interface SurveyFormValues {
  readonly score?: number;
  readonly comment?: string;
}

export type SurveyForm =
  | { readonly ok: true; readonly score: number; readonly comment: string | null }
  | { readonly ok: false; readonly status: 400 | 413 | 415 | 422; readonly errors: readonly SurveyFormError[]; readonly values: SurveyFormValues };

/** How the body arrived: its fields, or why there are none to read. */
export type SurveyFormBody =
  | { readonly kind: 'fields'; readonly fields: URLSearchParams }
  | { readonly kind: 'too-large' | 'not-a-form' };

const FIELDS = new Set(['score', 'comment']);
const WHOLE_NUMBER = /^-?\d{1,9}$/;

/**
 * The respondent's answer from the posted form, checked against the scale shown: a whole
 * score on it and an optional comment of at most 2,000 characters. A field the form does not
 * have, or one sent twice, means the form was changed; it is refused whole rather than partly read.
 */
export function parseSurveyForm(body: SurveyFormBody, scale: { readonly min: number; readonly max: number }): SurveyForm {
  if (body.kind !== 'fields') {
    return body.kind === 'too-large'
      ? { ok: false, status: 413, errors: [{ field: 'form', problem: 'too-large' }], values: {} }
      : { ok: false, status: 415, errors: [{ field: 'form', problem: 'form-changed' }], values: {} };
  }
  const { fields } = body;
  const names = [...fields.keys()];
  const scoreText = fields.get('score') ?? '';
  const commentText = fields.get('comment') ?? '';
  const score = WHOLE_NUMBER.test(scoreText.trim()) ? Number(scoreText.trim()) : undefined;
  const onScale = score !== undefined && score >= scale.min && score <= scale.max ? score : undefined;
  const values = { score: onScale, comment: commentText };
  if (names.some((name) => !FIELDS.has(name)) || names.length !== new Set(names).size) {
    return { ok: false, status: 400, errors: [{ field: 'form', problem: 'form-changed' }], values };
  }
  const errors: SurveyFormError[] = [];
  if (onScale === undefined) errors.push({ field: 'score', problem: 'choose-score' });
  if ([...commentText].length > SURVEY_COMMENT_MAX_LENGTH) errors.push({ field: 'comment', problem: 'comment-too-long' });
  if (onScale === undefined || errors.length > 0) return { ok: false, status: 422, errors, values };
  const comment = commentText.trim();
  return { ok: true, score: onScale, comment: comment === '' ? null : comment };
}
