import { policyInput } from '../../test/policy-fixtures';
import { PolicyValidationError } from '../policy-errors';
import type { PolicyDocumentInput } from './policy-document.schema';
import { policyDocumentJsonSchema } from './policy-json-schema';
import { parsePolicyDocument, validatePolicyDocument } from './validate-policy-document';

function errorsOf(input: unknown): { path: string; message: string }[] {
  const result = validatePolicyDocument(input);
  if (result.ok) throw new Error('expected the document to be invalid');
  return [...result.errors];
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const withCalendar = (calendar: Partial<PolicyDocumentInput['calendar']>): PolicyDocumentInput => {
  const base = policyInput();
  return { ...base, calendar: { ...base.calendar, ...calendar } };
};

describe(validatePolicyDocument.name, () => {
  it('accepts a valid document and applies its defaults', () => {
    const result = validatePolicyDocument(policyInput());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.policy.calendar.holidays).toEqual({ add: [], remove: [] });
      expect(result.policy.clocks[0]?.restartsOn).toEqual([]);
    }
  });

  it.each<[string, unknown, string, RegExp]>([
    [
      'an unknown time zone',
      withCalendar({ zone: 'Mars/Olympus_Mons' }),
      'calendar.zone',
      /unknown IANA time zone/,
    ],
    [
      'an unknown holiday region',
      withCalendar({ holidays: { region: 'XX' } }),
      'calendar.holidays.region',
      /unknown holiday country "XX"/,
    ],
    [
      'an unknown holiday state',
      withCalendar({ holidays: { region: 'GB-XYZ' } }),
      'calendar.holidays.region',
      /unknown holiday state "XYZ" of GB/,
    ],
    [
      'overlapping opening intervals',
      withCalendar({
        opening: [
          { days: [...weekdays], from: '09:00', to: '13:00' },
          { days: ['fri'], from: '12:00', to: '18:00' },
        ],
      }),
      'calendar.opening[1]',
      /12:00–18:00 overlaps 09:00–13:00 on fri/,
    ],
    [
      'an interval crossing midnight',
      withCalendar({ opening: [{ days: ['mon'], from: '22:00', to: '06:00' }] }),
      'calendar.opening[0].to',
      /crosses midnight.*split it into 22:00–24:00 and 00:00–06:00/,
    ],
    [
      'an empty interval',
      withCalendar({ opening: [{ days: ['mon'], from: '09:00', to: '09:00' }] }),
      'calendar.opening[0].to',
      /is empty/,
    ],
    [
      'a time that is not HH:mm',
      withCalendar({ opening: [{ days: ['mon'], from: '9am', to: '17:00' }] }),
      'calendar.opening[0].from',
      /HH:mm/,
    ],
    ['a calendar with no open time', withCalendar({ opening: [] }), 'calendar.opening', /no open time/],
    [
      'a negative duration',
      policyInput({
        clocks: [
          {
            id: 'resolution',
            startsAt: 'receipt',
            target: { amount: -5, unit: 'business_days' },
            stopsOn: ['resolved'],
          },
        ],
      }),
      'clocks[0].target.amount',
      /greater than 0/,
    ],
    [
      'a fractional number of business days',
      policyInput({
        clocks: [
          {
            id: 'resolution',
            startsAt: 'receipt',
            target: { amount: 1.5, unit: 'business_days' },
            stopsOn: ['resolved'],
          },
        ],
      }),
      'clocks[0].target.amount',
      /whole number of business_days/,
    ],
    [
      'a recurring clock that takes an expected date',
      policyInput({
        clocks: [
          {
            id: 'regular_update',
            startsAt: 'first_contact',
            target: { amount: 24, unit: 'hours' },
            stopsOn: ['resolved'],
            restartsOn: ['update_sent'],
            expectedDate: {},
          },
        ],
      }),
      'clocks[0].expectedDate',
      /recurring clock .* cannot move to one expected date/,
    ],
    [
      'an event that both stops and restarts a clock',
      policyInput({
        clocks: [
          {
            id: 'regular_update',
            startsAt: 'first_contact',
            target: { amount: 24, unit: 'hours' },
            stopsOn: ['resolved', 'update_sent'],
            restartsOn: ['update_sent'],
          },
        ],
      }),
      'clocks[0].restartsOn',
      /update_sent cannot both stop and restart the clock/,
    ],
    [
      'an unknown clock id',
      policyInput({
        clocks: [
          {
            id: 'lunch' as 'resolution',
            startsAt: 'receipt',
            target: { amount: 1, unit: 'hours' },
            stopsOn: ['resolved'],
          },
        ],
      }),
      'clocks[0].id',
      /Invalid option/,
    ],
    [
      'a warning fraction outside 0..1',
      policyInput({
        clocks: [
          {
            id: 'resolution',
            startsAt: 'receipt',
            target: { amount: 1, unit: 'hours' },
            stopsOn: ['resolved'],
            warning: { fraction: 1.5 },
          },
        ],
      }),
      'clocks[0].warning.fraction',
      /between 0 and 1/,
    ],
    [
      'a warning after the deadline',
      policyInput({
        clocks: [
          {
            id: 'resolution',
            startsAt: 'receipt',
            target: { amount: 3, unit: 'business_days' },
            stopsOn: ['resolved'],
            warning: { target: { amount: 7, unit: 'business_days' } },
          },
        ],
      }),
      'clocks[0].warning.target.amount',
      /before the deadline/,
    ],
    [
      'two clocks with one id for the same complaints',
      policyInput({
        clocks: [
          {
            id: 'first_reply',
            startsAt: 'receipt',
            target: { amount: 8, unit: 'business_hours' },
            stopsOn: ['responded'],
          },
          {
            id: 'first_reply',
            appliesTo: { channels: ['email'] },
            startsAt: 'receipt',
            target: { amount: 2, unit: 'business_hours' },
            stopsOn: ['responded'],
          },
        ],
      }),
      'clocks[1].appliesTo',
      /applies to the same complaints as clocks\[0\]/,
    ],
    [
      'a trigger on a clock the policy does not have',
      policyInput({
        escalation: {
          levels: [{ level: 1, name: 'Team', notifies: ['team'] }],
          triggers: [{ on: 'clock_breach', clock: 'findings', action: 'notify_current_level' }],
        },
      }),
      'escalation.triggers[0].clock',
      /no clock findings/,
    ],
    [
      'escalation levels out of order',
      policyInput({
        escalation: {
          levels: [
            { level: 1, name: 'Team', notifies: ['team'] },
            { level: 3, name: 'Boss', notifies: ['boss'] },
          ],
        },
      }),
      'escalation.levels[1].level',
      /expected 2/,
    ],
    [
      'an effective date without an offset',
      policyInput({ effectiveFrom: '2026-01-01T00:00:00' }),
      'effectiveFrom',
      /with an offset/,
    ],
    ['an unknown field', { ...policyInput(), colour: 'blue' }, 'colour', /unknown field/],
    ['a missing field', { ...policyInput(), name: undefined }, 'name', /is required/],
  ])('rejects %s, naming the path and the reason', (_what, input, path, message) => {
    const errors = errorsOf(input);
    expect(errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it.each<[string, PolicyDocumentInput['notifications'], string, RegExp]>([
    ['a message type listed twice', { customer: [{ type: 'closed' }, { type: 'closed' }] }, 'notifications.customer[1].type', /listed twice/],
    ['a field of another type', { customer: [{ type: 'closed', levels: [1] }] }, 'notifications.customer[0].levels', /only applies to escalated/],
    [
      'a progress update without a recurring clock',
      { customer: [{ type: 'progress_update', clock: 'resolution' }] },
      'notifications.customer[0].clock',
      /needs a recurring clock/,
    ],
    ['a team address that is none', { teamAddresses: { support: 'not an address' } }, 'notifications.teamAddresses.support', /email address/],
  ])('refuses notifications with %s', (_case, notifications, path, message) => {
    expect(errorsOf({ ...policyInput(), notifications })).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('names every problem at once', () => {
    const errors = errorsOf({ ...policyInput(), id: 'Bad Id', version: 0 });
    expect(errors.map((error) => error.path).sort()).toEqual(['id', 'version']);
  });
});

describe(parsePolicyDocument.name, () => {
  it('throws a PolicyValidationError with the issues and a one-line summary', () => {
    const input = withCalendar({ zone: 'Nowhere/Land' });
    expect(() => parsePolicyDocument(input)).toThrow(PolicyValidationError);
    expect(() => parsePolicyDocument(input)).toThrow(
      /^invalid policy document: calendar.zone: unknown IANA time zone/,
    );
    try {
      parsePolicyDocument(input);
    } catch (error) {
      expect((error as PolicyValidationError).fieldErrors).toEqual([
        { field: 'calendar.zone', message: 'unknown IANA time zone "Nowhere/Land"' },
      ]);
    }
  });
});

describe(policyDocumentJsonSchema.name, () => {
  it('describes the document as users write it', () => {
    const schema = policyDocumentJsonSchema() as {
      $schema: string;
      required: string[];
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'version', 'effectiveFrom', 'calendar', 'clocks']),
    );
    expect(schema.properties['calendar']?.properties).toHaveProperty('extraWorkingDays');
  });

  it('returns a copy the caller may change', () => {
    const first = policyDocumentJsonSchema();
    first['title'] = 'changed';
    expect(policyDocumentJsonSchema()['title']).toBe('Complaint-handling policy document');
  });
});

describe('survey thresholds', () => {
  const survey = {
    sendOn: 'resolved',
    channel: 'email',
    scale: { min: 1, max: 5 },
    dissatisfiedAtOrBelow: 2,
    onDissatisfied: 'reopen',
    onNoAnswer: 'keep_resolved',
  } as const;

  it('takes scores of 4 and above as satisfied unless the policy says otherwise', () => {
    const result = validatePolicyDocument({ ...policyInput(), survey });
    expect(result.ok && result.policy.survey?.satisfiedAtOrAbove).toBe(4);
  });

  it.each([2, 1, 6])('refuses a satisfied threshold of %i, not above the dissatisfied one and on the scale', (satisfiedAtOrAbove) => {
    expect(errorsOf({ ...policyInput(), survey: { ...survey, satisfiedAtOrAbove } })).toEqual([
      { path: 'survey.satisfiedAtOrAbove', message: 'must be a score above dissatisfiedAtOrBelow (2) and at most 5' },
    ]);
  });
});
