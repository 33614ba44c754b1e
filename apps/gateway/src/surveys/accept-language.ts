import { SURVEY_PAGE_LOCALES, SurveyPageLocale } from '@complaints/contracts';

/**
 * The page language for a link that names no survey (forged, or unknown): the browser's
 * preferred languages in the order of their weights, else English. A survey's own locale
 * always wins where there is one.
 */
export function localeFromAcceptLanguage(header: string | undefined): SurveyPageLocale {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const weight = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { language: tag.split('-')[0]?.toLowerCase() ?? '', q: weight === undefined ? 1 : Number(weight), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => SURVEY_PAGE_LOCALES.find((locale) => locale === entry.language)).find((locale) => locale !== undefined) ?? 'en';
}
