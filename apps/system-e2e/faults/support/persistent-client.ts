import { randomUUID } from 'node:crypto';
import { ApiClient, ApiResponse, problemFields } from '../../test/support/api-client';
import { API_KEYS } from '../../test/support/running-system';
import { AcceptedComplaint } from './invariants';

/** Answers worth retrying with the same Idempotency-Key: the system is busy or down. */
const UNAVAILABLE = new Set([429, 500, 502, 503, 504]);
const RETRY_PAUSE_MS = 250;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Busy or down, or the first request with this key still in flight (a 409 naming the key, unlike an illegal step's). */
function worthRetrying(response: ApiResponse): boolean {
  return UNAVAILABLE.has(response.status) || (response.status === 409 && problemFields(response).includes('Idempotency-Key'));
}

/**
 * A client that behaves as the API asks a careful one to: one Idempotency-Key per intent, and
 * retries with that key on a 503, an in-flight 409 or a dropped connection until `giveUpAfterMs`. Returns the
 * final answer, or undefined when none came in time.
 */
export async function callUntilAnswered(
  call: (idempotencyKey: string) => Promise<ApiResponse>,
  giveUpAfterMs: number,
): Promise<ApiResponse | undefined> {
  const key = randomUUID();
  const deadline = Date.now() + giveUpAfterMs;
  while (Date.now() < deadline) {
    const response = await call(key).catch(() => undefined);
    if (response && !worthRetrying(response)) return response;
    await pause(RETRY_PAUSE_MS);
  }
  return undefined;
}

export interface BurstResult {
  readonly accepted: AcceptedComplaint[];
  /** Submissions that got no 201 before the client gave up. */
  readonly unanswered: number;
}

/**
 * Submits `count` complaints, `concurrency` at a time, each retried with its own key until the
 * gateway accepts it. A submission refused for a reason other than load is a broken scenario.
 */
export async function submitBurst(
  api: ApiClient,
  count: number,
  body: (index: number) => { policyId: string; kind: string; channel: string } & Record<string, unknown>,
  options: { concurrency: number; giveUpAfterMs: number },
): Promise<BurstResult> {
  const accepted: AcceptedComplaint[] = [];
  let unanswered = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const complaint = body(next++);
      const response = await callUntilAnswered((key) => api.create(API_KEYS.agent, complaint, key), options.giveUpAfterMs);
      if (response === undefined) {
        unanswered += 1;
        continue;
      }
      if (response.status !== 201) throw new Error(`complaint refused: HTTP ${response.status} ${JSON.stringify(response.body)}`);
      accepted.push({ id: response.body.id as string, policyId: complaint.policyId, kind: complaint.kind, channel: complaint.channel });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { accepted, unanswered };
}

/** A lifecycle command, retried with one Idempotency-Key until answered; returns when it was answered 200. */
export async function commandUntilDone(
  api: ApiClient,
  complaintId: string,
  action: string,
  body: unknown,
  giveUpAfterMs: number,
): Promise<number | undefined> {
  const response = await callUntilAnswered(
    (key) =>
      api.call('POST', `/v1/complaints/${complaintId}/${action}`, {
        key: API_KEYS.agent,
        json: body,
        headers: { 'idempotency-key': key },
      }),
    giveUpAfterMs,
  );
  if (response === undefined) return undefined;
  if (response.status !== 200) throw new Error(`${action} refused: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  return Date.now();
}
