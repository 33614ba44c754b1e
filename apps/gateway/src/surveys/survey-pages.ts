import { SURVEY_COMMENT_MAX_LENGTH, SurveyPageLocale } from '@complaints/contracts';
import { SurveyFormError, SurveyFormValues } from './survey-form';
import { SURVEY_MESSAGES, SurveyMessages, formatCount } from './survey-messages';

/** The survey page's own stylesheet, served by the gateway: no third-party resource, no inline style. */
export const SURVEY_STYLESHEET_PATH = '/assets/survey.css';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text placed in HTML: every value from outside (names, references, the comment) goes through it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function document(locale: SurveyPageLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${SURVEY_STYLESHEET_PATH}">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface OpenSurvey {
  readonly locale: SurveyPageLocale;
  readonly organisationName: string;
  readonly reference: string;
  readonly scale: { readonly min: number; readonly max: number };
}

function scoreLabel(messages: SurveyMessages, scale: OpenSurvey['scale'], score: number): string {
  if (scale.min === 1 && scale.max === 5) return `${score} – ${messages.fivePointLabels[score - 1]}`;
  if (score === scale.min) return `${score} – ${messages.lowestLabel}`;
  if (score === scale.max) return `${score} – ${messages.highestLabel}`;
  return String(score);
}

function errorText(messages: SurveyMessages, locale: SurveyPageLocale, scale: OpenSurvey['scale'], error: SurveyFormError): string {
  const max = formatCount(locale, SURVEY_COMMENT_MAX_LENGTH);
  switch (error.problem) {
    case 'choose-score':
      return messages.chooseScore(scale.min, scale.max);
    case 'comment-too-long':
      return messages.commentTooLong(max);
    case 'form-changed':
      return messages.formChanged;
    case 'too-large':
      return messages.tooLarge(max);
  }
}

/** Where the error summary's link takes the respondent: the first radio button, or the comment box. */
const FIELD_ANCHOR = { score: 'score-first', comment: 'comment', form: 'score-first' } as const;

/**
 * The survey form. It works without JavaScript: a plain POST to its own address. Errors are
 * listed at the top (announced, each linking to its field) and beside their field, which is
 * marked invalid and described by its message, as WCAG 3.3.1 and 3.3.3 ask.
 */
export function surveyFormPage(
  survey: OpenSurvey,
  action: string,
  form: { readonly errors: readonly SurveyFormError[]; readonly values: SurveyFormValues } = { errors: [], values: {} },
): string {
  const { locale, scale } = survey;
  const messages = SURVEY_MESSAGES[locale];
  const { errors, values } = form;
  const errorOf = (field: SurveyFormError['field']) => errors.find((error) => error.field === field);
  const scoreError = errorOf('score');
  const commentError = errorOf('comment');
  const summary =
    errors.length === 0
      ? ''
      : `<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${escapeHtml(messages.errorSummary)}</h2>
<ul>
${errors.map((error) => `<li><a href="#${FIELD_ANCHOR[error.field]}">${escapeHtml(errorText(messages, locale, scale, error))}</a></li>`).join('\n')}
</ul>
</div>`;
  const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index);
  const options = scores
    .map((score, index) => {
      const id = index === 0 ? 'score-first' : `score-${score}`;
      const checked = values.score === score ? ' checked' : '';
      return `<div class="option"><input type="radio" id="${id}" name="score" value="${score}" required${checked}><label for="${id}">${escapeHtml(scoreLabel(messages, scale, score))}</label></div>`;
    })
    .join('\n');
  const max = formatCount(locale, SURVEY_COMMENT_MAX_LENGTH);
  const commentDescribedBy = ['comment-hint', ...(commentError ? ['comment-error'] : [])].join(' ');
  const title = `${errors.length > 0 ? messages.errorTitlePrefix : ''}${messages.surveyTitle} – ${survey.organisationName}`;
  const body = `<p class="organisation">${escapeHtml(survey.organisationName)}</p>
<h1>${escapeHtml(messages.question)}</h1>
<p class="reference">${escapeHtml(messages.reference(survey.reference))}</p>
${summary}
<form method="post" action="${escapeHtml(action)}" novalidate>
<fieldset${scoreError ? ' aria-describedby="score-error"' : ''}>
<legend>${escapeHtml(messages.scoreLegend)}</legend>
${scoreError ? `<p class="field-error" id="score-error">${escapeHtml(errorText(messages, locale, scale, scoreError))}</p>\n` : ''}${options}
</fieldset>
<div class="comment">
<label for="comment">${escapeHtml(messages.commentLabel)}</label>
<p class="hint" id="comment-hint">${escapeHtml(messages.commentHint(max))}</p>
${commentError ? `<p class="field-error" id="comment-error">${escapeHtml(errorText(messages, locale, scale, commentError))}</p>\n` : ''}<textarea id="comment" name="comment" rows="6" maxlength="${SURVEY_COMMENT_MAX_LENGTH}" aria-describedby="${commentDescribedBy}"${commentError ? ' aria-invalid="true"' : ''}>${escapeHtml(values.comment ?? '')}</textarea>
</div>
<button type="submit">${escapeHtml(messages.submit)}</button>
</form>`;
  return document(locale, title, body);
}

export type SurveyNotice = 'thanks' | 'answered' | 'not-found' | 'unavailable' | 'too-many';

/** A page with one message: thanks, already answered, a link that cannot be used, or a moment's unavailability. */
export function surveyNoticePage(locale: SurveyPageLocale, notice: SurveyNotice, organisationName?: string): string {
  const messages = SURVEY_MESSAGES[locale];
  const [title, text] = ((): [string, string] => {
    switch (notice) {
      case 'thanks':
        return [messages.thanksTitle, messages.thanksBody(organisationName ?? '')];
      case 'answered':
        return [messages.answeredTitle, messages.answeredBody];
      case 'not-found':
        return [messages.notFoundTitle, messages.notFoundBody];
      case 'unavailable':
        return [messages.unavailableTitle, messages.unavailableBody];
      case 'too-many':
        return [messages.tooManyTitle, messages.tooManyBody];
    }
  })();
  const organisation = organisationName ? `<p class="organisation">${escapeHtml(organisationName)}</p>\n` : '';
  return document(locale, title, `${organisation}<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>`);
}
