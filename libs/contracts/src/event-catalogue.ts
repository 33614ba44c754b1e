import { EventContract } from './event-contract';
import { COMPLAINT_LIFECYCLE_EVENTS } from './events/complaint-lifecycle.v1';
import { COMPLAINT_DATA_RIGHTS_EVENTS } from './events/complaint-data-rights.v1';
import { ComplaintReceivedV1 } from './events/complaint-received.v1';
import { ESCALATION_EVENTS } from './events/escalation.v1';
import { NOTIFICATION_EVENTS } from './events/notification.v1';
import { PolicyPublishedV1 } from './events/policy-published.v1';
import { RegisterPayloadsPurgedV1 } from './events/register-payloads-purged.v1';
import {
  SlaClockBreachWithdrawnV1,
  SlaClockBreachedV1,
  SlaClockWarningV1,
  SlaClocksChangedV1,
} from './events/sla-clock.v1';
import { SURVEY_EVENTS } from './events/survey.v1';
import { WEBHOOK_OUTCOME_EVENTS } from './events/webhook.v1';

/** Every event that crosses the bus. A consumer looks an incoming message up here before using it. */
export const EVENT_CATALOGUE: readonly EventContract[] = [
  PolicyPublishedV1,
  ComplaintReceivedV1,
  ...COMPLAINT_LIFECYCLE_EVENTS,
  ...COMPLAINT_DATA_RIGHTS_EVENTS,
  SlaClockWarningV1,
  SlaClockBreachedV1,
  SlaClockBreachWithdrawnV1,
  SlaClocksChangedV1,
  ...ESCALATION_EVENTS,
  ...SURVEY_EVENTS,
  ...NOTIFICATION_EVENTS,
  ...WEBHOOK_OUTCOME_EVENTS,
  RegisterPayloadsPurgedV1,
];

export function findEventContract(type: string, version: number): EventContract | undefined {
  return EVENT_CATALOGUE.find((c) => c.type === type && c.version === version);
}
