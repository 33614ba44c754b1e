import { newComplaint } from '../../test/support/complaint-bodies';

const SHAPES = [
  { kind: 'complaint', channel: 'email' },
  { kind: 'complaint', channel: 'chat' },
  { kind: 'inquiry', channel: 'email' },
] as const;

/**
 * The i-th complaint of a burst under a policy: kinds and channels vary, so clocks differ between
 * complaints, unless the scenario needs one channel.
 */
export function burstComplaint(policyId: string, index: number, channel?: string): { policyId: string; kind: string; channel: string } & Record<string, unknown> {
  const shape = SHAPES[index % SHAPES.length] ?? SHAPES[0];
  return { ...newComplaint({ subject: `Fault suite complaint ${index}` }), policyId, kind: shape.kind, channel: channel ?? shape.channel };
}
