import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** 32 random bytes, more than the 24 the Standard Webhooks specification asks for. */
const SECRET_BYTES = 32;

/** A new signing secret as receivers' Standard Webhooks libraries read it: `whsec_` + base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/**
 * The Standard Webhooks headers of one attempt. The id is the delivery's, the same on every
 * attempt, so a receiver that saw it already can ignore a retry; the timestamp is the
 * attempt's, so receivers that refuse old messages (5 minutes by default) accept a retry.
 */
export function signedHeaders(secret: string, webhookId: string, timestamp: Date, body: string): Record<string, string> {
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(webhookId, timestamp, body),
  };
}
