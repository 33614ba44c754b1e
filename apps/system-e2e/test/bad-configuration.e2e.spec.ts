import { spawnSync } from 'node:child_process';
import { serviceEntryPoint } from './support/running-system';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  NATS_URL: 'nats://127.0.0.1:4222',
  PORT: '3999',
};

function start(service: 'intake' | 'audit', env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [serviceEntryPoint(service)], {
    env: { PATH: process.env['PATH'], ...env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe('a service started with a bad configuration', () => {
  it.each([
    ['a missing DATABASE_URL', { ...valid, DATABASE_URL: undefined }, /^intake: invalid configuration: DATABASE_URL: is required$/],
    ['a malformed DATABASE_URL', { ...valid, DATABASE_URL: 'localhost:5432' }, /^intake: invalid configuration: DATABASE_URL: must be a URL such as postgres:\/\/.*$/],
    ['a missing NATS_URL', { ...valid, NATS_URL: undefined }, /^intake: invalid configuration: NATS_URL: is required$/],
    ['a malformed NATS_URL', { ...valid, NATS_URL: 'http://127.0.0.1:4222' }, /^intake: invalid configuration: NATS_URL: must be .*$/],
  ])('exits with one line naming the variable for %s', (_case, env, message) => {
    const { status, stderr, stdout } = start('intake', env);
    expect(status).toBe(78);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('refuses to sign the register with the development key in production', () => {
    const { status, stderr } = start('audit', { ...valid, NODE_ENV: 'production' });
    expect(status).toBe(78);
    expect(stderr).toBe('audit: invalid configuration: AUDIT_SIGNING_KEY: is required in production');
  });

  it('refuses to connect to NATS anonymously in production, naming both variables', () => {
    const production = { ...valid, NODE_ENV: 'production', PII_ENCRYPTION_KEYS: 'dev1:yoBEqCNLD7O2CXNxFuLG9jTwGgTwEuqtq/PQxwIPP6k=' };
    const { status, stderr } = start('intake', production);
    expect(status).toBe(78);
    expect(stderr).toBe('intake: invalid configuration: NATS_USER: is required in production; NATS_PASSWORD: is required in production');
  });

  it('exits with one line when PostgreSQL does not answer', () => {
    const { status, stderr } = start('intake', { ...valid, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^intake: failed to start: .+$/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
