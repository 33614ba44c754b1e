import { localeSchema } from '@complaints/contracts';
import { CUSTOMER_MESSAGE_TYPES, MESSAGE_TYPES, RESPONSE_TYPES } from '@complaints/domain';
import { z } from 'zod';
import { CLOCK_IDS } from './policy-vocabulary';
import { annotationFields } from './schema-primitives';

const customerMessageSchema = z.strictObject({
  type: z.enum(CUSTOMER_MESSAGE_TYPES),
  responseTypes: z
    .array(z.enum(RESPONSE_TYPES))
    .min(1)
    .optional()
    .meta({ description: '`response` only: the response types that are sent; absent means all' }),
  levels: z
    .array(z.number().int().positive())
    .min(1)
    .optional()
    .meta({ description: '`escalated` only: the levels whose reaching the customer hears of; absent means every level' }),
  clock: z
    .enum(CLOCK_IDS)
    .optional()
    .meta({ description: '`progress_update` only: the recurring clock whose lapse sends it (default regular_update)' }),
  ...annotationFields,
});
export type CustomerMessageRule = z.output<typeof customerMessageSchema>;

const teamMessagesSchema = z.strictObject({
  onLevelRaised: z.boolean().meta({ description: 'tell the people of a level when a complaint reaches it' }),
  onClockAlert: z.boolean().meta({
    description: 'tell the people of the current level when a clock warns (escalation.level-notified)',
  }),
  ...annotationFields,
});

const templateTextSchema = z
  .strictObject({
    subject: z.string().min(1).max(300).optional(),
    text: z.string().min(1).max(5000).optional(),
  })
  .meta({
    description:
      'ICU MessageFormat text; the same arguments as the built-in template ({reference} in every subject, …). Absent parts keep the built-in text',
  });

/** What a policy that says nothing about messages sends: the basics, each a default an operator may change. */
const DEFAULT_CUSTOMER_MESSAGES: CustomerMessageRule[] = (
  ['received', 'acknowledged', 'response', 'info_requested', 'expected_date', 'resolved', 'closed'] as const
).map((type) => ({ type, defaulted: true }));

export const notificationsSchema = z
  .strictObject({
    customer: z
      .array(customerMessageSchema)
      .default(DEFAULT_CUSTOMER_MESSAGES)
      .meta({ description: 'the messages the customer is sent; a type not listed is never sent' }),
    teams: teamMessagesSchema.default({ onLevelRaised: true, onClockAlert: true, defaulted: true }),
    teamAddresses: z
      .record(z.string().min(1), z.email({ error: 'must be an email address' }))
      .default({})
      .meta({
        description:
          'the address of each role an escalation level notifies (escalation.levels[].notifies), e.g. a shared team mailbox',
      }),
    templates: z
      .record(localeSchema, z.partialRecord(z.enum(MESSAGE_TYPES), templateTextSchema))
      .default({})
      .meta({ description: 'per locale and message type, text that replaces the built-in template' }),
    ...annotationFields,
  })
  .superRefine((notifications, ctx) => {
    const seen = new Set<string>();
    notifications.customer.forEach((rule, index) => {
      if (seen.has(rule.type)) {
        ctx.addIssue({ code: 'custom', path: ['customer', index, 'type'], message: `${rule.type} is listed twice` });
      }
      seen.add(rule.type);
      const misplaced = (
        [
          ['responseTypes', 'response'],
          ['levels', 'escalated'],
          ['clock', 'progress_update'],
        ] as const
      ).find(([field, type]) => rule[field] !== undefined && rule.type !== type);
      if (misplaced) {
        ctx.addIssue({
          code: 'custom',
          path: ['customer', index, misplaced[0]],
          message: `${misplaced[0]} only applies to ${misplaced[1]}`,
        });
      }
    });
  })
  .meta({ description: 'which events send which message to the customer and to the escalation levels' });

export type NotificationsSpec = z.output<typeof notificationsSchema>;
