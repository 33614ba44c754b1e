import { z } from 'zod';
import { envelopeSchema } from './envelope';
import { EventContract } from './event-contract';
import { EVENT_CATALOGUE, findEventContract } from './event-catalogue';
import {
  ComplaintClosedV1,
  ComplaintClosureWithdrawnV1,
  COMPLAINT_LIFECYCLE_EVENTS,
  ComplaintUpgradedV1,
} from './events/complaint-lifecycle.v1';
import { ComplaintReceivedV1 } from './events/complaint-received.v1';
import { ESCALATION_EVENTS } from './events/escalation.v1';
import { SurveyAnsweredV1 } from './events/survey.v1';

const PERSONAL_FIELDS = { email: 'ada@example.com', name: 'Ada Lovelace', phone: '+33 1 23 45 67 89', description: 'x' };

/** Fields named like personal data that are not about a person. */
const NOT_PERSONAL: Readonly<Record<string, readonly string[]>> = {
  'policy.published': ['name'], // the policy's name
};

/** Keys under which a person's data or an agent's free text would travel. */
const FREE_TEXT_KEYS = ['customer', 'subject', 'summary', 'note', 'question', 'evidence', 'relationship', 'reason'];

const lifecycleFacts = {
  policyId: 'modmount',
  policyVersion: 1,
  reference: 'MOD-2026-000042',
  kind: 'complaint',
  status: 'closed',
  previousStatus: 'resolved',
} as const;

function unrecognizedKeys(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
}

describe('the event catalogue', () => {
  it.each(EVENT_CATALOGUE.map((contract) => [`${contract.type} v${contract.version}`, contract] as const))(
    '%s refuses personal data',
    (_, contract) => {
      const personal = Object.keys(PERSONAL_FIELDS).filter((key) => !NOT_PERSONAL[contract.type]?.includes(key));
      expect(unrecognizedKeys(contract.data, PERSONAL_FIELDS).sort()).toEqual(personal.sort());
    },
  );

  it('has names the envelope accepts and one contract per type and version', () => {
    for (const contract of EVENT_CATALOGUE) {
      expect(envelopeSchema.shape.type.safeParse(contract.type).success).toBe(true);
      expect(findEventContract(contract.type, contract.version)).toBe(contract);
    }
  });

  it('registers every complaint event', () => {
    for (const contract of [ComplaintReceivedV1, ...COMPLAINT_LIFECYCLE_EVENTS]) {
      expect(EVENT_CATALOGUE).toContain(contract);
    }
  });

  it('registers what escalation publishes and the survey answers it acts on', () => {
    for (const contract of [...ESCALATION_EVENTS, SurveyAnsweredV1]) {
      expect(EVENT_CATALOGUE).toContain(contract);
    }
  });
});

describe('complaint lifecycle events', () => {
  it.each(COMPLAINT_LIFECYCLE_EVENTS.map((contract) => [contract.type, contract] as const))(
    '%s carries no free text',
    (_, contract) => {
      const keys = Object.keys(contract.data.shape).filter((key) => FREE_TEXT_KEYS.includes(key));
      // These reasons are from a fixed list (CLOSE_REASONS, why a closure was withdrawn), not text an agent typed.
      const withReason: readonly EventContract[] = [ComplaintClosedV1, ComplaintClosureWithdrawnV1];
      expect(keys).toEqual(withReason.includes(contract) ? ['reason'] : []);
    },
  );

  it('share the facts every consumer needs, after and before the change', () => {
    expect(ComplaintClosedV1.data.parse({ ...lifecycleFacts, reason: 'confirmed' })).toEqual({
      ...lifecycleFacts,
      reason: 'confirmed',
    });
    const { previousStatus: _, ...withoutPreviousStatus } = lifecycleFacts;
    expect(ComplaintClosedV1.data.safeParse({ ...withoutPreviousStatus, reason: 'confirmed' }).success).toBe(false);
  });

  it('name the closure a withdrawal undoes, the breach it acted on and the status restored', () => {
    const withdrawn = {
      ...lifecycleFacts,
      status: 'awaiting_customer',
      previousStatus: 'closed',
      closedEventId: '0192f5a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b',
      reason: 'breach_withdrawn',
      breachEventId: '0192f5a4-1c2d-7e3f-8a9b-0c1d2e3f4a5c',
    };
    expect(ComplaintClosureWithdrawnV1.data.parse(withdrawn)).toEqual(withdrawn);
    expect(ComplaintClosureWithdrawnV1.data.safeParse({ ...withdrawn, reason: 'agent_changed_mind' }).success).toBe(false);
    const { closedEventId: _, ...unnamed } = withdrawn;
    expect(ComplaintClosureWithdrawnV1.data.safeParse(unnamed).success).toBe(false);
  });

  it('keep the original receipt of an upgraded inquiry', () => {
    const upgraded = {
      ...lifecycleFacts,
      status: 'received',
      previousStatus: 'resolved',
      upgradedAt: '2026-03-02T10:00:00+01:00',
      originalReceivedAt: '2026-02-27T16:00:00+01:00',
    };
    expect(ComplaintUpgradedV1.data.safeParse(upgraded).success).toBe(true);
  });
});

describe('complaint.received v1', () => {
  it('carries the reference and facts but only whether there is a third party', () => {
    const received = {
      policyId: 'imolocale',
      policyVersion: 2,
      reference: 'IMO-2026-000042',
      kind: 'complaint',
      channel: 'web',
      status: 'awaiting_authorization',
      receivedAt: '2026-03-02T10:00:00+01:00',
      firstContactAt: null,
      thirdParty: true,
      sellerId: 'seller-17',
    };
    expect(ComplaintReceivedV1.data.safeParse(received).success).toBe(true);
    expect(ComplaintReceivedV1.data.safeParse({ ...received, thirdParty: { name: 'Bob' } }).success).toBe(false);
  });
});
