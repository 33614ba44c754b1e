import { Actor } from '@complaints/contracts';

/** The escalation service decides every step; the event that caused it names who asked. */
export const ESCALATION_ACTOR: Actor = { kind: 'service', id: 'escalation' };
