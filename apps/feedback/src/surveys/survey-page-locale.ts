import { SURVEY_PAGE_LOCALES, SurveyPageLocale } from '@complaints/contracts';

function supported(locale: string | undefined): SurveyPageLocale | undefined {
  const language = locale?.split('-')[0]?.toLowerCase();
  return SURVEY_PAGE_LOCALES.find((candidate) => candidate === language);
}

/**
 * The language a survey speaks, as the emails choose theirs: the customer's own locale when
 * the page speaks it (fr-CA → fr), else the policy's first locale it speaks, else English.
 */
export function surveyPageLocale(customerLocale: string | undefined, policyLocales: readonly string[]): SurveyPageLocale {
  return supported(customerLocale) ?? policyLocales.map(supported).find((locale) => locale !== undefined) ?? 'en';
}
