import { timingSafeEqual } from 'node:crypto';
import { ApiKeyEntry, hashApiKey } from '../gateway-config';
import { Principal } from './principal';

/** The key in `Authorization: Bearer <api key>`, or undefined when the header has none. */
export function bearerToken(authorization: unknown): string | undefined {
  const match = typeof authorization === 'string' ? /^Bearer (\S+)$/i.exec(authorization) : null;
  return match?.[1];
}

/** The principal a presented key belongs to, or undefined when it is no configured key. */
export function principalOf(apiKeys: readonly ApiKeyEntry[], key: string): Principal | undefined {
  const presented = hashApiKey(key);
  // Compare against every key in constant time so timing does not reveal which keys exist.
  let entry: ApiKeyEntry | undefined;
  for (const candidate of apiKeys) {
    if (timingSafeEqual(candidate.hash, presented)) entry = candidate;
  }
  return entry ? { name: entry.name, role: entry.role, organisationId: entry.organisationId } : undefined;
}
