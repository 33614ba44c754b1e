import { SUPPORTED_LOCALES, SupportedLocale } from './message-templates';

function supported(tag: string | undefined): SupportedLocale | undefined {
  const language = tag?.split('-')[0]?.toLowerCase();
  return SUPPORTED_LOCALES.find((locale) => locale === language);
}

/**
 * The language of a message: the customer's own (`fr-CA` reads as `fr`), else the policy's
 * first, else English. Team messages pass no customer locale, so they follow the policy.
 */
export function chooseLocale(customerLocale: string | undefined, policyLocales: readonly string[]): SupportedLocale {
  return supported(customerLocale) ?? supported(policyLocales[0]) ?? 'en';
}
