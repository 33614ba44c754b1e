/**
 * Whether an endpoint's subscriptions take an event type: the type itself
 * (`complaint.resolved`) or its family (`complaint.*`).
 */
export function subscribesTo(eventTypes: readonly string[], type: string): boolean {
  const family = type.slice(0, type.indexOf('.'));
  return eventTypes.some((subscribed) => subscribed === type || subscribed === `${family}.*`);
}
