import { Actor } from '@complaints/contracts';

/** notifications reports on its own deliveries. */
export const NOTIFICATIONS_ACTOR: Actor = { kind: 'service', id: 'notifications' };
