import { organisationIdSchema } from '@complaints/contracts';
import { PLATFORM_WIDE, PRINCIPAL_ROLES, PrincipalRole } from '@complaints/domain';
import { ServiceConfig, serviceEnvShape, toServiceConfig } from '@complaints/config';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
 * Reads key entries `role:<secret>:name:organisation` (organisation `*` for the platform's
 * operators); `hashOf` turns the secret into the key's SHA-256, or undefined when it is not
 * one. The name is the principal: it owns the complaints the key submits, scopes its
 * idempotency keys and its rate budget. So every key is named, and no two keys share a name or
 * a key: reordering or removing an entry never hands one key's complaints to another.
 */
function keyEntries(
  items: readonly string[],
  ctx: z.RefinementCtx,
  form: string,
  hashOf: (secret: string) => Buffer | undefined,
): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = [];
  for (const [index, item] of items.entries()) {
    const [role, secret, name, organisationId, ...rest] = item.trim().split(':');
    const hash = secret ? hashOf(secret) : undefined;
    const organisationValid = organisationId === PLATFORM_WIDE || organisationIdSchema.safeParse(organisationId).success;
    if (!PRINCIPAL_ROLES.includes(role as ApiRole) || !hash || !name || !KEY_NAME.test(name) || !organisationValid || rest.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `entry ${index + 1} must be ${form} with role one of ${PRINCIPAL_ROLES.join('|')}, a name of letters, digits, '.', '_' or '-', and an organisation id or * (every organisation)`,
      });
      return [];
    }
    const clash = entries.find((entry) => entry.name === name || entry.hash.equals(hash));
    if (clash) {
      const what = clash.name === name ? `the name "${name}"` : 'its key';
      ctx.addIssue({ code: 'custom', message: `entry ${index + 1} repeats ${what}: every key needs a key and a name of its own` });
      return [];
    }
    entries.push({ role: role as ApiRole, name, organisationId: organisationId as string, hash });
  }
  return entries;
}

/** `API_KEYS`: comma-separated `role:key:name:organisation`, keys of 12+ characters. */
const apiKeys = z.string().transform((value, ctx) =>
  keyEntries(value.split(','), ctx, 'role:key:name:organisation (a key of 12+ characters)', (key) =>
    key.length >= 12 ? hashApiKey(key) : undefined,
  ),
);

/**
 * `API_KEYS_FILE`: a file of `role:<sha256 hex of the key>:name:organisation` lines (`#` starts
 * a comment), so the keys themselves are in no file or environment the gateway reads.
 */
const apiKeysFile = z.string().transform((path, ctx) => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `cannot read ${path}: ${(error as Error).message}` });
    return [];
  }
  const lines = text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter((line) => line.length > 0);
  return keyEntries(lines, ctx, 'role:<sha-256 of the key, 64 hex digits>:name:organisation', (hex) =>
    /^[0-9a-f]{64}$/i.test(hex) ? Buffer.from(hex, 'hex') : undefined,
  );
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
  API_KEYS: apiKeys.optional(),
  API_KEYS_FILE: apiKeysFile.optional(),
  /** How long the gateway waits for a service's reply before answering 503. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** Requests one API key may make per minute, on one gateway replica. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Requests one client address may make per minute to the public survey pages, on one gateway replica. */
  SURVEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** Browser origins allowed to call the API cross-origin; none (CORS off) by default. */
  CORS_ORIGINS: corsOrigins,
}).superRefine((env, ctx) => {
  // One source of keys: two would leave which one wins to chance.
  if ((env.API_KEYS === undefined) === (env.API_KEYS_FILE === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['API_KEYS'], message: 'is required, or API_KEYS_FILE, but not both' });
  }
});

export interface GatewayConfig extends ServiceConfig {
  readonly apiKeys: readonly ApiKeyEntry[];
  readonly requestTimeoutMs: number;
  readonly rateLimitPerMinute: number;
  readonly surveyRateLimitPerMinute: number;
  readonly corsOrigins: readonly string[];
}

export function toGatewayConfig(env: z.infer<typeof gatewayEnvSchema>): GatewayConfig {
  return {
    ...toServiceConfig('gateway', env),
    apiKeys: env.API_KEYS ?? env.API_KEYS_FILE ?? [],
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    surveyRateLimitPerMinute: env.SURVEY_RATE_LIMIT_PER_MINUTE,
    corsOrigins: env.CORS_ORIGINS,
  };
}
