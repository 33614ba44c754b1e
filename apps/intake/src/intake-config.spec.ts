import { ConfigError, loadConfig } from '@complaints/config';
import { intakeEnvSchema, toIntakeConfig } from './intake-config';

const base = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', NATS_URL: 'nats://127.0.0.1:4222', PORT: '3001' };
const key = (id: string, byte: number) => `${id}:${Buffer.alloc(32, byte).toString('base64')}`;

describe('intake configuration', () => {
  it('reads a key ring whose first key encrypts', () => {
    const config = toIntakeConfig(loadConfig(intakeEnvSchema, { ...base, PII_ENCRYPTION_KEYS: `${key('k2', 2)},${key('k1', 1)}` }));
    expect(config.piiKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(config.idempotencyTtlHours).toBe(24);
  });

  it('falls back to the development key outside production only', () => {
    expect(toIntakeConfig(loadConfig(intakeEnvSchema, base)).piiKeys.map((k) => k.id)).toEqual(['dev']);
    expect(() => loadConfig(intakeEnvSchema, { ...base, NODE_ENV: 'production' })).toThrow(/PII_ENCRYPTION_KEYS: is required in production/);
  });

  it.each([
    ['a key that is not 32 bytes', { PII_ENCRYPTION_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` }, /PII_ENCRYPTION_KEYS: entry 1/],
    ['a duplicate key id', { PII_ENCRYPTION_KEYS: `${key('k1', 1)},${key('k1', 2)}` }, /PII_ENCRYPTION_KEYS: entry 2/],
    ['a retention under a day', { IDEMPOTENCY_TTL_HOURS: '2' }, /IDEMPOTENCY_TTL_HOURS: must be at least 24/],
  ])('refuses %s, naming the variable', (_what, env, message) => {
    expect(() => loadConfig(intakeEnvSchema, { ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig(intakeEnvSchema, { ...base, ...env })).toThrow(message);
  });
});
