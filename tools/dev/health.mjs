// Waits until every service answers GET /health/ready with 200.

import { get } from 'node:http';
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
 * One readiness probe. A fresh connection each time (no keep-alive), so that the runner
 * holds no idle socket that could slow a service's shutdown.
 * @param {number} port
 * @returns {Promise<{ ready: boolean, detail: string }>}
 */
export function probeReady(port) {
  return new Promise((resolve) => {
    const request = get(
      { host: '127.0.0.1', port, path: READY_PATH, agent: false, timeout: 2_000 },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => {
          const detail = `HTTP ${response.statusCode} ${body.replace(/\s+/g, ' ').slice(0, 300)}`.trim();
          resolve({ ready: response.statusCode === 200, detail });
        });
        response.on('error', (error) => resolve({ ready: false, detail: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer within 2 s')));
    request.on('error', (error) => {
      resolve({ ready: false, detail: /** @type {NodeJS.ErrnoException} */ (error).code ?? error.message });
    });
  });
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
