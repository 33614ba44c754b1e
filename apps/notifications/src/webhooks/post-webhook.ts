import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { AttemptOutcome, outcomeOfStatus } from './attempt-outcome';
import { EndpointAddressGuard } from './endpoint-address-guard';

export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Why an attempt got no answer, in words for the admin who reads the endpoint's deliveries. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/**
 * One POST of a signed delivery. It uses node:http rather than fetch because only a request's
 * own `lookup` makes the connection go to the address the guard checked (fetch resolves the
 * name itself). No redirect is followed: it could lead to an address the guard refuses.
 * Every failure to get an answer (refused connection, reset, timeout, a name that resolves
 * nowhere or privately now) is temporary: the schedule tries again and ends in a dead delivery.
 */
export async function postWebhook(delivery: WebhookRequest, guard: EndpointAddressGuard, timeoutMs: number): Promise<AttemptOutcome> {
  const url = new URL(delivery.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  try {
    // An address literal is connected to without a lookup, so it is checked here.
    if (isIP(url.hostname.replace(/^\[(.*)\]$/, '$1')) !== 0) await guard.addressesOf(url.hostname);
    const statusCode = await new Promise<number>((resolve, reject) => {
      const request = send(url, {
        method: 'POST',
        headers: { ...delivery.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(delivery.body) },
        lookup: guard.lookup,
        // A fresh connection for each attempt: a pooled one may have been opened to an address
        // that the name no longer resolves to.
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      });
      request.on('response', (response) => {
        // Only the status counts: the body is drained unread.
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end(delivery.body);
    });
    return outcomeOfStatus(statusCode);
  } catch (error) {
    return { kind: 'temporary', statusCode: null, error: describeFailure(error, timeoutMs) };
  }
}
