import { Actor } from '@complaints/contracts';

/** How feedback names itself on the events it publishes. */
export const FEEDBACK_ACTOR: Actor = { kind: 'service', id: 'feedback' };
