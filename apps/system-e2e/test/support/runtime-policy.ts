import { waitFor } from '@complaints/testing';
import { ApiClient, expectStatus } from './api-client';
import { API_KEYS } from './running-system';
import { sleep } from './sla-probes';

type Target = { amount: number; unit: string };
type Clock = { id: string; target: Target };
type PolicyDocument = Record<string, unknown> & { clocks: Clock[] };

export interface RuntimeCopy {
  /** The new policy's id. */
  readonly id: string;
  readonly name: string;
  /** New targets by clock id, e.g. seconds instead of hours, so real timers fire within a test. */
  readonly targets: Readonly<Record<string, Target>>;
  /** Any other top-level fields to replace. */
  readonly overrides?: (seed: PolicyDocument) => Record<string, unknown>;
}

/**
 * Publishes a copy of a built-in policy with shorter clocks (POST /v1/policies, as an
 * operator would) and waits until intake takes complaints under it.
 */
export async function publishRuntimeCopy(api: ApiClient, seedId: string, copy: RuntimeCopy): Promise<void> {
  const seed = expectStatus(await api.get(API_KEYS.admin, `/v1/policies/${seedId}`), 200).body as PolicyDocument;
  const document = {
    ...seed,
    id: copy.id,
    version: 1,
    name: copy.name,
    source: { kind: 'custom', organisation: `${seedId} (test)` },
    clocks: seed.clocks.map((clock) => (copy.targets[clock.id] ? { ...clock, target: copy.targets[clock.id] } : clock)),
    ...copy.overrides?.(seed),
  };
  expectStatus(await api.call('POST', '/v1/policies', { key: API_KEYS.admin, json: document }), 201);
  // Every service hears of the new policy within a second; intake must know it before it takes complaints under it.
  await waitFor(
    'intake to accept complaints under the runtime policy',
    async () => {
      const probe = await api.call('POST', `/v1/policies/${copy.id}/simulate`, {
        key: API_KEYS.agent,
        json: { kind: 'complaint', channel: 'email', receivedAt: new Date().toISOString() },
      });
      return probe.status === 200;
    },
    10_000,
    100,
  );
  // sla and escalation follow the same stream; give them the same second.
  await sleep(1000);
}
