import { surveyPageLocale } from './survey-page-locale';

describe(surveyPageLocale.name, () => {
  it("speaks the customer's language, whatever its region", () => {
    expect(surveyPageLocale('vi', ['en'])).toBe('vi');
    expect(surveyPageLocale('fr-CA', ['en'])).toBe('fr');
  });

  it("falls back to the policy's language, then English", () => {
    expect(surveyPageLocale('de', ['fr'])).toBe('fr');
    expect(surveyPageLocale(undefined, ['de', 'vi'])).toBe('vi');
    expect(surveyPageLocale('ja', ['de'])).toBe('en');
  });
});
