import { calendarSchema, type CalendarSpec } from '../src/schema/calendar.schema';
import type { PolicyDocument, PolicyDocumentInput } from '../src/schema/policy-document.schema';
import { parsePolicyDocument } from '../src/schema/validate-policy-document';

type CalendarInput = Partial<Parameters<typeof calendarSchema.parse>[0]>;

/** A validated calendar: Mon–Fri 09:00–17:00 UTC unless overridden. */
export function calendarSpec(overrides: CalendarInput = {}): CalendarSpec {
  return calendarSchema.parse({
    zone: 'UTC',
    opening: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
    ...overrides,
  });
}

/** A small valid policy document as written, to be varied by each test. */
export function policyInput(overrides: Partial<PolicyDocumentInput> = {}): PolicyDocumentInput {
  return {
    id: 'test-policy',
    version: 1,
    effectiveFrom: '2026-01-01T00:00:00Z',
    name: 'Test policy',
    locales: ['en'],
    intake: { kinds: ['complaint'], channels: ['email'] },
    calendar: {
      zone: 'Europe/Paris',
      opening: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
    },
    clocks: [
      {
        id: 'resolution',
        startsAt: 'receipt',
        target: { amount: 5, unit: 'business_days' },
        stopsOn: ['resolved'],
        pausesWhile: ['awaiting_customer'],
      },
    ],
    escalation: { levels: [{ level: 1, name: 'Team', notifies: ['team'] }] },
    ...overrides,
  };
}

export function policyWith(overrides: Partial<PolicyDocumentInput> = {}): PolicyDocument {
  return parsePolicyDocument(policyInput(overrides));
}

/** Instant from ISO text, as epoch ms. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant in test: ${iso}`);
  return ms;
}
