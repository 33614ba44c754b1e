import { localeFromAcceptLanguage } from './accept-language';

describe(localeFromAcceptLanguage.name, () => {
  it("takes the browser's most preferred language the page speaks", () => {
    expect(localeFromAcceptLanguage('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(localeFromAcceptLanguage('de-DE, fr;q=0.5, en;q=0.7')).toBe('en');
    expect(localeFromAcceptLanguage('de, fr-CA;q=0.4')).toBe('fr');
  });

  it('speaks English when the browser names nothing the page speaks', () => {
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
    expect(localeFromAcceptLanguage('ja, de;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('fr;q=0')).toBe('en');
  });
});
