// Waits until every service answers GET /health/ready with 200.

import { setTimeout as sleep } from 'node:timers/promises';

export const READY_PATH = '/health/ready';

/**
 * @typedef {{ name: string, port: number }} Probed
 * @typedef {{ name: string, port: number, last: string }} NotReady
 */

export class NotReadyError extends Error {
  /**
   * @param {NotReady[]} services
   * @param {number} timeoutMs
   */
  constructor(services, timeoutMs) {
    super(`not ready after ${timeoutMs / 1000} s: ${services.map((s) => s.name).join(', ')}`);
    this.services = services;
  }
}

/**
 * One readiness probe.
 * @param {number} port
 * @returns {Promise<{ ready: boolean, detail: string }>}
 */
export async function probeReady(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${READY_PATH}`, {
      signal: AbortSignal.timeout(2_000),
    });
    const body = (await response.text()).replace(/\s+/g, ' ').slice(0, 300);
    return { ready: response.status === 200, detail: `HTTP ${response.status} ${body}`.trim() };
  } catch (error) {
    const cause = /** @type {{ cause?: { code?: string } }} */ (error).cause;
    return { ready: false, detail: cause?.code ?? /** @type {Error} */ (error).message };
  }
}

/**
 * Polls every service until all are ready. Rejects with NotReadyError after `timeoutMs`, or
 * with the signal's reason when aborted (a service died, the user pressed Ctrl-C).
 * @param {Probed[]} services
 * @param {{ timeoutMs?: number, intervalMs?: number, signal?: AbortSignal,
 *           onReady?: (service: Probed, elapsedMs: number) => void }} [options]
 */
export async function waitUntilReady(
  services,
  { timeoutMs = 60_000, intervalMs = 500, signal, onReady } = {},
) {
  const started = Date.now();
  /** @type {Map<string, string>} name -> last probe result */
  const pending = new Map(services.map((s) => [s.name, 'not probed yet']));
  while (pending.size > 0) {
    signal?.throwIfAborted();
    await Promise.all(
      services
        .filter((s) => pending.has(s.name))
        .map(async (service) => {
          const { ready, detail } = await probeReady(service.port);
          if (!pending.has(service.name)) return;
          if (ready) {
            pending.delete(service.name);
            onReady?.(service, Date.now() - started);
          } else {
            pending.set(service.name, detail);
          }
        }),
    );
    signal?.throwIfAborted();
    if (pending.size === 0) return;
    if (Date.now() - started >= timeoutMs) {
      throw new NotReadyError(
        services.filter((s) => pending.has(s.name)).map((s) => ({ ...s, last: pending.get(s.name) ?? '' })),
        timeoutMs,
      );
    }
    await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
  }
}
