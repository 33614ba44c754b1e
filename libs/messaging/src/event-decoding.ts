import { Envelope, EventContract, envelopeSchema } from '@complaints/contracts';

/** A message read as one of a consumer's events, an event it does not handle, or why it is no event. */
export type DecodedEvent = { envelope: Envelope } | { unhandled: true } | { problem: string };

const decoder = new TextDecoder();

/**
 * Reads a message as an event of `contracts`: the envelope, then its data against the contract
 * of its type and version. A version the consumer does not know of a type it handles is a
 * problem (it waits in the dead letters for the upgrade that reads it); other types are none of
 * its business.
 */
export function decodeEvent(data: Uint8Array, contracts: readonly EventContract[]): DecodedEvent {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(data));
  } catch {
    return { problem: 'message is not JSON' };
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) return { problem: `invalid envelope: ${parsed.error.issues[0]?.message ?? ''}` };
  const { type, version } = parsed.data;
  const contract = contracts.find((c) => c.type === type && c.version === version);
  if (!contract) {
    return contracts.some((c) => c.type === type) ? { problem: `unknown version ${version} of ${type}` } : { unhandled: true };
  }
  const body = contract.data.safeParse(parsed.data.data);
  if (!body.success) {
    const issue = body.error.issues[0];
    return { problem: `invalid ${type} data at ${issue?.path.join('.')}: ${issue?.message}` };
  }
  return { envelope: { ...parsed.data, data: body.data } };
}
