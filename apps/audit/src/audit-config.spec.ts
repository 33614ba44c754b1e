import { loadConfig } from '@complaints/config';
import { rawEd25519PublicKey } from '@complaints/transparency-log';
import { auditEnvSchema, toAuditConfig } from './audit-config';

const base = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', NATS_URL: 'nats://127.0.0.1:4222', PORT: '3006' };
const seed = (byte: number) => Buffer.alloc(32, byte).toString('base64');

describe('audit configuration', () => {
  it('reads the signing key, origin and checkpoint cadence', () => {
    const config = toAuditConfig(
      loadConfig(auditEnvSchema, {
        ...base,
        AUDIT_SIGNING_KEY: seed(7),
        AUDIT_ORIGIN: 'audit.example.org/log',
        AUDIT_CHECKPOINT_EVERY: '50',
        AUDIT_CHECKPOINT_INTERVAL_MS: '2000',
      }),
    );
    expect(config.register).toMatchObject({ origin: 'audit.example.org/log', checkpointEvery: 50, checkpointIntervalMs: 2000 });
    expect(rawEd25519PublicKey(config.register.keyPair.publicKey)).toHaveLength(32);
  });

  it('falls back to the development key outside production only', () => {
    expect(toAuditConfig(loadConfig(auditEnvSchema, base)).register.origin).toBe('complaints.example/register');
    expect(() => loadConfig(auditEnvSchema, { ...base, NODE_ENV: 'production' })).toThrow(/AUDIT_SIGNING_KEY: is required in production/);
  });

  it.each([
    ['a seed that is not 32 bytes', { AUDIT_SIGNING_KEY: Buffer.alloc(16).toString('base64') }, /AUDIT_SIGNING_KEY: must be base64 of a 32-byte seed/],
    ['an origin with a space', { AUDIT_ORIGIN: 'my log' }, /AUDIT_ORIGIN: must be a name without spaces/],
    ['a checkpoint cadence of zero', { AUDIT_CHECKPOINT_EVERY: '0' }, /AUDIT_CHECKPOINT_EVERY/],
  ])('refuses %s', (_what, env, message) => {
    expect(() => loadConfig(auditEnvSchema, { ...base, ...env })).toThrow(message);
  });
});
