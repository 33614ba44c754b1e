import { waitFor } from '@complaints/testing';
import { ApiClient, expectStatus } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { publishRuntimeCopy } from './support/runtime-policy';
import { command, createComplaint, sleep, timelineOf, waitForClocks } from './support/sla-probes';
import { systemForFile } from './support/system-for-file';

/*
 * Modmount's closure rules with real timers: a runtime copy of the seed policy whose
 * customer window (non_cooperation, 20 business days) runs 3 s and whose age limit (stale,
 * 3 months) runs 7 s. sla announces the breach, and intake closes the complaint with the
 * rule's reason, as the policy's rule and not as a person.
 */

const POLICY_ID = 'modmount-fast-closures';
const WINDOW_MS = 3000;
const STALE_MS = 7000;
const RULE_ACTOR = { kind: 'system', id: 'policy-closure-rule' };

async function complaintOf(api: ApiClient, id: string): Promise<{ status: string; closeReason: string | null }> {
  return expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${id}`), 200).body;
}

function waitForStatus(api: ApiClient, id: string, status: string, timeoutMs: number) {
  return waitFor(`complaint ${id} to be ${status}`, async () => {
    const complaint = await complaintOf(api, id);
    return complaint.status === status && complaint;
  }, timeoutMs, 100);
}

describe('Modmount closure rules with real timers', () => {
  const sut = systemForFile(['gateway', 'intake', 'sla', 'escalation'], { database: true });
  const { api } = sut;

  beforeAll(() =>
    publishRuntimeCopy(api, 'modmount', {
      id: POLICY_ID,
      name: 'Modmount, closing in seconds',
      targets: {
        non_cooperation: { amount: WINDOW_MS / 1000, unit: 'seconds' },
        stale: { amount: STALE_MS / 1000, unit: 'seconds' },
      },
    }),
  );

  async function awaitingCustomer(): Promise<{ id: string; askedAt: number }> {
    const id = await createComplaint(api, newComplaint({ policyId: POLICY_ID }));
    await command(api, id, 'acknowledge');
    const askedAt = Date.now();
    await command(api, id, 'request-info', { question: 'Which order number was it?' });
    return { id, askedAt };
  }

  it('closes as non_cooperation when the customer does not answer within the window, and as stale at the age limit', async () => {
    const silent = await awaitingCustomer();
    const answering = await awaitingCustomer();
    const resolvedInTime = await createComplaint(api, newComplaint({ policyId: POLICY_ID }));
    await command(api, answering.id, 'customer-replies', {});
    await command(api, resolvedInTime, 'resolve', { summary: 'Refunded.' });

    const closed = await waitForStatus(api, silent.id, 'closed', WINDOW_MS + 5000);
    expect(closed.closeReason).toBe('non_cooperation');
    expect(Date.now() - silent.askedAt).toBeGreaterThanOrEqual(WINDOW_MS);
    const closing = (await timelineOf(api, silent.id)).filter((entry) => entry.type === 'complaint.closed');
    expect(closing).toEqual([
      expect.objectContaining({
        actor: RULE_ACTOR,
        data: expect.objectContaining({ reason: 'non_cooperation', previousStatus: 'awaiting_customer', status: 'closed' }),
      }),
    ]);
    // The closure is a complaint event like an agent's: it stops the stale clock, which lists `closed` among its stops.
    const clocks = await waitForClocks(api, silent.id, 'the stale clock stopped by the closure', (c) => c['stale']?.status === 'met');
    expect(clocks['non_cooperation']?.status).toBe('breached');

    // The customer who answered kept the complaint open past the window; its age closes it.
    expect((await complaintOf(api, answering.id)).status).toBe('in_progress');
    const stale = await waitForStatus(api, answering.id, 'closed', STALE_MS + 5000);
    expect(stale.closeReason).toBe('stale');

    // A resolved complaint stopped its stale clock: nothing closes it.
    await sleep(1000);
    expect(await complaintOf(api, resolvedInTime)).toMatchObject({ status: 'resolved', closeReason: null });
    const resolvedClocks = await waitForClocks(api, resolvedInTime, 'the stale clock met', (c) => c['stale'] !== undefined);
    expect(resolvedClocks['stale']?.status).toBe('met');
  });
});
