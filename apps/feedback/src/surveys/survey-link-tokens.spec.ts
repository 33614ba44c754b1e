import { createSecretKey } from 'node:crypto';
import { SurveyLinkTokens } from './survey-link-tokens';

const key = (text: string) => createSecretKey(Buffer.from(text));
const tokens = new SurveyLinkTokens(key('a survey link key of the test, 32+ bytes long'));
const surveyId = '0195f3a2-7c4e-7b1a-9c3d-2f6e8a1b4c5d';

describe(SurveyLinkTokens.name, () => {
  it('gives a URL-safe token that names its survey', () => {
    const token = tokens.tokenFor(surveyId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(tokens.surveyIdOf(token)).toBe(surveyId);
  });

  it('derives the same token every time, so nothing needs storing', () => {
    expect(tokens.tokenFor(surveyId)).toBe(tokens.tokenFor(surveyId));
    expect(tokens.tokenFor('0195f3a2-7c4e-7b1a-9c3d-2f6e8a1b4c5e')).not.toBe(tokens.tokenFor(surveyId));
  });

  it('refuses a token made under another key', () => {
    const other = new SurveyLinkTokens(key('another key, as an attacker would guess it'));
    expect(tokens.surveyIdOf(other.tokenFor(surveyId))).toBeUndefined();
  });

  it('refuses a token with any character changed, cut short or lengthened', () => {
    const token = tokens.tokenFor(surveyId);
    for (const index of [0, 10, 30, 63]) {
      const changed = token.slice(0, index) + (token[index] === 'A' ? 'B' : 'A') + token.slice(index + 1);
      expect(tokens.surveyIdOf(changed)).toBeUndefined();
    }
    expect(tokens.surveyIdOf(token.slice(0, -1))).toBeUndefined();
    expect(tokens.surveyIdOf(`${token}A`)).toBeUndefined();
  });

  it('refuses text that is not a token at all', () => {
    for (const forged of ['', 'abc', '../../etc/passwd', surveyId, '+'.repeat(64)]) expect(tokens.surveyIdOf(forged)).toBeUndefined();
  });
});
