import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config';
import { serviceEnvSchema } from './service-env';

describe(loadConfig.name, () => {
  const schema = z.object({ PORT: z.coerce.number().int().positive() });

  it('returns the typed config', () => {
    expect(loadConfig(schema, { PORT: '3000' })).toEqual({ PORT: 3000 });
  });

  it('names the variable in a one-line error', () => {
    expect(() => loadConfig(schema, { PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig(schema, { PORT: 'abc' })).toThrow(/^invalid configuration: PORT: .+$/);
  });
});

describe('serviceEnvSchema', () => {
  const valid = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', NATS_URL: 'nats://127.0.0.1:4222', PORT: '3001' };

  it('accepts a complete environment and applies defaults', () => {
    expect(loadConfig(serviceEnvSchema, valid)).toMatchObject({ PORT: 3001, LOG_LEVEL: 'info', NATS_STREAM_REPLICAS: 1 });
  });

  it.each([
    ['DATABASE_URL', { ...valid, DATABASE_URL: undefined }, /DATABASE_URL: is required/],
    ['DATABASE_URL', { ...valid, DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must be a URL such as postgres:/],
    ['DATABASE_URL', { ...valid, DATABASE_URL: 'not a url' }, /DATABASE_URL: must be a URL/],
    ['NATS_URL', { ...valid, NATS_URL: undefined }, /NATS_URL: is required/],
    ['NATS_URL', { ...valid, NATS_URL: 'http://127.0.0.1:4222' }, /NATS_URL: must be one or more/],
    ['PORT', { ...valid, PORT: '70000' }, /PORT: /],
    ['NATS_NAMESPACE', { ...valid, NATS_NAMESPACE: 'Has Spaces' }, /NATS_NAMESPACE: /],
    ['NATS_STREAM_REPLICAS', { ...valid, NATS_STREAM_REPLICAS: '2' }, /NATS_STREAM_REPLICAS: must be 1, 3 or 5/],
  ])('names %s when it is missing or malformed', (_name, env, message) => {
    expect(() => loadConfig(serviceEnvSchema, env)).toThrow(message);
  });
});
