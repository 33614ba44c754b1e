import { ConfigError, loadConfig } from '@complaints/config';
import { feedbackEnvSchema, toFeedbackConfig } from './feedback-config';

const base = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', NATS_URL: 'nats://127.0.0.1:4222', PORT: '3005' };
const production = {
  ...base,
  NODE_ENV: 'production',
  NATS_USER: 'feedback',
  NATS_PASSWORD: 'a-nats-password-of-16-or-more',
  PII_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  SURVEY_LINK_SECRET: 'a-production-secret-of-32-or-more-chars',
  PUBLIC_BASE_URL: 'https://complaints.example.com/',
};

describe('feedback configuration', () => {
  it('reads the link key and the public base of survey links', () => {
    const config = toFeedbackConfig(loadConfig(feedbackEnvSchema, production));
    expect(config.publicBaseUrl).toBe('https://complaints.example.com');
    expect(config.surveyLinkKey.export().toString()).toBe(production.SURVEY_LINK_SECRET);
    expect(JSON.stringify(config)).not.toContain(production.SURVEY_LINK_SECRET);
  });

  it('falls back to development values outside production only', () => {
    expect(toFeedbackConfig(loadConfig(feedbackEnvSchema, base)).publicBaseUrl).toBe('http://localhost:3000');
    const { SURVEY_LINK_SECRET: _secret, PUBLIC_BASE_URL: _url, ...withoutLinks } = production;
    expect(() => loadConfig(feedbackEnvSchema, withoutLinks)).toThrow(/SURVEY_LINK_SECRET: is required in production/);
    expect(() => loadConfig(feedbackEnvSchema, withoutLinks)).toThrow(/PUBLIC_BASE_URL: is required in production/);
  });

  it.each([
    ['a short link secret', { SURVEY_LINK_SECRET: 'short' }, /SURVEY_LINK_SECRET: must be at least 32 characters/],
    ['a base URL that is not http(s)', { PUBLIC_BASE_URL: 'ftp://example.com' }, /PUBLIC_BASE_URL: must be an http\(s\) URL/],
  ])('refuses %s, naming the variable', (_what, env, message) => {
    expect(() => loadConfig(feedbackEnvSchema, { ...production, ...env })).toThrow(ConfigError);
    expect(() => loadConfig(feedbackEnvSchema, { ...production, ...env })).toThrow(message);
  });
});
