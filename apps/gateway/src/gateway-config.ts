import { organisationIdSchema } from '@complaints/contracts';
import { PLATFORM_WIDE, PRINCIPAL_ROLES, PrincipalRole } from '@complaints/domain';
import { ServiceConfig, serviceEnvShape, toServiceConfig } from '@complaints/config';
import { createHash } from 'node:crypto';
import { z } from 'zod';

export type ApiRole = PrincipalRole;

/** A configured API key. Only its SHA-256 is kept in memory; the key itself is never stored or logged. */
export interface ApiKeyEntry {
  readonly name: string;
  readonly role: ApiRole;
  /** The organisation whose data the key sees, or `*` for the platform's operators. */
  readonly organisationId: string;
  readonly hash: Buffer;
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** A key's name: the principal that owns what it submits, so it is stable and readable in logs. */
const KEY_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `role:key:name:organisation` entries (organisation `*` for the platform's operators). The
 * name is the principal: it owns the complaints the key submits,
 * scopes its idempotency keys and its rate budget. So every key is named, and no two keys
 * share a name or a key: reordering or removing an entry never hands one key's complaints
 * to another.
 */
const apiKeys = z
  .string({ error: 'is required' })
  .min(1, 'is required')
  .transform((value, ctx) => {
    const entries: ApiKeyEntry[] = [];
    for (const [index, item] of value.split(',').entries()) {
      const [role, key, name, organisationId, ...rest] = item.trim().split(':');
      const organisationValid = organisationId === PLATFORM_WIDE || organisationIdSchema.safeParse(organisationId).success;
      const valid = PRINCIPAL_ROLES.includes(role as ApiRole) && key && key.length >= 12 && name && KEY_NAME.test(name);
      if (!valid || !organisationId || !organisationValid || rest.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `entry ${index + 1} must be role:key:name:organisation with role one of ${PRINCIPAL_ROLES.join('|')}, a key of 12+ characters, a name of letters, digits, '.', '_' or '-', and an organisation id or * (every organisation)`,
        });
        return z.NEVER;
      }
      const hash = hashApiKey(key);
      const clash = entries.find((entry) => entry.name === name || entry.hash.equals(hash));
      if (clash) {
        const what = clash.name === name ? `the name "${name}"` : 'its key';
        ctx.addIssue({ code: 'custom', message: `entry ${index + 1} repeats ${what}: every key needs a key and a name of its own` });
        return z.NEVER;
      }
      entries.push({ role: role as ApiRole, name, organisationId, hash });
    }
    return entries;
  });

const corsOrigins = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const origins = (value ?? '').split(',').map((item) => item.trim()).filter((item) => item.length > 0);
    for (const origin of origins) {
      if (!isOrigin(origin)) {
        ctx.addIssue({ code: 'custom', message: `"${origin}" must be an origin such as https://app.example.com (scheme, host, optional port; no path)` });
        return z.NEVER;
      }
    }
    return origins;
  });

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}

export const gatewayEnvSchema = z.object({
  ...serviceEnvShape,
  API_KEYS: apiKeys,
  /** How long the gateway waits for a service's reply before answering 503. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** Requests one API key may make per minute, on one gateway replica. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Browser origins allowed to call the API cross-origin; none (CORS off) by default. */
  CORS_ORIGINS: corsOrigins,
});

export interface GatewayConfig extends ServiceConfig {
  readonly apiKeys: readonly ApiKeyEntry[];
  readonly requestTimeoutMs: number;
  readonly rateLimitPerMinute: number;
  readonly corsOrigins: readonly string[];
}

export function toGatewayConfig(env: z.infer<typeof gatewayEnvSchema>): GatewayConfig {
  return {
    ...toServiceConfig('gateway', env),
    apiKeys: env.API_KEYS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    corsOrigins: env.CORS_ORIGINS,
  };
}
