import { ConfigError, loadConfig } from './load-config';
import { serviceEnvSchema, toServiceConfig } from './service-env';

describe(toServiceConfig.name, () => {
  const base = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', NATS_URL: 'nats://127.0.0.1:4222', PORT: '3001' };
  const config = (env: Record<string, string>) => toServiceConfig('sla', loadConfig(serviceEnvSchema, { ...base, ...env }));

  it('connects anonymously outside production when no credentials are given', () => {
    expect(config({}).natsCredentials).toBeUndefined();
  });

  it('carries the NATS user and password', () => {
    expect(config({ NATS_USER: 'sla', NATS_PASSWORD: 'sixteen-chars-pw' }).natsCredentials).toEqual({ user: 'sla', password: 'sixteen-chars-pw' });
  });

  it('refuses to start in production without NATS credentials, naming both variables', () => {
    expect(() => config({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => config({ NODE_ENV: 'production' })).toThrow('NATS_USER: is required in production; NATS_PASSWORD: is required in production');
  });

  it('refuses a user without a password, and a password without a user', () => {
    expect(() => config({ NATS_USER: 'sla' })).toThrow('NATS_PASSWORD: is required with NATS_USER');
    expect(() => config({ NATS_PASSWORD: 'sixteen-chars-pw' })).toThrow('NATS_USER: is required with NATS_PASSWORD');
  });

  it('refuses a short password', () => {
    expect(() => loadConfig(serviceEnvSchema, { ...base, NATS_USER: 'sla', NATS_PASSWORD: 'short' })).toThrow(/NATS_PASSWORD: must be at least 16/);
  });

  it('serves metrics only on a port of their own', () => {
    expect(config({ METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    expect(config({}).metricsPort).toBeUndefined();
    expect(() => config({ METRICS_PORT: '3001' })).toThrow('METRICS_PORT: must differ from PORT');
  });
});
