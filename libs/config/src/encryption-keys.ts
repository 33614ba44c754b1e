import { createSecretKey, KeyObject } from 'node:crypto';
import { z } from 'zod';

export interface EncryptionKey {
  /** Stored beside every value the key encrypts, so a reader knows which key opens it. */
  readonly id: string;
  /** A KeyObject rather than a Buffer: logging or serialising a config never prints the key. */
  readonly secret: KeyObject;
}

/**
 * For development only: used when PII_ENCRYPTION_KEYS is unset outside production, so
 * `npm start` works on a fresh clone. Anything encrypted with it is as good as plaintext.
 */
export const DEVELOPMENT_PII_KEYS = 'dev:ZGV2ZWxvcG1lbnQtb25seS1waWkta2V5LTMyYnl0ZXM=';

const keyRing = z.string().transform((value, ctx): EncryptionKey[] => {
  const keys: EncryptionKey[] = [];
  for (const [index, item] of value.split(',').entries()) {
    const [id, secret, ...rest] = item.trim().split(':');
    const bytes = secret ? Buffer.from(secret, 'base64') : Buffer.alloc(0);
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || rest.length > 0 || bytes.length !== 32 || keys.some((k) => k.id === id)) {
      ctx.addIssue({
        code: 'custom',
        message: `entry ${index + 1} must be keyId:base64 of 32 random bytes (e.g. from \`openssl rand -base64 32\`), with a unique keyId`,
      });
      return z.NEVER;
    }
    keys.push({ id, secret: createSecretKey(bytes) });
  }
  return keys;
});

/** The environment of every service that keeps personal data or secrets at rest. */
export const piiKeysEnvShape = {
  NODE_ENV: z.string().optional(),
  /** Comma-separated `keyId:base64key`; the first encrypts, all decrypt (key rotation). */
  PII_ENCRYPTION_KEYS: z.string().optional(),
};

/**
 * The key ring of PII_ENCRYPTION_KEYS, or the development key outside production. Issues go
 * to `ctx` under the variable's name, for use inside a service's env `transform`.
 */
export function piiKeysFromEnv(
  env: { NODE_ENV?: string | undefined; PII_ENCRYPTION_KEYS?: string | undefined },
  ctx: z.RefinementCtx,
): EncryptionKey[] | typeof z.NEVER {
  const source = env.PII_ENCRYPTION_KEYS ?? (env.NODE_ENV === 'production' ? undefined : DEVELOPMENT_PII_KEYS);
  if (source === undefined) {
    ctx.addIssue({ code: 'custom', path: ['PII_ENCRYPTION_KEYS'], message: 'is required in production' });
    return z.NEVER;
  }
  const parsed = keyRing.safeParse(source);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['PII_ENCRYPTION_KEYS'], message: issue.message });
    return z.NEVER;
  }
  return parsed.data;
}
